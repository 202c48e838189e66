'use client';
import { useRouter } from 'next/navigation';
import { useState, useTransition, type FormEvent } from 'react';
import { newKey } from '@/components/forms/new-key';
import type { Locale } from '@/lib/i18n/config';
import type { Dictionary } from '@/lib/i18n/dictionary';
import { formatPrice, interpolate } from '@/lib/i18n/format';
import type { PaymentTexts } from '@/lib/payments/messages';
import { localizedPath } from '@/lib/routing/public-url';
import { parseEuroCents } from './euro-amount';
import { TenderPanel } from './tender-panel';
import type { RawTender, SellGiftCardResult } from './types';

type Props = {
  storeId: number;
  locale: Locale;
  limits: { minCents: number; maxCents: number };
  sell: (sale: { storeId: number; idempotencyKey: string; amountCents: number; tender: RawTender }) => Promise<SellGiftCardResult>;
  labels: Dictionary['till'];
  walletLabels: Dictionary['wallet'];
  payments: PaymentTexts;
};

/**
 * A gift card sold at the till: its amount (within the shop's limits), then paid like a ticket —
 * card, cash or both — and the receipt, which shows the card's code. One key per card on the
 * screen: a retried "Take payment" sells it once.
 */
export function GiftCardSale({ storeId, locale, limits, sell, labels, walletLabels, payments }: Props) {
  const router = useRouter();
  const [key] = useState(newKey);
  const [amount, setAmount] = useState('');
  const [amountCents, setAmountCents] = useState<number | null>(null);
  const [error, setError] = useState('');
  const [pending, startTransition] = useTransition();
  const money = (cents: number) => formatPrice(cents, locale);
  const range = interpolate(walletLabels.gift_card_amount, { min: money(limits.minCents), max: money(limits.maxCents) });

  const choose = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const cents = parseEuroCents(amount);
    if (cents === null) return setError(walletLabels.gift_card_amount_invalid);
    if (cents < limits.minCents || cents > limits.maxCents) return setError(range);
    setError('');
    setAmountCents(cents);
  };

  const pay = (tender: RawTender) =>
    startTransition(async () => {
      const result = await sell({ storeId, idempotencyKey: key, amountCents: amountCents!, tender }).catch(() => null);
      if (!result) return setError(labels.answerLost);
      if (!result.ok) return setError(result.message);
      router.push(localizedPath(`/staff/till/receipts/${result.saleId}`, locale));
    });

  if (amountCents !== null)
    return (
      <section aria-labelledby="gift-card-pay" className="space-y-3 card p-3 sm:p-4">
        <h3 id="gift-card-pay" className="font-bold">
          {walletLabels.giftCard} · {money(amountCents)}
        </h3>
        <TenderPanel
          locale={locale}
          totalCents={amountCents}
          pending={pending}
          error={error}
          onPay={pay}
          onBack={() => {
            setError('');
            setAmountCents(null);
          }}
          labels={labels}
          payments={payments}
        />
      </section>
    );

  return (
    <form onSubmit={choose} className="max-w-md space-y-3 card p-3 sm:p-4" noValidate>
      <div>
        <label htmlFor="gift-card-amount" className="label">
          {walletLabels.amount}
        </label>
        <input
          id="gift-card-amount"
          name="amount"
          className="input tabular-nums"
          inputMode="decimal"
          autoComplete="off"
          value={amount}
          onChange={(e) => setAmount(e.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby="gift-card-amount-hint"
        />
        <p id="gift-card-amount-hint" className={`mt-1 text-sm ${error ? 'font-medium text-out' : 'text-muted'}`} role={error ? 'alert' : undefined}>
          {error || interpolate(walletLabels.amountHint, { min: money(limits.minCents), max: money(limits.maxCents) })}
        </p>
      </div>
      <button type="submit" className="btn-primary w-full sm:w-auto" data-testid="gift-card-continue">
        {amount.trim() && parseEuroCents(amount) !== null ? interpolate(labels.complete, { total: money(parseEuroCents(amount)!) }) : walletLabels.sellGiftCard}
      </button>
    </form>
  );
}
