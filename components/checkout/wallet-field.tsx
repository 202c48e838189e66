'use client';
import { useId, useState } from 'react';
import type { Locale } from '@/lib/i18n/config';
import { formatPrice, interpolate } from '@/lib/i18n/format';

/** What the shopper's wallet holds, as checkout offers it (lib/wallet/queries.ts). */
export type WalletOffer = { storeCreditCents: number; giftCards: { code: string; balanceCents: number }[] };

export type WalletTexts = { payWith: string; useStoreCredit: string; giftCardCode: string; giftCardCodeHint: string; giftCards: string; placeOrder: string };

/**
 * "Pay from my wallet" at checkout: the store credit (a box to tick) and a gift card's code (typed,
 * or one of the shopper's own cards picked). The server decides each part's amount — the gift
 * card first, then the credit, the card for the rest (lib/wallet/pay.ts); `onStoreCredit` lets the
 * form show the credit's part in its total meanwhile.
 */
export function WalletField({
  offer,
  errors,
  onStoreCredit,
  onGiftCard,
  locale,
  t,
}: {
  offer: WalletOffer;
  errors: { wallet?: string; giftCardCode?: string };
  onStoreCredit: (used: boolean) => void;
  /** Whether a gift card's code is entered (its balance is the server's to know: the button names no amount then). */
  onGiftCard: (entered: boolean) => void;
  locale: Locale;
  t: WalletTexts;
}) {
  const id = useId();
  const [code, setCode] = useState('');
  return (
    <section aria-labelledby={`${id}-title`} className="space-y-3 card p-4" data-testid="checkout-wallet">
      <h2 id={`${id}-title`} className="text-base font-bold">
        {t.payWith}
      </h2>
      {offer.storeCreditCents > 0 && (
        <label className="flex min-h-11 items-center gap-3">
          <input
            type="checkbox"
            name="useStoreCredit"
            value="1"
            className="size-5"
            onChange={(e) => onStoreCredit(e.target.checked)}
            aria-invalid={errors.wallet ? true : undefined}
            aria-describedby={errors.wallet ? `${id}-wallet-error` : undefined}
          />
          <span>{interpolate(t.useStoreCredit, { amount: formatPrice(offer.storeCreditCents, locale) })}</span>
          {/* What the box says the credit is: less by the time the order is placed is refused, with the new figure. */}
          <input type="hidden" name="storeCreditShown" value={offer.storeCreditCents} />
        </label>
      )}
      {errors.wallet && (
        <p id={`${id}-wallet-error`} className="field-error" role="alert">
          {errors.wallet}
        </p>
      )}
      <div className="space-y-1">
        <label htmlFor={`${id}-code`} className="label">
          {t.giftCardCode}
        </label>
        <input
          id={`${id}-code`}
          name="giftCardCode"
          value={code}
          onChange={(e) => {
            setCode(e.target.value);
            onGiftCard(e.target.value.trim() !== '');
          }}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          maxLength={40}
          className="input w-full font-mono"
          aria-invalid={errors.giftCardCode ? true : undefined}
          aria-describedby={`${id}-code-hint${errors.giftCardCode ? ` ${id}-code-error` : ''}`}
        />
        <p id={`${id}-code-hint`} className="text-xs text-muted">
          {t.giftCardCodeHint}
        </p>
        {errors.giftCardCode && (
          <p id={`${id}-code-error`} className="field-error" role="alert">
            {errors.giftCardCode}
          </p>
        )}
      </div>
      {offer.giftCards.length > 0 && (
        <ul className="flex flex-wrap gap-2" aria-label={t.giftCards}>
          {offer.giftCards.map((c) => (
            <li key={c.code}>
              <button
                type="button"
                className="btn-secondary min-h-11 text-sm"
                onClick={() => {
                  setCode(c.code);
                  onGiftCard(true);
                }}
                aria-pressed={code === c.code}
              >
                •••• {c.code.slice(-4)} · {formatPrice(c.balanceCents, locale)}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
