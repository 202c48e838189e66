import { creditStoreCredit } from '@/lib/wallet/commands';
import 'server-only';
import { eq, sql } from 'drizzle-orm';
import type { Db } from '@/lib/db';
import type { DomainError } from '@/lib/errors';
import { cutoffMinutesOf } from '@/lib/drive/read';
import { moveBooking, releaseBooking, type SlotBooking } from '@/lib/drive/commands';
import { releaseStock, takeHeldStock, type HoldLine } from '@/lib/inventory/holds';
import { earnPoints, reversePoints } from '@/lib/loyalty/commands';
import { captureOrderPayment } from './captures';
import { OrderNotFoundError, OrderStateError } from './errors';
import { queueOrderMessage } from './messages';
import { voidAuthorisation } from './payment';
import { arrivalRefusal, cancelRefusal, slotMoveRefusal, type OrderFacts } from './permissions';
import { orderEvents, orderLines as orderLinesTable, orders, type OrderEventKind, type OrderMode, type OrderStatus, type PaymentStatus } from './schema';
import { transaction } from '@/lib/db';
import { driveNotification } from '@/lib/events/drive-event';

/*
 * What happens to an order once placed (lib/orders/placing.ts): the drive's way (prepared, ready,
 * the shopper arrives, handed over; the slot moved before its cut-off), home delivery's (prepared,
 * shipped, delivered), and cancelling either. Every change is a conditional UPDATE on the status,
 * under the order's lock, so two staff members, the shopper and a retried request produce one
 * transition, and the units move once.
 */

type OrderRow = {
  id: number;
  number: string;
  customer_id: number;
  mode: OrderMode;
  location_id: number;
  status: OrderStatus;
  payment_provider: string;
  payment_reference: string | null;
  payment_status: PaymentStatus;
  subtotal_cents: number;
  discount_cents: number;
  points_redeemed: number;
  total_cents: number;
  wallet_cents: number;
  slot_starts_at: Date | string | null;
  slot_cutoff_at: Date | string | null;
  /** The database's clock, the transaction's start: what the rules are asked at. */
  now: Date | string;
};

/** What the rules of lib/orders/permissions.ts read of the locked order. */
const factsOf = (o: OrderRow): OrderFacts => ({
  mode: o.mode,
  status: o.status,
  paymentStatus: o.payment_status,
  slot: o.slot_starts_at === null ? null : { startsAt: o.slot_starts_at, cutoffAt: o.slot_cutoff_at! },
});

function throwIf(refusal: DomainError | null): void {
  if (refusal) throw refusal;
}

/**
 * The order, locked for this transaction; with its slot, the slot's cut-off and the database's clock.
 * Raw SQL: one statement takes the row lock (FOR UPDATE OF o, not the joined rows) and reads the
 * drive booking's cut-off at the transaction's clock, so the rules are asked about what is locked.
 */
async function lockOrder(tx: Db, where: { orderId: number; customerId?: number; locationId?: number }): Promise<OrderRow> {
  if (!Number.isSafeInteger(where.orderId)) throw new OrderNotFoundError();
  const r = await tx.execute<OrderRow>(sql`
    SELECT o.id, o.number, o.customer_id, o.mode, o.location_id, o.status, o.payment_provider, o.payment_reference,
           o.payment_status, o.subtotal_cents, o.discount_cents, o.points_redeemed, o.total_cents, o.wallet_cents, s.starts_at AS slot_starts_at,
           s.starts_at - make_interval(mins => ${cutoffMinutesOf(sql`s.store_id`)}) AS slot_cutoff_at, now() AS now
    FROM orders o
    LEFT JOIN drive_slot_bookings b ON b.order_ref = o.number AND b.status = 'booked'
    LEFT JOIN drive_slots s ON s.id = b.slot_id
    WHERE o.id = ${where.orderId}
      ${where.customerId !== undefined ? sql`AND o.customer_id = ${where.customerId}` : sql``}
      ${where.locationId !== undefined ? sql`AND o.location_id = ${where.locationId}` : sql``}
    FOR UPDATE OF o`);
  const row = r.rows[0];
  if (!row) throw new OrderNotFoundError();
  return row;
}

function orderLines(tx: Db, orderId: number): Promise<HoldLine[]> {
  return tx.select({ skuId: orderLinesTable.skuId, quantity: orderLinesTable.quantity }).from(orderLinesTable).where(eq(orderLinesTable.orderId, orderId));
}

async function addEvent(tx: Db, orderId: number, kind: OrderEventKind, actorId: number | null, note: string | null = null): Promise<void> {
  await tx.insert(orderEvents).values({ orderId, kind, actorId, note });
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
  await releaseStock(tx, order.location_id, await orderLines(tx, order.id));
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

/**
 * Tells open drive screens of this store to re-read (arrivals, handovers). Raw SQL: NOTIFY has no
 * query-builder form; PostgreSQL sends it at COMMIT, never for a rolled-back change.
 */
async function notifyDrive(tx: Db, locationId: number, orderId: number): Promise<void> {
  await tx.execute(sql`SELECT pg_notify('drive', ${driveNotification({ storeId: locationId, orderId })})`);
}

export type StaffOrderInput = { orderId: number; locationId: number; actorId: number };

/** What a staff screen names after a transition ("CMD-… is ready"), read under the order's lock. */
export type StaffOrderResult = { number: string; totalCents: number };
const named = (o: OrderRow): StaffOrderResult => ({ number: o.number, totalCents: o.total_cents });

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
 * Drive handover: ready → collected. The units leave the shop (on hand and reserved both go
 * down), and a pay-at-pickup order is marked paid.
 */
export async function handOverOrder(input: StaffOrderInput): Promise<StaffOrderResult> {
  return transaction(async (tx) => {
    const order = await lockOrder(tx, input);
    if (order.mode !== 'drive') throw new OrderNotFoundError();
    if (order.status !== 'ready') throw new OrderStateError(order.status, 'handed over');
    await takeHeldStock(tx, order.location_id, await orderLines(tx, order.id), { actorId: input.actorId, note: `drive ${order.number}` });
    await setStatus(tx, order, 'collected', input.actorId, order.payment_status === 'due_at_pickup' ? 'paid_at_pickup' : undefined);
    await earnOnCompletion(tx, order);
    await notifyDrive(tx, order.location_id, order.id);
    return named(order);
  });
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
