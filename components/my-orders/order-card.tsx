import { Link } from '@/components/layout/link';
import type { Locale } from '@/lib/i18n/config';
import type { Dictionary } from '@/lib/i18n/dictionary';
import { formatPrice, interpolate } from '@/lib/i18n/format';
import type { Order } from '@/lib/orders/queries';
import { dayText, itemsText, slotText } from './format';
import { OrderStatusBadge } from './order-status-badge';

const OPEN = new Set(['placed', 'preparing', 'ready', 'shipped']);

/** One order in "My orders"; the whole card opens it. */
export function OrderCard({ order: o, locale, t }: { order: Order; locale: Locale; t: Dictionary['orders'] }) {
  const open = OPEN.has(o.status);
  const where =
    o.mode === 'drive'
      ? [o.location.name, o.slot ? slotText(o.slot, locale, t) : null].filter(Boolean).join(' · ')
      : [o.delivery?.address, [o.delivery?.postcode, o.delivery?.town].filter(Boolean).join(' ')].filter(Boolean).join(', ');
  return (
    <li
      className={`relative flex flex-col gap-1.5 card p-4 hover:border-brand-500 ${open ? '' : 'bg-white/60'}`}
      data-testid="order-card"
      data-order={o.number}
    >
      <div className="flex flex-wrap items-start justify-between gap-2">
        <h2 className="min-w-0 text-base leading-snug font-bold">
          <Link href={`/account/orders/${o.number}`} className="font-mono tracking-wide after:absolute after:inset-0 after:rounded-xl hover:underline">
            {o.number}
          </Link>
        </h2>
        <OrderStatusBadge status={o.status} t={t} />
      </div>
      <p className="text-sm">
        <span className="font-semibold">{t[`modeLabel_${o.mode}`]}</span>
        {where && <span className="text-muted"> · {where}</span>}
      </p>
      <p className="text-sm text-muted">
        {interpolate(t.placedOn, { date: dayText(o.placedAt, locale) })} · {itemsText(o.units, locale, t)} ·{' '}
        <span className="font-semibold text-ink tabular-nums">{formatPrice(o.totalCents, locale)}</span>
      </p>
    </li>
  );
}
