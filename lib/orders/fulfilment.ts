import { creditStoreCredit } from '@/lib/wallet/commands';
import 'server-only';
import { eq, sql } from 'drizzle-orm';
import type { Db } from '@/lib/db';
import { moveBooking, releaseBooking, type SlotBooking } from '@/lib/drive/commands';
import { releaseStock, takeHeldStock, type HoldLine } from '@/lib/inventory/holds';
import { earnPoints, reversePoints } from '@/lib/loyalty/commands';
import { captureOrderPayment } from './captures';
import { heldUnits, settlePicking } from './picking';
import { OrderNotFoundError, OrderStateError } from './errors';
import { queueOrderMessage } from './messages';
import { voidAuthorisation } from './payment';
import { arrivalRefusal, cancelRefusal, slotMoveRefusal } from './permissions';
import { addEvent, factsOf, lockOrder, named, notifyDrive, throwIf, type OrderRow, type StaffOrderInput, type StaffOrderResult } from './order-lock';

export type { StaffOrderInput, StaffOrderResult } from './order-lock';
import { orderLines as orderLinesTable, orders, type OrderStatus, type PaymentStatus } from './schema';
import { transaction } from '@/lib/db';

/*
 * What happens to an order once placed (lib/orders/placing.ts): the drive's way (prepared, ready,
 * the shopper arrives, handed over; the slot moved before its cut-off), home delivery's (prepared,
 * shipped, delivered), and cancelling either. Every change is a conditional UPDATE on the status,
 * under the order's lock, so two staff members, the shopper and a retried request produce one
 * transition, and the units move once.
 */

function orderLines(tx: Db, orderId: number): Promise<HoldLine[]> {
  return tx.select({ skuId: orderLinesTable.skuId, quantity: orderLinesTable.quantity }).from(orderLinesTable).where(eq(orderLinesTable.orderId, orderId));
}

/** The transition, on the order locked by lockOrder (whose status the caller has checked), and its event. */
async function setStatus(tx: Db, order: OrderRow, to: OrderStatus, actorId: number | null, payment?: PaymentStatus): Promise<void> {
  await tx
    .update(orders)
    .set({ status: to, updatedAt: sql`now()`, ...(payment ? { paymentStatus: payment } : {}) })
    .where(eq(orders.id, order.id));
  await addEvent(tx, order.id, to, actorId);
}

async function cancel(tx: Db, order: OrderRow, actorId: number, byCustomer: boolean): Promise<void> {
  throwIf(cancelRefusal(factsOf(order), new Date(order.now), byCustomer ? 'shopper' : 'staff'));
  // A drive order's proposed substitutes are held too (lib/orders/picking.ts).
  await releaseStock(tx, order.location_id, order.mode === 'drive' ? await heldUnits(tx, order.id) : await orderLines(tx, order.id));
  if (order.mode === 'drive') await releaseBooking(tx, order.number);
  // Points spent on it go back to the shopper's balance (nothing was earned yet: that happens on completion).
  if (order.points_redeemed > 0) await reversePoints(tx, { customerId: order.customer_id, orderId: order.id, key: `order:${order.id}:cancel` });
  // What the wallet paid goes back to it, as store credit (a gift card's part too: the card may have lapsed since).
  if (order.wallet_cents > 0) {
    await creditStoreCredit(tx, {
      customerId: order.customer_id,
      amountCents: order.wallet_cents,
      kind: 'refund',
      key: `order:${order.id}:cancel:wallet`,
      orderId: order.id,
    });
  }
  await setStatus(tx, order, 'cancelled', actorId, order.payment_status === 'authorized' ? 'voided' : undefined);
}

/**
 * Completion (collected at the drive, delivered at home) earns points on what the goods cost the
 * shopper after their points discount; delivery fees earn nothing. Once per order (its key).
 */
async function earnOnCompletion(tx: Db, order: OrderRow): Promise<void> {
  await earnPoints(tx, {
    customerId: order.customer_id,
    spendCents: order.subtotal_cents - order.discount_cents,
    channel: 'web',
    storeId: order.mode === 'drive' ? order.location_id : null,
    orderId: order.id,
    key: `order:${order.id}:earn`,
  });
}

/**
 * The shopper cancels: a drive order until its slot's cut-off, a delivery order until it ships.
 * Stock and slot are given back; a card authorisation is voided (after commit).
 */
export async function cancelOrderByCustomer(input: { orderId: number; customerId: number }): Promise<void> {
  const voided = await transaction(async (tx) => {
    const order = await lockOrder(tx, input);
    await cancel(tx, order, input.customerId, true);
    return order.payment_status === 'authorized' ? order : null;
  });
  if (voided?.payment_reference) await voidQuietly(voided);
}

export async function cancelOrderByStaff(input: StaffOrderInput): Promise<StaffOrderResult> {
  const order = await transaction(async (tx) => {
    const o = await lockOrder(tx, input);
    await cancel(tx, o, input.actorId, false);
    return o;
  });
  if (order.payment_status === 'authorized' && order.payment_reference) await voidQuietly(order);
  return named(order);
}

function voidQuietly(order: OrderRow): Promise<void> {
  return voidAuthorisation(order.payment_provider, order.payment_reference!, `the authorisation of ${order.number}`);
}

/** Drive: move to another slot of the same store, before the current slot's cut-off. */
export async function moveOrderSlot(input: { orderId: number; customerId: number; slotId: number }): Promise<SlotBooking> {
  return transaction(async (tx) => {
    const order = await lockOrder(tx, input);
    throwIf(slotMoveRefusal(factsOf(order), new Date(order.now)));
    const booking = await moveBooking(tx, {
      storeId: order.location_id,
      orderRef: order.number,
      slotId: input.slotId,
      holder: { customerId: input.customerId },
    });
    await addEvent(tx, order.id, 'slot_moved', input.customerId, booking.startsAt.toISOString());
    await tx
      .update(orders)
      .set({ updatedAt: sql`now()` })
      .where(eq(orders.id, order.id));
    return booking;
  });
}

/**
 * "I'm here": on the slot's day, from an hour before it starts, while the order is still to be
 * handed over. Tapping again updates the bay. The drive screen hears it at once (NOTIFY 'drive').
 */
export async function markArrived(input: { orderId: number; customerId: number; bay?: string | null }): Promise<{ arrivedAt: Date }> {
  const bay = input.bay?.trim().slice(0, 12) || null;
  return transaction(async (tx) => {
    const order = await lockOrder(tx, input);
    throwIf(arrivalRefusal(factsOf(order), new Date(order.now)));
    // The first arrival's time is kept; a second tap only changes the bay.
    const [row] = await tx
      .update(orders)
      .set({ arrivedAt: sql`COALESCE(${orders.arrivedAt}, now())`, arrivalBay: bay, updatedAt: sql`now()` })
      .where(eq(orders.id, order.id))
      .returning({ arrivedAt: orders.arrivedAt });
    await addEvent(tx, order.id, 'arrived', input.customerId, bay);
    await notifyDrive(tx, order.location_id, order.id);
    // Acknowledged once, at the first tap (the dedupe key names the order).
    await queueOrderMessage(tx, order.id, 'drive_arrival');
    return { arrivedAt: row!.arrivedAt! };
  });
}

/** Staff start picking: placed → preparing. */
export async function startPreparing(input: StaffOrderInput): Promise<StaffOrderResult> {
  return transaction(async (tx) => {
    const order = await lockOrder(tx, input);
    if (order.status !== 'placed') throw new OrderStateError(order.status, 'started');
    await setStatus(tx, order, 'preparing', input.actorId);
    if (order.mode === 'drive') await notifyDrive(tx, order.location_id, order.id);
    return named(order);
  });
}

/** Drive: picked and bagged, waiting at the drive: preparing → ready. */
export async function markOrderReady(input: StaffOrderInput): Promise<StaffOrderResult> {
  return transaction(async (tx) => {
    const order = await lockOrder(tx, input);
    if (order.mode !== 'drive') throw new OrderNotFoundError();
    if (!['placed', 'preparing'].includes(order.status)) throw new OrderStateError(order.status, 'marked ready');
    await setStatus(tx, order, 'ready', input.actorId);
    await notifyDrive(tx, order.location_id, order.id);
    // The shopper hears it is ready once the status is committed, and only then.
    await queueOrderMessage(tx, order.id, 'drive_order_ready');
    return named(order);
  });
}

/**
 * Drive handover: ready → collected. The picking is settled (lib/orders/picking.ts): what leaves
 * the shelf leaves the stock, the rest of the holds go back, the totals become what was handed
 * over. A pay-at-pickup order is marked paid; a card paid online is captured after commit for that
 * total (never more than its authorisation; a capture that fails is retried by the capture job).
 */
export async function handOverOrder(input: StaffOrderInput): Promise<StaffOrderResult> {
  const order = await transaction(async (tx) => {
    const o = await lockOrder(tx, input);
    if (o.mode !== 'drive') throw new OrderNotFoundError();
    if (o.status !== 'ready') throw new OrderStateError(o.status, 'handed over');
    const totals = await settlePicking(tx, o, { actorId: input.actorId, note: `drive ${o.number}` });
    const settled: OrderRow = { ...o, subtotal_cents: totals.subtotalCents, total_cents: totals.totalCents, wallet_cents: totals.walletCents };
    await setStatus(tx, settled, 'collected', input.actorId, o.payment_status === 'due_at_pickup' ? 'paid_at_pickup' : undefined);
    await earnOnCompletion(tx, settled);
    await notifyDrive(tx, o.location_id, o.id);
    return settled;
  });
  if (order.payment_status === 'authorized' && order.payment_reference) await captureOrderPayment(order);
  return named(order);
}

/**
 * Home delivery leaves the warehouse: placed/preparing → shipped. The units leave the warehouse
 * and the card authorisation is captured (charged when shipped, as the shopper was told); a
 * capture that fails stays authorised, is retried with backoff, and shows on the deliveries desk
 * (lib/orders/captures.ts).
 */
export async function markShipped(input: StaffOrderInput): Promise<StaffOrderResult> {
  const order = await transaction(async (tx) => {
    const o = await lockOrder(tx, input);
    if (o.mode !== 'delivery') throw new OrderNotFoundError();
    if (!['placed', 'preparing'].includes(o.status)) throw new OrderStateError(o.status, 'shipped');
    await takeHeldStock(tx, o.location_id, await orderLines(tx, o.id), { actorId: input.actorId, note: `shipped ${o.number}` });
    await setStatus(tx, o, 'shipped', input.actorId);
    return o;
  });
  // The parcel has left: a capture that fails now is recorded and retried by the capture job.
  if (order.payment_status === 'authorized' && order.payment_reference) await captureOrderPayment(order);
  return named(order);
}

export async function markDelivered(input: StaffOrderInput): Promise<StaffOrderResult> {
  return transaction(async (tx) => {
    const order = await lockOrder(tx, input);
    if (order.mode !== 'delivery') throw new OrderNotFoundError();
    if (order.status !== 'shipped') throw new OrderStateError(order.status, 'marked delivered');
    await setStatus(tx, order, 'delivered', input.actorId);
    await earnOnCompletion(tx, order);
    return named(order);
  });
}
