'use client';
import { useState, useTransition } from 'react';
import type { Locale } from '@/lib/i18n/config';
import type { Dictionary } from '@/lib/i18n/dictionary';
import { formatPrice, interpolate } from '@/lib/i18n/format';
import type { GiftCardBalanceResult, TillWalletChoice } from './types';

/** The wallet's part as the till screen computes it to show the rest (the server plans it again: lib/wallet/pay.ts). */
export function walletPart(totalCents: number, giftCardCents: number | null, storeCreditCents: number | null): number {
  const gift = Math.min(giftCardCents ?? 0, totalCents);
  return gift + Math.min(storeCreditCents ?? 0, totalCents - gift);
}

export type WalletTenderState = { giftCard: { code: string; balanceCents: number } | null; useStoreCredit: boolean };

export const toChoice = (s: WalletTenderState): TillWalletChoice => ({ useStoreCredit: s.useStoreCredit, giftCardCode: s.giftCard?.code ?? null });

/**
 * Paying from the wallet at the till: a gift card scanned (its balance checked here, spent with the
 * sale) and the customer's store credit — offered only when their loyalty card was scanned.
 */
export function WalletTender({
  storeId,
  locale,
  storeCreditCents,
  value,
  onChange,
  check,
  labels,
  fieldId = 'till-gift-card',
}: {
  storeId: number;
  locale: Locale;
  /** The customer's store credit, when their card was scanned; null otherwise. */
  storeCreditCents: number | null;
  value: WalletTenderState;
  onChange: (next: WalletTenderState) => void;
  check: (storeId: number, code: string) => Promise<GiftCardBalanceResult>;
  labels: Dictionary['wallet'];
  /** The code field's id (two wallets on one screen: the ticket's and the home-delivery order's). */
  fieldId?: string;
}) {
  const [code, setCode] = useState(value.giftCard?.code ?? '');
  const [error, setError] = useState('');
  const [pending, startTransition] = useTransition();
  const apply = () =>
    startTransition(async () => {
      setError('');
      const result = await check(storeId, code).catch(() => null);
      if (!result) return setError(labels.gift_card_unknown);
      if (!result.ok) return setError(result.message);
      setCode(result.code);
      onChange({ ...value, giftCard: { code: result.code, balanceCents: result.balanceCents } });
    });
  return (
    <fieldset className="space-y-2 rounded-lg border border-line p-3" data-testid="till-wallet">
      <legend className="px-1 text-sm font-semibold">{labels.tillWallet}</legend>
      {storeCreditCents !== null && storeCreditCents > 0 && (
        <label className="flex min-h-11 items-center gap-3">
          <input
            type="checkbox"
            className="size-5 accent-brand-600"
            checked={value.useStoreCredit}
            onChange={(e) => onChange({ ...value, useStoreCredit: e.target.checked })}
          />
          <span>{interpolate(labels.customerStoreCredit, { amount: formatPrice(storeCreditCents, locale) })}</span>
        </label>
      )}
      <div>
        <label htmlFor={fieldId} className="label">
          {labels.giftCardCode}
        </label>
        <div className="flex gap-2">
          <input
            id={fieldId}
            className="input min-w-0 flex-1 font-mono text-sm"
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            maxLength={40}
            value={code}
            onChange={(e) => {
              setCode(e.target.value);
              if (value.giftCard) onChange({ ...value, giftCard: null });
            }}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                apply();
              }
            }}
            aria-invalid={error ? true : undefined}
            aria-describedby={`${fieldId}-status`}
          />
          <button type="button" className="btn-secondary shrink-0" onClick={apply} disabled={pending || code.trim() === ''}>
            {labels.tillCheck}
          </button>
        </div>
        <p
          id={`${fieldId}-status`}
          className={`mt-1 text-sm ${error ? 'font-medium text-out' : 'text-muted'}`}
          aria-live="polite"
          data-testid={`${fieldId}-status`}
        >
          {error ||
            (value.giftCard
              ? interpolate(labels.giftCardLeft, { tail: value.giftCard.code.slice(-4), amount: formatPrice(value.giftCard.balanceCents, locale) })
              : '')}
        </p>
      </div>
    </fieldset>
  );
}
