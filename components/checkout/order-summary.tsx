import type { Locale } from '@/lib/i18n/config';
import { formatPrice, interpolate } from '@/lib/i18n/format';

export type SummaryLine = { skuId: number; name: string; variant: string; image: string | null; quantity: number; unitPriceCents: number };

export type SummaryTexts = {
  summary: string;
  subtotal: string;
  deliveryFee: string;
  free: string;
  freeFrom: string;
  total: string;
  qty: string;
  /** "Loyalty points ({points} pts)" */
  pointsDiscount: string;
};

export type OrderSummaryProps = {
  lines: SummaryLine[];
  subtotalCents: number;
  /** Home delivery's fee (0: free); null for drive, which has none. */
  deliveryCents: number | null;
  /** Shown under the delivery line while it is not free: "Free delivery from €50.00." */
  freeFromCents?: number | null;
  /** Loyalty points spent on the goods and what they took off (0: no line). */
  pointsRedeemed?: number;
  discountCents?: number;
  totalCents: number;
  locale: Locale;
  t: SummaryTexts;
  /** A heading level that fits the page (h2 at checkout). */
  title?: boolean;
};

/** Lines, subtotal, delivery and total: the checkout's summary and the order page's receipt. */
export function OrderSummary({
  lines,
  subtotalCents,
  deliveryCents,
  freeFromCents,
  pointsRedeemed = 0,
  discountCents = 0,
  totalCents,
  locale,
  t,
  title = true,
}: OrderSummaryProps) {
  const price = (cents: number) => formatPrice(cents, locale);
  return (
    <section aria-labelledby={title ? 'order-summary-title' : undefined} className="card px-4 pt-3 pb-4" data-testid="order-summary">
      {title && (
        <h2 id="order-summary-title" className="text-base font-bold">
          {t.summary}
        </h2>
      )}
      <ul className="divide-y divide-line" data-testid="summary-lines">
        {lines.map((l) => (
          <li key={l.skuId} className="flex items-center gap-3 py-3">
            <div className="size-12 shrink-0 overflow-hidden rounded-lg bg-brand-50">
              {l.image && (
                // eslint-disable-next-line @next/next/no-img-element -- local SVG illustrations: next/image adds nothing for vector files
                <img src={l.image} alt="" className="size-full object-cover" loading="lazy" />
              )}
            </div>
            <div className="min-w-0 flex-1">
              <p className="text-sm leading-snug font-semibold">{l.name}</p>
              <p className="text-xs text-muted">
                {[l.variant, interpolate(t.qty, { count: l.quantity, price: price(l.unitPriceCents) })].filter(Boolean).join(' · ')}
              </p>
            </div>
            <p className="shrink-0 text-sm font-semibold tabular-nums">{price(l.unitPriceCents * l.quantity)}</p>
          </li>
        ))}
      </ul>
      <dl className="space-y-1 border-t border-line pt-3 text-sm">
        <div className="flex justify-between gap-3">
          <dt>{t.subtotal}</dt>
          <dd className="tabular-nums" data-testid="summary-subtotal">
            {price(subtotalCents)}
          </dd>
        </div>
        {deliveryCents !== null && (
          <div className="flex flex-wrap justify-between gap-x-3">
            <dt>{t.deliveryFee}</dt>
            <dd className={`tabular-nums ${deliveryCents === 0 ? 'font-semibold text-ok' : ''}`} data-testid="summary-delivery">
              {deliveryCents === 0 ? t.free : price(deliveryCents)}
            </dd>
            {deliveryCents > 0 && freeFromCents ? (
              <dd className="w-full text-xs text-muted">{interpolate(t.freeFrom, { amount: price(freeFromCents) })}</dd>
            ) : null}
          </div>
        )}
        {discountCents > 0 && (
          <div className="flex justify-between gap-3 text-ok">
            <dt>{interpolate(t.pointsDiscount, { points: pointsRedeemed })}</dt>
            <dd className="font-semibold tabular-nums" data-testid="summary-discount">
              −{price(discountCents)}
            </dd>
          </div>
        )}
        <div className="flex items-baseline justify-between gap-3 pt-1 text-base font-bold">
          <dt>{t.total}</dt>
          <dd className="text-xl tabular-nums" data-testid="summary-total">
            {price(totalCents)}
          </dd>
        </div>
      </dl>
    </section>
  );
}
