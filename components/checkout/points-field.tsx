'use client';
import { useId } from 'react';
import type { Locale } from '@/lib/i18n/config';
import { formatMessage, formatNumber, formatPrice, interpolate } from '@/lib/i18n/format';

/** What the shopper's balance can take off this order, in whole redemption steps. */
export type PointsOffer = { balance: number; maxPoints: number; stepPoints: number; stepCents: number };

export type PointsTexts = {
  pointsTitle: string;
  /** "You have {points} points." */
  pointsBalance: string;
  pointsNone: string;
  /** "{points} points: −{amount}" */
  pointsOption: string;
  /** "Points pay for goods, up to {amount} on this order." */
  pointsHint: string;
  /** "You need {points} points to save {amount}." */
  pointsTooFew: string;
};

/** "Use my points" at checkout: a choice of whole steps up to what this order can take. */
export function PointsField({
  offer,
  value,
  onChange,
  error,
  locale,
  t,
}: {
  offer: PointsOffer;
  value: number;
  onChange: (points: number) => void;
  error?: string;
  locale: Locale;
  t: PointsTexts;
}) {
  const id = useId();
  const price = (cents: number) => formatPrice(cents, locale);
  const steps = Array.from({ length: offer.maxPoints / offer.stepPoints }, (_, i) => (i + 1) * offer.stepPoints);
  const worth = (points: number) => price((points / offer.stepPoints) * offer.stepCents);
  return (
    <section aria-labelledby={`${id}-title`} className="space-y-2 card p-4" data-testid="checkout-points">
      <h2 id={`${id}-title`} className="text-base font-bold">
        {t.pointsTitle}
      </h2>
      <p className="text-sm text-muted">{formatMessage(t.pointsBalance, { points: offer.balance }, locale)}</p>
      {steps.length === 0 ? (
        <p className="text-sm">{interpolate(t.pointsTooFew, { points: offer.stepPoints, amount: price(offer.stepCents) })}</p>
      ) : (
        <>
          <label htmlFor={`${id}-select`} className="sr-only">
            {t.pointsTitle}
          </label>
          <select
            id={`${id}-select`}
            name="redeemPoints"
            value={value}
            onChange={(e) => onChange(Number(e.target.value))}
            aria-invalid={error ? true : undefined}
            aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}
            className="input min-h-11 w-full"
            data-testid="points-select"
          >
            <option value={0}>{t.pointsNone}</option>
            {steps.map((p) => (
              <option key={p} value={p}>
                {interpolate(t.pointsOption, { points: formatNumber(p, locale), amount: worth(p) })}
              </option>
            ))}
          </select>
          <p id={`${id}-hint`} className="text-xs text-muted">
            {interpolate(t.pointsHint, { amount: worth(offer.maxPoints) })}
          </p>
        </>
      )}
      {error && (
        <p id={`${id}-error`} className="field-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
