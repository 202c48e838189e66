'use client';
import type { Locale } from '@/lib/i18n/config';
import type { Dictionary } from '@/lib/i18n/dictionary';
import { formatPrice, interpolate } from '@/lib/i18n/format';

type Props = {
  locale: Locale;
  points: number;
  /** The most this ticket can take: within the balance and the ticket's total, in whole steps. */
  maxPoints: number;
  step: { points: number; cents: number };
  onChange: (points: number) => void;
  labels: Dictionary['till'];
};

/** Points off the ticket in whole steps (100 points = €5), shown as a discount line on the ticket. */
export function RedeemControl({ locale, points, maxPoints, step, onChange, labels }: Props) {
  const amount = formatPrice((points / step.points) * step.cents, locale);
  return (
    <div className="mt-3 rounded-lg border border-line p-3" role="group" aria-labelledby="till-redeem-label">
      <p id="till-redeem-label" className="text-sm font-medium">
        {labels.redeemLabel}
      </p>
      <div className="mt-1 flex items-center gap-2">
        <button
          type="button"
          className="btn-secondary w-11 px-0"
          aria-label={labels.redeemLess}
          disabled={points <= 0}
          onClick={() => onChange(points - step.points)}
        >
          −
        </button>
        <output className="min-w-32 text-center font-semibold tabular-nums" aria-live="polite" data-testid="till-redeem-points">
          {interpolate(labels.redeemValue, { points, amount })}
        </output>
        <button
          type="button"
          className="btn-secondary w-11 px-0"
          aria-label={labels.redeemMore}
          disabled={points + step.points > maxPoints}
          onClick={() => onChange(points + step.points)}
          data-testid="till-redeem-more"
        >
          +
        </button>
      </div>
      <p className="mt-1 text-xs text-muted">{labels.redeemHint}</p>
    </div>
  );
}
