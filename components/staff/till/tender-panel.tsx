'use client';
import { useState, type FormEvent, type ReactNode } from 'react';
import { CardFields } from '@/components/checkout/card-fields';
import type { Locale } from '@/lib/i18n/config';
import type { Dictionary } from '@/lib/i18n/dictionary';
import { formatPrice, interpolate } from '@/lib/i18n/format';
import type { PaymentTexts } from '@/lib/payments/messages';
import { parseEuroCents } from './euro-amount';
import type { RawTender } from './types';

type Method = RawTender['kind'];

type Props = {
  locale: Locale;
  /** What is left to pay by cash or card, after the wallet's part. */
  totalCents: number;
  /** The wallet's controls (gift card, store credit) and the part they pay, shown above the methods. */
  wallet?: { node: ReactNode; partCents: number; labels: Dictionary['wallet'] };
  pending: boolean;
  /** The last attempt's refusal (a declined card, short cash), said above the confirm button. */
  error: string;
  onPay: (tender: RawTender) => void;
  onBack: () => void;
  labels: Dictionary['till'];
  payments: PaymentTexts;
};

/**
 * How the ticket is paid: card (through the same provider as web checkout), cash (the amount
 * handed over, and the change due shown before confirming) or both. Short cash cannot be
 * confirmed here, and the server refuses it too.
 */
export function TenderPanel({ locale, totalCents, wallet, pending, error, onPay, onBack, labels, payments }: Props) {
  const [method, setMethod] = useState<Method>('cash');
  const [given, setGiven] = useState('');
  const [cashPart, setCashPart] = useState('');
  const money = (cents: number) => formatPrice(cents, locale);

  const givenCents = given.trim() ? parseEuroCents(given) : null;
  const partCents = method === 'split' ? (cashPart.trim() ? parseEuroCents(cashPart) : null) : totalCents;
  const cashDue = method === 'card' ? 0 : (partCents ?? 0);
  const splitBad = method === 'split' && partCents !== null && (partCents <= 0 || partCents >= totalCents);
  const short = givenCents !== null && givenCents < cashDue ? cashDue - givenCents : 0;
  // Nothing left once the wallet paid: no method to choose, nothing handed over.
  const walletOnly = totalCents === 0;
  const cashReady = walletOnly || method === 'card' || (givenCents !== null && partCents !== null && !splitBad && short === 0);

  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (!cashReady) return;
    const form = new FormData(e.currentTarget);
    const card = {
      card_number: String(form.get('card_number') ?? ''),
      card_exp: String(form.get('card_exp') ?? ''),
      card_cvc: String(form.get('card_cvc') ?? ''),
      card_holder: String(form.get('card_holder') ?? ''),
    };
    if (walletOnly) onPay({ kind: 'cash', givenCents: 0 });
    else if (method === 'cash') onPay({ kind: 'cash', givenCents: givenCents! });
    else if (method === 'card') onPay({ kind: 'card', card });
    else onPay({ kind: 'split', cashCents: partCents!, givenCents: givenCents!, card });
  };

  const amountField = (id: string, label: string, value: string, set: (v: string) => void, invalid: boolean, hint: string, strong = false) => (
    <div>
      <label htmlFor={id} className="label">
        {label}
      </label>
      <input
        id={id}
        name={id}
        className="input tabular-nums"
        inputMode="decimal"
        autoComplete="off"
        value={value}
        onChange={(e) => set(e.target.value)}
        aria-invalid={invalid || undefined}
        aria-describedby={`${id}-hint`}
      />
      <p
        id={`${id}-hint`}
        className={`mt-1 ${invalid ? 'text-sm font-medium text-out' : strong ? 'text-base font-bold text-ink' : 'text-sm text-muted'}`}
        data-testid={`${id}-hint`}
        aria-live="polite"
      >
        {hint}
      </p>
    </div>
  );

  return (
    <form onSubmit={submit} className="mt-3 space-y-3 border-t border-line pt-3" aria-labelledby="till-pay-title" data-testid="till-tender">
      <h3 id="till-pay-title" className="text-base font-bold">
        {labels.payTitle}
      </h3>
      {wallet?.node}
      {wallet && wallet.partCents > 0 && (
        <p className="flex justify-between text-sm font-medium" data-testid="till-wallet-part">
          <span>{interpolate(wallet.labels.walletPart, { amount: money(wallet.partCents) })}</span>
          <span>{interpolate(wallet.labels.restToPay, { amount: money(totalCents) })}</span>
        </p>
      )}
      {!walletOnly && (
        <>
          <fieldset>
            <legend className="label">{labels.payHow}</legend>
            <div className="grid grid-cols-3 gap-1">
              {(['cash', 'card', 'split'] as const).map((m) => (
                <label
                  key={m}
                  className="flex min-h-11 cursor-pointer items-center justify-center gap-1.5 rounded-lg border border-line px-2 text-center text-sm font-medium has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50"
                >
                  <input
                    type="radio"
                    name="method"
                    value={m}
                    checked={method === m}
                    onChange={() => setMethod(m)}
                    className="size-4 shrink-0 accent-brand-600"
                  />
                  {m === 'cash' ? labels.payCash : m === 'card' ? labels.payCard : labels.paySplit}
                </label>
              ))}
            </div>
          </fieldset>
          {method === 'split' &&
            amountField(
              'till-cash-part',
              labels.cashPart,
              cashPart,
              setCashPart,
              (cashPart.trim() !== '' && partCents === null) || splitBad,
              cashPart.trim() !== '' && partCents === null
                ? labels.amountInvalid
                : splitBad
                  ? labels.splitInvalid
                  : interpolate(labels.cardPart, { amount: money(totalCents - (partCents ?? 0)) }),
            )}
          {method !== 'card' &&
            amountField(
              'till-cash-given',
              labels.cashGiven,
              given,
              setGiven,
              (given.trim() !== '' && givenCents === null) || short > 0,
              given.trim() !== '' && givenCents === null
                ? labels.amountInvalid
                : short > 0
                  ? interpolate(labels.cashShortBy, { amount: money(short) })
                  : // The change is said once both amounts are known, and stands out: it is what is counted back.
                    givenCents !== null && partCents !== null && !splitBad
                    ? interpolate(labels.changeDue, { amount: money(givenCents - cashDue) })
                    : '',
              givenCents !== null && partCents !== null && !splitBad && short === 0,
            )}
          {method !== 'cash' && <CardFields texts={payments} testMode />}
        </>
      )}
      <p role="alert" className="text-sm font-medium text-out empty:hidden" data-testid="till-error">
        {error}
      </p>
      <div className="grid gap-2">
        <button type="submit" className="btn-primary min-h-14 text-base" disabled={pending || !cashReady} data-testid="till-confirm-payment">
          {pending
            ? labels.completing
            : walletOnly && wallet
              ? wallet.labels.confirmWalletOnly
              : interpolate(labels.confirmPayment, { total: money(totalCents) })}
        </button>
        <button type="button" className="btn-secondary" onClick={onBack} disabled={pending}>
          {labels.backToTicket}
        </button>
      </div>
    </form>
  );
}
