import 'server-only';
import type { DriveScreenData } from '@/components/staff/drive-screen';
import type { StaffOrderView } from '@/components/staff/order-card';
import { TIME_ZONE, type Locale } from '@/lib/i18n/config';
import type { Dictionary } from '@/lib/i18n/dictionary';
import { formatDate, formatDateTime, formatMessage, formatPrice, formatTime, interpolate } from '@/lib/i18n/format';
import { listDriveOrdersForToday, listUpcomingDriveOrders, type Order } from '@/lib/orders/queries';
import { itemName, variantLabel } from '@/lib/catalog/variant-label';
import { awaitingAnswers, pickedGoodsCents } from '@/lib/orders/picking-view';
import type { OrderLine } from '@/lib/orders/queries';

const OPEN = new Set<Order['status']>(['placed', 'preparing', 'ready']);

function parisDay(iso: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE }).format(new Date(iso));
}

/** "14:00–14:30" today; "Wed 26 Nov, 14:00–14:30" on another day. */
function slotLabel(o: Order, locale: Locale, t: Dictionary, now: Date): string | null {
  if (!o.slot) return null;
  const from = formatTime(new Date(o.slot.startsAt), locale);
  const to = formatTime(new Date(o.slot.endsAt), locale);
  if (parisDay(o.slot.startsAt) === parisDay(now.toISOString())) return interpolate(t.orders.slotToday, { from, to });
  const day = formatDate(new Date(o.slot.startsAt), locale, { weekday: 'short', day: 'numeric', month: 'short' });
  return interpolate(t.orders.slotValue, { day, from, to });
}

/** A picked line in a few words: "1 of 2 found · Replaced by 1 × … · Waiting for the shopper"; null until picked. */
export function pickNote(l: OrderLine, locale: Locale, t: Dictionary): string | null {
  const o = t.orders;
  if (l.pickedQuantity === null) return null;
  if (l.pickedQuantity === l.quantity) return o.pickStatus_picked;
  const parts = [interpolate(o.pickStatus_short, { found: l.pickedQuantity, quantity: l.quantity })];
  const sub = l.substitute;
  if (sub) {
    const name = itemName(sub.productName, variantLabel(sub, locale, t));
    parts.push(interpolate(o.substituteProposed, { quantity: sub.quantity, name, price: formatPrice(sub.unitPriceCents, locale) }));
    const answer = o[`answer_${sub.answer ?? 'pending'}`];
    parts.push(sub.answeredBy === 'preference' ? `${answer} (${o.answerBy_preference})` : answer);
  }
  return parts.join(' · ');
}

/** A drive order still open: its total as if handed over now (found units, substitutes that will be taken). */
function totalNow(o: Order): number {
  if (o.mode !== 'drive' || !OPEN.has(o.status)) return o.totalCents;
  return pickedGoodsCents(o.lines, o.substitutesWelcome) + o.deliveryCents - o.discountCents;
}

/** An order as the staff screens show it, every text in the reader's language. */
export function toStaffOrderView(o: Order, locale: Locale, t: Dictionary, now = new Date()): StaffOrderView {
  const at = (iso: string) => formatDateTime(new Date(iso), locale);
  const open = OPEN.has(o.status) || o.status === 'shipped';
  const d = o.delivery;
  return {
    id: o.id,
    number: o.number,
    status: o.status,
    statusLabel: t.orders[`status_${o.status}`],
    customerName: o.customer.name,
    slot: slotLabel(o, locale, t, now),
    late: Boolean(o.slot && OPEN.has(o.status) && Date.parse(o.slot.endsAt) < now.getTime()),
    arrivedAt: OPEN.has(o.status) ? o.arrivedAt : null,
    bay: o.arrivalBay,
    lines: o.lines.map((l, i) => ({
      key: `${l.skuId}-${i}`,
      product: l.productName,
      variant: variantLabel(l, locale, t),
      quantity: l.quantity,
      note: pickNote(l, locale, t),
    })),
    units: formatMessage(t.orders.itemsCount, { count: o.units }, locale),
    total: formatPrice(totalNow(o), locale),
    cardPaid: o.paymentStatus === 'authorized',
    awaiting: OPEN.has(o.status) && awaitingAnswers(o.lines) > 0 ? formatMessage(t.orders.awaitingAnswers, { count: awaitingAnswers(o.lines) }, locale) : null,
    paidInStore: o.paidInStore !== null,
    payment: o.paidInStore
      ? interpolate(t.orders.paidInStore, { store: o.paidInStore })
      : // Part paid from the wallet when placed: the desk collects the rest only.
        [
          t.orders[`staffPayment_${o.paymentStatus}`],
          ...(o.walletCents > 0 ? [interpolate(t.wallet.paidFromWallet, { amount: formatPrice(o.walletCents, locale) })] : []),
        ].join(' · '),
    // The recipient's name only when it is not the customer's (already on the card).
    address: d ? [d.name === o.customer.name ? '' : d.name, d.address, `${d.postcode} ${d.town}`, d.phone ?? ''].filter(Boolean) : [],
    times: [interpolate(t.orders.placedAgo, { date: at(o.placedAt) }), ...(open ? [] : [interpolate(t.orders.sinceUpdate, { date: at(o.updatedAt) })])],
  };
}

/**
 * The drive screen of one store for today: arrived shoppers (earliest first: the one waiting
 * longest), then the rest of the day by slot, then what is done. The coming days are read apart
 * (loadUpcomingDrive), only once staff unfold them: a busy hypermarket has hundreds booked ahead,
 * and every live event re-reads today.
 */
export async function loadDriveScreen(storeId: number, locale: Locale, t: Dictionary): Promise<DriveScreenData> {
  const now = new Date();
  const today = await listDriveOrdersForToday(storeId, locale);
  const view = (o: Order) => toStaffOrderView(o, locale, t, now);
  const open = today.filter((o) => OPEN.has(o.status));
  const bySlot = (a: Order, b: Order) => Date.parse(a.slot?.startsAt ?? a.placedAt) - Date.parse(b.slot?.startsAt ?? b.placedAt);
  return {
    at: now.toISOString(),
    arrived: open.filter((o) => o.arrivedAt).map(view),
    toPrepare: open
      .filter((o) => !o.arrivedAt && o.status !== 'ready')
      .sort(bySlot)
      .map(view),
    ready: open
      .filter((o) => !o.arrivedAt && o.status === 'ready')
      .sort(bySlot)
      .map(view),
    done: today.filter((o) => !OPEN.has(o.status)).map(view),
  };
}

/** The drive orders of the coming days, by slot. */
export async function loadUpcomingDrive(storeId: number, locale: Locale, t: Dictionary): Promise<StaffOrderView[]> {
  const now = new Date();
  return (await listUpcomingDriveOrders(storeId, locale)).map((o) => toStaffOrderView(o, locale, t, now));
}
