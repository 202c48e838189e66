import { Link } from '@/components/layout/link';
import { OrderStatusBadge } from '@/components/my-orders/order-status-badge';
import { StatusBadge } from '@/components/reservations/status-badge';
import { ReturnStatusBadge } from '@/components/returns/return-status-badge';
import type { TimelineItem } from '@/lib/customers/timeline';
import type { Locale } from '@/lib/i18n/config';
import type { Dictionary } from '@/lib/i18n/dictionary';
import { formatPrice, formatTime, interpolate } from '@/lib/i18n/format';

type T = Pick<Dictionary, 'activity' | 'orders' | 'reservations' | 'returns' | 'wallet'>;

function describe(item: TimelineItem, t: T): { title: string; detail: string | null; href: string | null; channel: string } {
  const a = t.activity;
  switch (item.kind) {
    case 'order':
      return {
        title: a[`order_${item.mode}`],
        detail: item.number,
        href: `/account/orders/${item.number}`,
        // A drive order names its drive; a home delivery ordered at a shop's till names that shop.
        channel: item.storeName ? interpolate(item.mode === 'drive' ? a.driveAt : a.orderedAt, { store: item.storeName }) : a.online,
      };
    case 'sale':
      return {
        title: a[`sale_${item.source}`],
        detail: null,
        // Every purchase in a shop opens its receipt (a collected reservation's too).
        href: `/account/activity/receipts/${item.id}`,
        channel: item.storeName ?? '',
      };
    case 'reservation':
      return { title: a.reservation, detail: null, href: `/account/reservations/${item.reservationId}`, channel: item.storeName ?? '' };
    case 'return':
      return {
        title: a.returnItem,
        detail: interpolate(a.forOrder, { number: item.orderNumber }),
        href: `/account/returns/${item.code}`,
        channel: item.storeName ?? '',
      };
    case 'points':
      return {
        title: a[`points_${item.entryKind}`],
        detail: item.orderNumber ? interpolate(a.forOrder, { number: item.orderNumber }) : item.note,
        href: item.orderNumber ? `/account/orders/${item.orderNumber}` : null,
        channel: item.storeName ?? (item.orderNumber ? a.online : a.loyalty),
      };
    case 'wallet':
      return {
        title: t.wallet[`timeline_${item.entryKind}`],
        detail: item.giftCardCode
          ? `${t.wallet.giftCard} •••• ${item.giftCardCode.slice(-4)}`
          : item.orderNumber
            ? interpolate(a.forOrder, { number: item.orderNumber })
            : null,
        href: item.orderNumber ? `/account/orders/${item.orderNumber}` : '/account',
        channel: item.storeName ?? a.online,
      };
  }
}

/** One line of "My activity": what, where and when on the left; amount and points on the right. */
export function TimelineEntry({ item, locale, t }: { item: TimelineItem; locale: Locale; t: T }) {
  const { title, detail, href, channel } = describe(item, t);
  const a = t.activity;
  return (
    <li className={`relative flex gap-3 px-4 py-3 ${href ? 'hover:bg-paper' : ''}`} data-testid="activity-item" data-kind={item.kind}>
      <div className="min-w-0 flex-1">
        <p className="leading-snug font-semibold">
          {href ? (
            <Link href={href} className="after:absolute after:inset-0 hover:underline">
              {title}
            </Link>
          ) : (
            title
          )}
        </p>
        {detail && <p className={`text-sm break-words ${item.kind === 'order' ? 'font-mono tracking-wide' : 'text-muted'}`}>{detail}</p>}
        <p className="mt-0.5 text-sm text-muted">{[channel, formatTime(item.at, locale)].filter(Boolean).join(' · ')}</p>
        {item.kind === 'order' && (
          <div className="mt-1.5">
            <OrderStatusBadge status={item.status} t={t.orders} />
          </div>
        )}
        {item.kind === 'return' && (
          <div className="mt-1.5">
            <ReturnStatusBadge status={item.status} t={t.returns} />
          </div>
        )}
        {item.kind === 'reservation' && (
          <div className="mt-1.5">
            <StatusBadge status={item.status} t={t.reservations} />
          </div>
        )}
      </div>
      <div className="flex shrink-0 flex-col items-end gap-0.5 text-right">
        {item.amountCents !== null &&
          (item.kind === 'return' ? (
            // Money back, not spent: said so, in the colour of a gain (and only once it is back).
            (item.status === 'refunded' || item.status === 'partially_refunded') && (
              <span className="text-sm font-semibold text-ok tabular-nums">{interpolate(a.refunded, { amount: formatPrice(item.amountCents, locale) })}</span>
            )
          ) : (
            <span className={`font-semibold tabular-nums ${item.kind === 'wallet' && item.entryKind !== 'gift_card' ? 'text-ok' : ''}`}>
              {item.kind === 'wallet' && item.entryKind !== 'gift_card' ? '+' : ''}
              {formatPrice(item.amountCents, locale)}
            </span>
          ))}
        {item.pointsEarned > 0 && (
          <span className="text-sm font-semibold text-ok tabular-nums" data-testid="activity-points">
            {interpolate(a.pointsPlus, { n: item.pointsEarned })}
          </span>
        )}
        {item.pointsSpent < 0 && (
          <span className="text-sm font-semibold text-muted tabular-nums" data-testid="activity-points">
            {interpolate(a.pointsMinus, { n: -item.pointsSpent })}
          </span>
        )}
      </div>
    </li>
  );
}
