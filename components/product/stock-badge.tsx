import { availabilityLevel } from '@/lib/inventory/availability';
import type { Locale } from '@/lib/i18n/config';
import { formatMessage } from '@/lib/i18n/format';

type Texts = { inStock: string; onlyLeft: string; outOfStock: string; notStocked: string };

const styles = {
  in_stock: 'text-ok',
  low: 'text-low',
  out: 'text-out',
  not_stocked: 'text-muted',
} as const;

const dots = {
  in_stock: 'bg-ok',
  low: 'bg-low',
  out: 'bg-out',
  not_stocked: 'bg-line',
} as const;

/** "In stock" / "Only 2 left" / "Out of stock", with a coloured dot (colour is never the only cue). */
export function StockBadge({ available, locale, t }: { available: number | null; locale: Locale; t: Texts }) {
  const level = availabilityLevel(available);
  const label =
    level === 'in_stock'
      ? t.inStock
      : level === 'low'
        ? formatMessage(t.onlyLeft, { count: available ?? 0 }, locale)
        : level === 'out'
          ? t.outOfStock
          : t.notStocked;
  return (
    <span className={`inline-flex items-center gap-1.5 text-sm font-semibold ${styles[level]}`} data-stock-level={level}>
      <span aria-hidden className={`h-2 w-2 shrink-0 rounded-full ${dots[level]}`} />
      {label}
    </span>
  );
}
