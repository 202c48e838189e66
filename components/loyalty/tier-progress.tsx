import type { Dictionary } from '@/lib/i18n/dictionary';
import type { Locale } from '@/lib/i18n/config';
import { formatNumber, formatPrice, interpolate } from '@/lib/i18n/format';
import type { CardView } from './types';

/** Tier, its points multiplier, and how far the last 12 months' spend is from the next one. */
export function TierProgress({ card, locale, t }: { card: CardView; locale: Locale; t: Dictionary['card'] }) {
  const multiplier = formatNumber(card.tierMultiplier, locale, { maximumFractionDigits: 2 });
  const spent = formatPrice(card.spend12mCents, locale);
  const next = card.nextTier;
  const percent = next ? Math.min(100, Math.max(0, Math.floor((card.spend12mCents / next.minSpendCents) * 100))) : 100;
  return (
    <section aria-labelledby="card-tier" className="card p-5" data-testid="card-tier-panel">
      <h2 id="card-tier" className="text-xs font-semibold tracking-wide text-muted uppercase">
        {t.tier}
      </h2>
      <p className="mt-1 flex flex-wrap items-baseline gap-x-2">
        <span className="text-2xl font-bold tracking-tight" data-testid="card-tier">
          {t[`tier_${card.tier}`]}
        </span>
        <span className="text-sm font-semibold text-brand-700">{interpolate(t.multiplier, { multiplier })}</span>
      </p>
      {next ? (
        <>
          <div
            role="progressbar"
            aria-label={interpolate(t.progressLabel, { tier: t[`tier_${next.id}`] })}
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={percent}
            className="mt-3 h-2.5 overflow-hidden rounded-full bg-brand-50"
          >
            <div className="h-full rounded-full bg-brand-500" style={{ width: `${percent}%` }} />
          </div>
          <p className="mt-2 text-sm text-muted" data-testid="card-tier-progress">
            {interpolate(t.progress, { spent, missing: formatPrice(next.minSpendCents - card.spend12mCents, locale), tier: t[`tier_${next.id}`] })}
          </p>
        </>
      ) : (
        <p className="mt-2 text-sm text-muted" data-testid="card-tier-progress">
          {interpolate(t.topTier, { spent })}
        </p>
      )}
    </section>
  );
}
