import type { Dictionary } from '@/lib/i18n/dictionary';
import type { Locale } from '@/lib/i18n/config';
import { formatDate, formatDateTime, formatMessage, formatPrice, interpolate } from '@/lib/i18n/format';
import type { CardView, RedeemRule } from './types';

export function formatPoints(points: number, locale: Locale, t: Dictionary['card']): string {
  return formatMessage(t.points, { points }, locale);
}

/** Balance in points and what it is worth (redeemed in whole steps: 100 points = €5 by default). */
export function BalancePanel({ card, rule, locale, t }: { card: CardView; rule: RedeemRule; locale: Locale; t: Dictionary['card'] }) {
  const steps = Math.floor(Math.max(0, card.balance) / rule.redeemStepPoints);
  const stepAmount = formatPrice(rule.redeemStepCents, locale);
  return (
    <section aria-labelledby="card-balance" className="card p-5" data-testid="card-balance-panel">
      <h2 id="card-balance" className="text-xs font-semibold tracking-wide text-muted uppercase">
        {t.balance}
      </h2>
      <p className="mt-1 text-3xl font-bold tracking-tight" data-testid="card-balance">
        {formatPoints(card.balance, locale, t)}
      </p>
      <p className="mt-0.5 font-medium text-brand-700" data-testid="card-balance-value">
        {steps > 0
          ? interpolate(t.worth, { amount: formatPrice(steps * rule.redeemStepCents, locale) })
          : interpolate(t.worthNothingYet, { points: formatPoints(rule.redeemStepPoints - Math.max(0, card.balance), locale, t), amount: stepAmount })}
      </p>
      <p className="mt-2 text-sm text-muted">{interpolate(t.redeemRule, { points: rule.redeemStepPoints, amount: stepAmount })}</p>
      {card.expiringSoon && (
        <p className="mt-3 rounded-lg border border-low/30 bg-low/10 px-3 py-2 text-sm font-medium text-ink" data-testid="card-expiring">
          {formatMessage(
            t.expiring,
            { points: card.expiringSoon.points, date: formatDate(card.expiringSoon.on, locale, { day: 'numeric', month: 'long' }) },
            locale,
          )}
        </p>
      )}
      <p className="mt-3 text-xs text-muted" data-testid="card-as-of">
        {interpolate(t.asOf, { date: formatDateTime(card.asOf, locale) })}
      </p>
    </section>
  );
}
