'use client';
import { useCallback, useState, useTransition } from 'react';
import type { Dictionary } from '@/lib/i18n/dictionary';
import type { Locale } from '@/lib/i18n/config';
import { formatMessage, interpolate } from '@/lib/i18n/format';
import { formatCardNumber } from '@/lib/loyalty/card-number';
import { parseCustomerQuery } from '@/lib/sales/customer-query';
import { QrScanButton } from '../qr-scan-button';
import type { FindCustomerResult, TillCustomer } from './types';

type Props = {
  customer: TillCustomer | null;
  onCustomer: (customer: TillCustomer | null) => void;
  find: (query: string) => Promise<FindCustomerResult>;
  locale: Locale;
  labels: Dictionary['till'];
};

const CARD_FORMATS = ['ean_13'];

/** Who is buying: a scanned or typed loyalty card number, or an email. The check digit is checked on the field first. */
export function CustomerPanel({ customer, onCustomer, find, locale, labels }: Props) {
  const [error, setError] = useState('');
  const [pending, startTransition] = useTransition();

  const lookUp = useCallback(
    (query: string) => {
      const parsed = parseCustomerQuery(query);
      if (parsed.kind === 'invalid') {
        setError(
          parsed.reason === 'card_length'
            ? formatMessage(labels.cardLength, { count: parsed.digits }, locale)
            : { card_prefix: labels.cardPrefix, card_check_digit: labels.cardCheckDigit, format: labels.customerFormat }[parsed.reason],
        );
        return;
      }
      setError('');
      startTransition(async () => {
        const result = await find(query);
        if (result.ok) onCustomer(result.customer);
        else setError(result.message);
      });
    },
    [find, labels, locale, onCustomer],
  );

  if (customer) {
    return (
      <section aria-labelledby="till-customer" className="card p-3 sm:p-4" data-testid="till-customer">
        <h2 id="till-customer" className="text-sm font-semibold text-muted">
          {labels.customerTitle}
        </h2>
        <div className="mt-1 flex flex-wrap items-start justify-between gap-2">
          <div className="min-w-0">
            <p className="truncate text-lg font-bold" data-testid="till-customer-name">
              {customer.name}
            </p>
            <p className="truncate text-sm text-muted">{customer.email}</p>
            <p className="font-mono text-sm">
              {customer.cardNumber
                ? formatCardNumber(customer.cardNumber)
                : customer.cardEnding
                  ? interpolate(labels.cardEnding, { digits: customer.cardEnding })
                  : labels.noCard}
            </p>
            {customer.cardEnding && (
              <p className="mt-1 text-sm text-muted" data-testid="till-scan-to-redeem">
                {labels.scanToRedeem}
              </p>
            )}
          </div>
          {(customer.cardNumber || customer.cardEnding) && customer.tier && (
            <div className="text-right">
              <p className="inline-block rounded-full bg-brand-50 px-2 py-0.5 text-xs font-semibold text-brand-700" data-testid="till-customer-tier">
                {labels[`tier_${customer.tier}` as 'tier_member'] ?? customer.tier}
              </p>
              <p className="text-lg font-bold tabular-nums" data-testid="till-customer-balance">
                {formatMessage(labels.balance, { points: customer.balance ?? 0 }, locale)}
              </p>
            </div>
          )}
        </div>
        <button type="button" className="mt-2 btn-secondary" onClick={() => onCustomer(null)}>
          {labels.customerClear}
        </button>
      </section>
    );
  }

  return (
    <section aria-labelledby="till-customer" className="card p-3 sm:p-4">
      <h2 id="till-customer" className="sr-only">
        {labels.customerTitle}
      </h2>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          lookUp(String(new FormData(e.currentTarget).get('customer') ?? ''));
        }}
        noValidate
      >
        <label htmlFor="till-customer-input" className="label">
          {labels.customerLabel}
        </label>
        <div className="flex gap-2">
          <input
            id="till-customer-input"
            name="customer"
            // The customer comes first at the counter: a USB scanner types into this field on arrival.
            autoFocus
            type="text"
            inputMode="email"
            placeholder={labels.customerPlaceholder}
            autoComplete="off"
            autoCorrect="off"
            autoCapitalize="off"
            spellCheck={false}
            enterKeyHint="search"
            maxLength={254}
            aria-invalid={error ? true : undefined}
            aria-describedby="till-customer-hint till-customer-error"
            className="input min-h-12 font-mono"
            data-testid="till-customer-input"
            onInput={() => setError('')}
          />
          <button type="submit" className="btn-primary min-h-12 shrink-0 px-4" disabled={pending}>
            {labels.customerFind}
          </button>
        </div>
        <p id="till-customer-error" role="alert" className="field-error empty:hidden" data-testid="till-customer-error">
          {error}
        </p>
        <p id="till-customer-hint" className="mt-1 text-xs text-muted">
          {labels.customerHint}
        </p>
      </form>
      <QrScanButton
        onCode={lookUp}
        formats={CARD_FORMATS}
        testId="till-scan-card"
        labels={{ scan: labels.scanCard, stop: labels.scanStop, help: labels.scanHelp, denied: labels.scanDenied }}
      />
    </section>
  );
}
