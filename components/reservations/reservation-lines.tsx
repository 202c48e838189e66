import { Link } from '@/components/layout/link';
import type { Locale } from '@/lib/i18n/config';
import type { Dictionary } from '@/lib/i18n/dictionary';
import { formatPrice, interpolate } from '@/lib/i18n/format';
import type { ReservationLine } from '@/lib/reservations/queries';
import { variantLabel } from '@/lib/catalog/variant-label';

type Props = {
  lines: ReservationLine[];
  totalCents: number;
  /** Still to be paid at the desk (open), or history. */ open: boolean;
  locale: Locale;
  t: Dictionary;
};

/** "42 · Marine": size and colour as the shop's tag shows them, in the page's language. */
export function variantOf(line: Pick<ReservationLine, 'size' | 'colour'>, locale: Locale, t: Dictionary): string {
  return variantLabel(line, locale, t);
}

/** The items held, at the prices reserved, and what the shopper will pay at the desk. */
export function ReservationLines({ lines, totalCents, open, locale, t }: Props) {
  return (
    <div>
      <ul className="divide-y divide-line" data-testid="reservation-lines">
        {lines.map((line) => (
          <li key={line.skuId} className="flex items-center gap-3 py-3">
            <div className="size-14 shrink-0 overflow-hidden rounded-lg bg-brand-50">
              {line.image && (
                // eslint-disable-next-line @next/next/no-img-element -- local SVG illustrations: next/image adds nothing for vector files
                <img src={line.image} alt="" className="size-full object-cover" loading="lazy" />
              )}
            </div>
            <div className="min-w-0 flex-1">
              <Link href={`/p/${line.productSlug}?sku=${line.skuId}`} className="font-semibold hover:underline">
                {line.productName}
              </Link>
              <p className="text-sm text-muted">
                {[variantOf(line, locale, t), interpolate(t.reservations.qty, { count: line.quantity })].filter(Boolean).join(' · ')}
              </p>
            </div>
            <p className="shrink-0 font-semibold tabular-nums">{formatPrice(line.unitPriceCents * line.quantity, locale)}</p>
          </li>
        ))}
      </ul>
      <p className="flex items-baseline justify-between gap-3 border-t border-line pt-3 font-bold">
        <span>{open ? t.reservations.toPay : t.reservations.total}</span>
        <span className="text-lg tabular-nums" data-testid="reservation-total">
          {formatPrice(totalCents, locale)}
        </span>
      </p>
    </div>
  );
}
