import 'server-only';
import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { getDb, type Db } from '@/lib/db';
import { holdStock, releaseStock, takeHeldStock, type HoldLine } from '@/lib/inventory/holds';
import { IdempotencyKeyReusedError } from '@/lib/inventory/commands';
import { clearCart, lockCartForCheckout } from '@/lib/cart/commands';
import { bookHeldSlot, moveBooking, releaseBooking, type SlotBooking } from '@/lib/drive/commands';
import type { SlotHolder } from '@/lib/drive/holder';
import { driveNotification } from '@/lib/events/drive-event';
import { earnPoints, redeemPoints, reversePoints } from '@/lib/loyalty/commands';
import { getPaymentProvider, getPaymentProviderById } from '@/lib/payments';
import type { PaymentMethodInput } from '@/lib/payments/types';
import { discountForPoints, getLoyaltyRules, maxRedeemablePoints as loyaltyMaxRedeemable } from '@/lib/loyalty/config';
import { NotAMemberError, NotEnoughPointsError } from '@/lib/loyalty/errors';
import { getLoyaltyCard } from '@/lib/loyalty/queries';
import { captureOrderPayment } from './captures';
import { ARRIVAL_OPENS_MINUTES_BEFORE, deliveryFeeCents } from './config';
import {
  ArrivalNotOpenError,
  DriveNotOfferedError,
  InvalidCheckoutError,
  OrderNotFoundError,
  OrderPaidInStoreError,
  OrderStateError,
  PastCutoffError,
  PaymentDeclinedError,
  PointsNotUsableError,
  PriceChangedError,
  type MovedPrice,
} from './errors';
import { newOrderNumber } from './order-number';
import type { OrderMode, OrderStatus, PaymentStatus } from './schema';

/*
 * Online orders. Placing one is a single transaction over the cart (locked), the stock (a
 * conditional hold), the drive slot (booked, capacity checked under the slot's lock) and the order
 * rows: all of it commits, or none. A card is authorised before that transaction and voided when
 * it rolls back, so a refusal anywhere leaves nothing booked, nothing reserved, nothing charged.
 * Every later change is a conditional UPDATE on the status, so two staff members, the shopper and
 * a retried request produce one transition, and the units move once.
 */

export type DeliveryAddress = { name: string; address: string; postcode: string; town: string; phone: string };

export type PlaceOrderInput = {
  customerId: number;
  /** Resolved by the caller from the session, never from the form. */
  cartId: number;
  /** Drive: the slot the shopper holds (or picks now). */
  slotId?: number;
  address?: DeliveryAddress;
  /** Home delivery pays by card now; drive pays at pickup. */
  payment?: PaymentMethodInput;
  /** Loyalty points to spend on the goods (a multiple of the redemption step; 0 or absent: none). */
  redeemPoints?: number;
  /**
   * The unit price of each line as the checkout page showed it (SKU → cents). The order takes
   * today's prices, and is refused with PriceChangedError (naming the new ones) when any differs
   * from what the shopper saw — or when the cart holds a line the page did not show.
   */
  shownPrices?: ReadonlyMap<number, number>;
  idempotencyKey: string;
};

export type PlacedOrder = { id: number; number: string; replayed: boolean };

async function transaction<T>(work: (tx: Db) => Promise<T>): Promise<T> {
  const db = await getDb();
  return db.transaction((tx) => work(tx as unknown as Db));
}

type CartSnapshot = Awaited<ReturnType<typeof lockCartForCheckout>>;

/** Refuses an order whose prices are not those the shopper was shown. */
function assertShownPrices(cart: CartSnapshot, shown: ReadonlyMap<number, number> | undefined): void {
  if (!shown) return;
  const moved: MovedPrice[] = [];
  let unseen = false;
  for (const line of cart.lines) {
    const was = shown.get(line.skuId);
    if (was === undefined) unseen = true;
    else if (was !== line.unitPriceCents) moved.push({ skuId: line.skuId, shownCents: was, nowCents: line.unitPriceCents });
  }
  if (moved.length > 0 || unseen) throw new PriceChangedError(moved);
}

function totals(cart: CartSnapshot, points: number): { subtotal: number; delivery: number; discount: number; total: number } {
  const subtotal = cart.lines.reduce((sum, l) => sum + l.unitPriceCents * l.quantity, 0);
  const delivery = cart.fulfilment === 'delivery' ? deliveryFeeCents(subtotal) : 0;
  const discount = pointsDiscountCents(points, subtotal, delivery);
  return { subtotal, delivery, discount, total: subtotal + delivery - discount };
}

/**
 * The order a checkout key already placed, from the database (so also after a restart), or null.
 * Callers ask this before anything about the present — the cart is empty once the order is
 * placed — so a retry answers as the first request did. Another shopper's key reveals nothing.
 */
export async function findOrderByKey(customerId: number, key: string): Promise<PlacedOrder | null> {
  const first = await orderByKey(customerId, key);
  return first && { id: first.id, number: first.number, replayed: true };
}

async function orderByKey(customerId: number, key: string): Promise<{ id: number; number: string; paymentReference: string | null } | null> {
  const db = await getDb();
  const r = await db.execute<{ id: number; number: string; customer_id: number; placed_at_store_id: number | null; payment_reference: string | null }>(
    sql`SELECT id, number, customer_id, placed_at_store_id, payment_reference FROM orders WHERE idempotency_key = ${key}`,
  );
  const row = r.rows[0];
  if (!row) return null;
  if (row.customer_id !== customerId || row.placed_at_store_id !== null) throw new IdempotencyKeyReusedError();
  return { id: row.id, number: row.number, paymentReference: row.payment_reference };
}

/** Where a mode's stock lives: the web warehouse, or the drive store (which must offer drive). */
async function stockLocation(tx: Db, cart: CartSnapshot): Promise<number> {
  if (cart.fulfilment === 'delivery') {
    const r = await tx.execute<{ id: number }>(sql`SELECT id FROM locations WHERE kind = 'warehouse' ORDER BY id LIMIT 1`);
    if (!r.rows[0]) throw new Error('No web warehouse is configured: home delivery cannot take orders');
    return r.rows[0].id;
  }
  if (cart.driveStoreId === null) throw new InvalidCheckoutError('Choose a drive store for your order.');
  const r = await tx.execute<{ drive: boolean }>(sql`SELECT drive FROM stores WHERE location_id = ${cart.driveStoreId}`);
  if (!r.rows[0]?.drive) throw new DriveNotOfferedError();
  return cart.driveStoreId;
}

/**
 * What `points` take off this order. Points pay for goods (not delivery), in whole redemption
 * steps, and never the whole bill: a card authorisation or a pickup payment needs an amount.
 */
export function pointsDiscountCents(points: number, subtotalCents: number, deliveryCents: number): number {
  if (points === 0) return 0;
  const rules = getLoyaltyRules();
  const max = maxRedeemablePoints(Number.MAX_SAFE_INTEGER, subtotalCents, deliveryCents);
  if (!Number.isSafeInteger(points) || points < 0 || points % rules.redeemStepPoints !== 0 || points > max) {
    throw new PointsNotUsableError(max, rules.redeemStepPoints);
  }
  return discountForPoints(rules, points);
}

/**
 * The most points (whole steps, within `balance`) this order can take: the loyalty rule (never more
 * than the bill it is given) applied to the goods, less a cent when nothing else would be left to pay.
 */
export function maxRedeemablePoints(balance: number, subtotalCents: number, deliveryCents: number): number {
  return loyaltyMaxRedeemable(getLoyaltyRules(), balance, Math.min(subtotalCents, subtotalCents + deliveryCents - 1));
}

function validate(input: PlaceOrderInput, mode: OrderMode): void {
  if (mode === 'drive' && !(Number.isSafeInteger(input.slotId) && input.slotId! > 0)) {
    throw new InvalidCheckoutError('Choose a pickup slot.');
  }
  if (mode === 'delivery') {
    if (!input.address) throw new InvalidCheckoutError('Enter the delivery address.');
    if (!input.payment) throw new InvalidCheckoutError('Enter your card details.');
  }
}

/**
 * Places the cart as an order. Replays (same idempotency key) return the first order without a
 * second charge. Refusals: EmptyCartError (lib/cart), InvalidCheckoutError, DriveNotOfferedError,
 * PaymentDeclinedError, PriceChangedError, OutOfStockError / NotStockedHereError (lib/inventory),
 * and the slot refusals of lib/drive (full, past cut-off, closed, another store's).
 */
export async function placeOrder(input: PlaceOrderInput): Promise<PlacedOrder> {
  const replay = await findOrderByKey(input.customerId, input.idempotencyKey);
  if (replay) return replay;
  try {
    return await placeNewOrder(input);
  } catch (err) {
    // A refusal is given only after the key is asked again: the same checkout sent twice at once
    // waits on the cart's lock, then finds it emptied by the other request — whose order is the answer.
    const winner = await findOrderByKey(input.customerId, input.idempotencyKey).catch(() => null);
    if (winner) return winner;
    throw err;
  }
}

async function placeNewOrder(input: PlaceOrderInput): Promise<PlacedOrder> {
  // What the shopper is about to pay, read as checkout will see it (and checked again inside).
  const preview = await transaction((tx) => lockCartForCheckout(tx, input.cartId));
  const mode = preview.fulfilment;
  validate(input, mode);
  // Before the card is touched: a price that moved since the page was drawn is not charged.
  assertShownPrices(preview, input.shownPrices);
  const points = input.redeemPoints ?? 0;
  const amount = totals(preview, points).total;
  if (points > 0) {
    // Not enough points is known before the card is touched (the ledger's own check, inside the
    // transaction, is what guarantees it: the balance can still move in between).
    const card = await getLoyaltyCard(input.customerId);
    if (!card) throw new NotAMemberError();
    if (card.balance < points) throw new NotEnoughPointsError(card.balance, points);
  }

  const provider = getPaymentProvider(mode === 'delivery' ? 'card' : 'at_pickup');
  const method: PaymentMethodInput = mode === 'delivery' ? input.payment! : { kind: 'at_pickup' };
  const auth = await provider.authorize({
    amountCents: amount,
    currency: 'EUR',
    method,
    idempotencyKey: paymentKey(input.idempotencyKey, method, amount),
    description: 'Comptoir order',
    customerRef: String(input.customerId),
  });
  if (auth.status === 'declined') throw new PaymentDeclinedError(auth.code, auth.message);

  try {
    return await transaction(async (tx) => {
      const cart = await lockCartForCheckout(tx, input.cartId);
      if (cart.fulfilment !== mode) throw new PriceChangedError(); // switched mode in another tab: new total
      assertShownPrices(cart, input.shownPrices);
      const { subtotal, delivery, discount, total } = totals(cart, points);
      if (total !== amount) throw new PriceChangedError();
      const locationId = await stockLocation(tx, cart);
      const number = newOrderNumber();
      const a = mode === 'delivery' ? input.address! : null;
      const inserted = await tx.execute<{ id: number }>(sql`
        INSERT INTO orders (number, customer_id, mode, location_id, status, subtotal_cents, delivery_cents, points_redeemed,
                            discount_cents, total_cents, payment_provider, payment_reference, payment_status, card_last4,
                            delivery_name, delivery_address, delivery_postcode, delivery_town, delivery_phone, idempotency_key)
        VALUES (${number}, ${input.customerId}, ${mode}, ${locationId}, 'placed', ${subtotal}, ${delivery}, ${points}, ${discount}, ${total},
                ${provider.id}, ${auth.reference}, ${mode === 'delivery' ? 'authorized' : 'due_at_pickup'}, ${auth.last4 ?? null},
                ${a?.name ?? null}, ${a?.address ?? null}, ${a?.postcode ?? null}, ${a?.town ?? null}, ${a?.phone ?? null},
                ${input.idempotencyKey})
        RETURNING id`);
      const orderId = inserted.rows[0]!.id;
      const lines: HoldLine[] = cart.lines.map((l) => ({ skuId: l.skuId, quantity: l.quantity }));
      await tx.execute(sql`
        INSERT INTO order_lines (order_id, sku_id, quantity, unit_price_cents)
        SELECT ${orderId}, w.sku, w.n, w.price
        FROM unnest(${intArray(cart.lines.map((l) => l.skuId))}::int[], ${intArray(cart.lines.map((l) => l.quantity))}::int[],
                    ${intArray(cart.lines.map((l) => l.unitPriceCents))}::int[]) WITH ORDINALITY AS w(sku, n, price, pos)
        ORDER BY w.pos`);
      await holdStock(tx, locationId, lines);
      if (points > 0) {
        // The balance check is the ledger's conditional update: not enough points rolls all of it back.
        await redeemPoints(tx, {
          customerId: input.customerId,
          points,
          channel: 'web',
          storeId: mode === 'drive' ? locationId : null,
          orderId,
          key: `order:${input.idempotencyKey}:redeem`,
        });
      }
      if (mode === 'drive') {
        const holder: SlotHolder = { customerId: input.customerId };
        await bookHeldSlot(tx, { storeId: locationId, slotId: input.slotId!, orderRef: number, holder });
      }
      await tx.execute(sql`INSERT INTO order_events (order_id, kind, actor_id) VALUES (${orderId}, 'placed', ${input.customerId})`);
      await clearCart(tx, input.cartId);
      return { id: orderId, number, replayed: false };
    });
  } catch (err) {
    // The same checkout submitted twice at once: the other request may have won while this one
    // waited on the cart's lock (and found it empty) or on the key's index. Then its order is the
    // answer, whatever this attempt was refused for; and when the payment key matched, the
    // authorisation is the one that order holds: it must not be voided.
    const winner = await orderByKey(input.customerId, input.idempotencyKey).catch(() => null);
    if (winner && winner.paymentReference === auth.reference) return { id: winner.id, number: winner.number, replayed: true };
    // Nothing was written for this authorisation: it must not stay on the shopper's card.
    await provider.void(auth.reference).catch((voidErr: unknown) => console.error('orders: could not void an authorisation', auth.reference, voidErr));
    if (winner) return { id: winner.id, number: winner.number, replayed: true };
    throw err;
  }
}

/**
 * The payment attempt's idempotency key: the checkout's key, the card and the amount. A
 * resubmitted form replays its first answer; another card after a decline (or a new total after
 * a price change) is a new attempt rather than a conflict with the declined one.
 */
function paymentKey(checkoutKey: string, method: PaymentMethodInput, amountCents: number): string {
  const card = method.kind === 'card' ? `${method.number}:${method.expMonth}/${method.expYear}:${method.cvc}` : method.kind === 'token' ? method.token : '';
  return `${checkoutKey}:${createHash('sha256').update(`${card}|${amountCents}`).digest('hex').slice(0, 16)}`;
}

function intArray(values: number[]): string {
  return `{${values.map((v) => Math.trunc(v)).join(',')}}`;
}

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
  slot_starts_at: string | null;
  past_cutoff: boolean | null;
};

/** The order, locked for this transaction; with its slot and whether the slot is past its cut-off. */
async function lockOrder(tx: Db, where: { orderId: number; customerId?: number; locationId?: number }): Promise<OrderRow> {
  if (!Number.isSafeInteger(where.orderId)) throw new OrderNotFoundError();
  const r = await tx.execute<OrderRow>(sql`
    SELECT o.id, o.number, o.customer_id, o.mode, o.location_id, o.status, o.payment_provider, o.payment_reference,
           o.payment_status, o.subtotal_cents, o.discount_cents, o.points_redeemed, o.total_cents, s.starts_at AS slot_starts_at,
           s.starts_at - make_interval(mins => COALESCE(ds.cutoff_minutes, 120)) <= now() AS past_cutoff
    FROM orders o
    LEFT JOIN drive_slot_bookings b ON b.order_ref = o.number AND b.status = 'booked'
    LEFT JOIN drive_slots s ON s.id = b.slot_id
    LEFT JOIN drive_settings ds ON ds.store_id = s.store_id
    WHERE o.id = ${where.orderId}
      ${where.customerId !== undefined ? sql`AND o.customer_id = ${where.customerId}` : sql``}
      ${where.locationId !== undefined ? sql`AND o.location_id = ${where.locationId}` : sql``}
    FOR UPDATE OF o`);
  const row = r.rows[0];
  if (!row) throw new OrderNotFoundError();
  return row;
}

async function orderLines(tx: Db, orderId: number): Promise<HoldLine[]> {
  const r = await tx.execute<{ sku_id: number; quantity: number }>(sql`SELECT sku_id, quantity FROM order_lines WHERE order_id = ${orderId}`);
  return r.rows.map((l) => ({ skuId: l.sku_id, quantity: l.quantity }));
}

async function setStatus(tx: Db, order: OrderRow, to: OrderStatus, actorId: number | null, extra = sql``): Promise<void> {
  await tx.execute(sql`UPDATE orders SET status = ${to}, updated_at = now() ${extra} WHERE id = ${order.id}`);
  await tx.execute(sql`INSERT INTO order_events (order_id, kind, actor_id) VALUES (${order.id}, ${to}, ${actorId})`);
}

const OPEN: OrderStatus[] = ['placed', 'preparing', 'ready'];

async function cancel(tx: Db, order: OrderRow, actorId: number, byCustomer: boolean): Promise<void> {
  if (!['placed', 'preparing'].includes(order.status)) throw new OrderStateError(order.status, 'cancelled');
  // Already paid at a shop's till (lib/orders/till-orders.ts): it comes back as a return, refunded at a desk.
  if (order.payment_status === 'paid_at_pickup') throw new OrderPaidInStoreError();
  if (byCustomer && order.mode === 'drive' && order.past_cutoff) throw new PastCutoffError();
  await releaseStock(tx, order.location_id, await orderLines(tx, order.id));
  if (order.mode === 'drive') await releaseBooking(tx, order.number);
  // Points spent on it go back to the shopper's balance (nothing was earned yet: that happens on completion).
  if (order.points_redeemed > 0) await reversePoints(tx, { customerId: order.customer_id, orderId: order.id, key: `order:${order.id}:cancel` });
  await setStatus(tx, order, 'cancelled', actorId, order.payment_status === 'authorized' ? sql`, payment_status = 'voided'` : sql``);
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

async function voidQuietly(order: OrderRow): Promise<void> {
  try {
    await getPaymentProviderById(order.payment_provider).void(order.payment_reference!);
  } catch (err) {
    console.error(`orders: could not void the authorisation of ${order.number}`, err);
  }
}

/** Drive: move to another slot of the same store, before the current slot's cut-off. */
export async function moveOrderSlot(input: { orderId: number; customerId: number; slotId: number }): Promise<SlotBooking> {
  return transaction(async (tx) => {
    const order = await lockOrder(tx, input);
    if (order.mode !== 'drive') throw new OrderNotFoundError();
    if (!['placed', 'preparing'].includes(order.status)) throw new OrderStateError(order.status, 'moved');
    if (order.past_cutoff) throw new PastCutoffError();
    const booking = await moveBooking(tx, {
      storeId: order.location_id,
      orderRef: order.number,
      slotId: input.slotId,
      holder: { customerId: input.customerId },
    });
    await tx.execute(sql`
      INSERT INTO order_events (order_id, kind, actor_id, note)
      VALUES (${order.id}, 'slot_moved', ${input.customerId}, ${booking.startsAt.toISOString()})`);
    await tx.execute(sql`UPDATE orders SET updated_at = now() WHERE id = ${order.id}`);
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
    if (order.mode !== 'drive') throw new OrderNotFoundError();
    if (!OPEN.includes(order.status)) throw new OrderStateError(order.status, 'collected');
    const open = await tx.execute<{ ok: boolean }>(sql`
      SELECT ${order.slot_starts_at}::timestamptz - make_interval(mins => ${ARRIVAL_OPENS_MINUTES_BEFORE}) <= now()
         AND (now() AT TIME ZONE 'Europe/Paris')::date <= (${order.slot_starts_at}::timestamptz AT TIME ZONE 'Europe/Paris')::date + 1 AS ok`);
    if (!order.slot_starts_at || !open.rows[0]?.ok) throw new ArrivalNotOpenError();
    const r = await tx.execute<{ arrived_at: string }>(sql`
      UPDATE orders SET arrived_at = COALESCE(arrived_at, now()), arrival_bay = ${bay}, updated_at = now()
      WHERE id = ${order.id}
      RETURNING arrived_at`);
    await tx.execute(sql`INSERT INTO order_events (order_id, kind, actor_id, note) VALUES (${order.id}, 'arrived', ${input.customerId}, ${bay})`);
    await notifyDrive(tx, order.location_id, order.id);
    return { arrivedAt: new Date(r.rows[0]!.arrived_at) };
  });
}

/** Tells open drive screens of this store to re-read (arrivals, handovers). */
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
    await setStatus(tx, order, 'collected', input.actorId, order.payment_status === 'due_at_pickup' ? sql`, payment_status = 'paid_at_pickup'` : sql``);
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
