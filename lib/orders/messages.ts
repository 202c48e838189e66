import 'server-only';
import { eq } from 'drizzle-orm';
import type { Db } from '@/lib/db';
import type { Locale } from '@/lib/i18n/config';
import { queueMessage } from '@/lib/messages/outbox';
import { renderDriveArrival, renderDriveOrderReady, renderOrderConfirmation, type OrderFacts } from '@/lib/messages/render-orders';
import { absoluteUrl } from '@/lib/routing/public-url';
import { getOrderInTransaction, type Order } from './queries';
import { orders } from './schema';

/*
 * An order's messages to its shopper, queued in the transaction that makes them true — the
 * confirmation where the order is placed, "ready at the drive" where staff mark it ready, "we know
 * you are here" at the shopper's first "I'm here" (a second tap only moves the bay) — so a
 * rollback queues nothing and each is queued once: the dedupe key names the order and the event
 * (a retried checkout replays the first order and never reaches here; a second "ready" is refused
 * by the status check, and the key would keep it out anyway). Written in the language the shopper
 * ordered in (orders.locale), with an absolute link to the order's page.
 */

export type OrderMessageKind = 'order_confirmation' | 'drive_order_ready' | 'drive_arrival';

function facts(o: Order, locale: Locale): OrderFacts {
  return {
    number: o.number,
    customerName: o.customer.name,
    mode: o.mode,
    lines: o.lines.map((l) => ({ name: l.productName, size: l.size, colour: l.colour, quantity: l.quantity, unitPriceCents: l.unitPriceCents })),
    subtotalCents: o.subtotalCents,
    deliveryCents: o.deliveryCents,
    discountCents: o.discountCents,
    totalCents: o.totalCents,
    delivery: o.delivery,
    store: o.mode === 'drive' ? o.location.name : null,
    slot: o.slot,
    bay: o.arrivalBay,
    orderUrl: absoluteUrl(`/account/orders/${o.number}`, locale),
  };
}

export async function queueOrderMessage(tx: Db, orderId: number, kind: OrderMessageKind): Promise<void> {
  const [row] = await tx.select({ locale: orders.locale }).from(orders).where(eq(orders.id, orderId));
  if (!row) return;
  const locale = row.locale;
  const order = await getOrderInTransaction(tx, orderId, locale);
  if (!order) return;
  const f = facts(order, locale);
  const render = { order_confirmation: renderOrderConfirmation, drive_order_ready: renderDriveOrderReady, drive_arrival: renderDriveArrival }[kind];
  const text = render(f, locale);
  await queueMessage(tx, {
    kind,
    recipientId: order.customer.id,
    email: order.customer.email,
    ...text,
    payload: { orderId, number: order.number, locale },
    dedupeKey: `${kind.replace(/_/g, '-')}:${orderId}`,
  });
}
