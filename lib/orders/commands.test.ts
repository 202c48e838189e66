import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { addToCart, getOrCreateCustomerCart, setFulfilment } from '@/lib/cart/commands';
import { EmptyCartError, ProductWithdrawnError, UnknownSkuError } from '@/lib/cart/errors';
import { onPostgres, useTestDatabase } from '@/test/support/db';
import { SlotFullError, SlotOfAnotherStoreError, SlotPastCutoffError } from '@/lib/drive/errors';
import { insertSlotIn, takenOf } from '@/test/support/drive';
import { OutOfStockError } from '@/lib/inventory/holds';
import { registerPaymentProvider } from '@/lib/payments';
import { createTestProvider } from '@/lib/payments/test-provider';
import type { CardMethodInput, PaymentProvider } from '@/lib/payments/types';
import { insertCategory, insertProduct, insertShoppers, insertStore, insertUser, insertWarehouse, setStock } from '@/test/support/fixtures';
import {
  cancelOrderByCustomer,
  cancelOrderByStaff,
  handOverOrder,
  markArrived,
  markDelivered,
  markOrderReady,
  markShipped,
  moveOrderSlot,
  placeOrder,
  startPreparing,
  type DeliveryAddress,
} from './commands';
import {
  ArrivalNotOpenError,
  InvalidCheckoutError,
  OrderNotFoundError,
  OrderStateError,
  PastCutoffError,
  PaymentDeclinedError,
  PriceChangedError,
} from './errors';
import { getCustomerOrder, listCustomerOrders, listDriveOrdersForToday, listUpcomingDriveOrders } from './queries';

let conn: Awaited<ReturnType<typeof useTestDatabase>>;
let drive: number;
let otherDrive: number;
let warehouse: number;
let skuA: number;
let skuB: number;
let staff: number;
let shoppers: number[];
let next = 0;

/**
 * A provider plugged in from outside, as a real one would be (registerPaymentProvider +
 * PAYMENT_PROVIDER): the test card rules, with a record of what order code asked of it.
 */
const calls = { authorized: [] as string[], voided: [] as string[], captured: [] as string[] };
function recordingProvider(): PaymentProvider {
  const inner = createTestProvider();
  return {
    id: 'recording',
    testMode: true,
    methods: inner.methods,
    settlement: inner.settlement,
    async authorize(request) {
      const result = await inner.authorize(request);
      if (result.status === 'authorized') calls.authorized.push(result.reference);
      return result;
    },
    async capture(reference, amount, key) {
      calls.captured.push(reference);
      return inner.capture(reference, amount, key);
    },
    async void(reference) {
      calls.voided.push(reference);
      return inner.void(reference);
    },
    refund: (reference, amount, key) => inner.refund(reference, amount, key),
  };
}

const card = (number: string): CardMethodInput => ({
  kind: 'card',
  number,
  expMonth: 12,
  expYear: new Date().getFullYear() + 2,
  cvc: '123',
  holder: 'Camille Martin',
});
const address: DeliveryAddress = { name: 'Camille Martin', address: '12 rue de la République', postcode: '69002', town: 'Lyon', phone: '0612345678' };

async function stockOf(location: number, sku: number) {
  const r = await conn.db.execute<{ on_hand: number; reserved: number }>(
    sql`SELECT on_hand, reserved FROM stock WHERE location_id = ${location} AND sku_id = ${sku}`,
  );
  return r.rows[0]!;
}
const orderCount = async (customer: number) =>
  (await conn.db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM orders WHERE customer_id = ${customer}`)).rows[0]!.n;
const cartUnits = async (cartId: number) =>
  (await conn.db.execute<{ n: number }>(sql`SELECT COALESCE(sum(quantity), 0)::int AS n FROM cart_lines WHERE cart_id = ${cartId}`)).rows[0]!.n;

/** A fresh shopper with a cart of `lines`, set to drive at `store` or to home delivery. */
async function shopperWithCart(lines: [number, number][], mode: 'drive' | 'delivery' = 'drive', store = drive) {
  const customerId = shoppers[next++]!;
  const cartId = await getOrCreateCustomerCart(customerId);
  for (const [sku, n] of lines) await addToCart(cartId, sku, n);
  await setFulfilment(cartId, mode, mode === 'drive' ? store : null);
  return { customerId, cartId };
}

beforeAll(async () => {
  registerPaymentProvider('recording', recordingProvider);
  process.env.PAYMENT_PROVIDER = 'recording';
  conn = await useTestDatabase();
  const cat = await insertCategory(conn.db, 'c');
  [skuA, skuB] = (await insertProduct(conn.db, { slug: 'p', categoryId: cat, nameFr: 'P', nameEn: 'P', skus: [{ size: 'S' }, { size: 'M' }] })).skuIds as [
    number,
    number,
  ];
  drive = await insertStore(conn.db, { slug: 'drive-lyon', lat: 45.76, lng: 4.83, drive: true });
  otherDrive = await insertStore(conn.db, { slug: 'drive-bron', lat: 45.73, lng: 4.91, drive: true });
  warehouse = await insertWarehouse(conn.db);
  for (const loc of [drive, otherDrive, warehouse]) for (const sku of [skuA, skuB]) await setStock(conn.db, loc, sku, 1_000);
  shoppers = await insertShoppers(conn.db, 200, 'orders');
  staff = await insertUser(conn.db, { email: 'staff@example.com', role: 'staff' });
});
afterAll(async () => {
  delete process.env.PAYMENT_PROVIDER;
  await conn?.drop();
});

describe('placing a drive order', () => {
  it('holds the stock at the drive store, books the slot, empties the cart and records the history', async () => {
    const { customerId, cartId } = await shopperWithCart([
      [skuA, 2],
      [skuB, 1],
    ]);
    const slotId = await insertSlotIn(conn.db, drive, 24 * 60, 3);
    const before = await stockOf(drive, skuA);
    const placed = await placeOrder({ customerId, cartId, slotId, idempotencyKey: randomUUID() });
    expect(placed.number).toMatch(/^CMD-[A-Z2-9]{8}$/);
    expect((await stockOf(drive, skuA)).reserved).toBe(before.reserved + 2);
    expect(await takenOf(conn.db, slotId)).toMatchObject({ booked: 1 });
    expect(await cartUnits(cartId)).toBe(0);
    const order = (await getCustomerOrder(placed.number, customerId, 'en'))!;
    expect(order).toMatchObject({ mode: 'drive', status: 'placed', paymentStatus: 'due_at_pickup', units: 3, deliveryCents: 0 });
    expect(order.slot?.id).toBe(slotId);
    expect(order.lines.map((l) => [l.skuId, l.quantity])).toEqual([
      [skuA, 2],
      [skuB, 1],
    ]);
    expect(order.events.map((e) => e.kind)).toEqual(['placed']);
    expect(await getCustomerOrder(placed.number, shoppers[199]!, 'en')).toBeNull(); // nobody else's
  });

  it('a resubmitted checkout (same key) returns the first order, once', async () => {
    const { customerId, cartId } = await shopperWithCart([[skuA, 1]]);
    const slotId = await insertSlotIn(conn.db, drive, 24 * 60, 3);
    const key = randomUUID();
    const first = await placeOrder({ customerId, cartId, slotId, idempotencyKey: key });
    const again = await placeOrder({ customerId, cartId, slotId, idempotencyKey: key });
    expect(again).toEqual({ ...first, replayed: true });
    expect(await orderCount(customerId)).toBe(1);
  });

  it('refuses an empty cart, a missing slot, a full, past-cut-off or another store’s slot — and holds nothing', async () => {
    const empty = await shopperWithCart([]);
    await expect(placeOrder({ ...empty, slotId: 1, idempotencyKey: randomUUID() })).rejects.toBeInstanceOf(EmptyCartError);

    const { customerId, cartId } = await shopperWithCart([[skuB, 1]]);
    const before = await stockOf(drive, skuB);
    await expect(placeOrder({ customerId, cartId, idempotencyKey: randomUUID() })).rejects.toBeInstanceOf(InvalidCheckoutError);
    const full = await insertSlotIn(conn.db, drive, 24 * 60, 0);
    await expect(placeOrder({ customerId, cartId, slotId: full, idempotencyKey: randomUUID() })).rejects.toBeInstanceOf(SlotFullError);
    const soon = await insertSlotIn(conn.db, drive, 30, 5); // cut-off is 2 h
    await expect(placeOrder({ customerId, cartId, slotId: soon, idempotencyKey: randomUUID() })).rejects.toBeInstanceOf(SlotPastCutoffError);
    const elsewhere = await insertSlotIn(conn.db, otherDrive, 24 * 60, 5);
    await expect(placeOrder({ customerId, cartId, slotId: elsewhere, idempotencyKey: randomUUID() })).rejects.toBeInstanceOf(SlotOfAnotherStoreError);
    expect(await stockOf(drive, skuB)).toEqual(before);
    expect(await orderCount(customerId)).toBe(0);
    expect(await cartUnits(cartId)).toBe(1);
  });

  it('a line out of stock at placement books no slot and reserves nothing', async () => {
    const { customerId, cartId } = await shopperWithCart(
      [
        [skuA, 1],
        [skuB, 3],
      ],
      'drive',
      otherDrive,
    );
    await setStock(conn.db, otherDrive, skuB, 2);
    const slotId = await insertSlotIn(conn.db, otherDrive, 24 * 60, 3);
    const beforeA = await stockOf(otherDrive, skuA);
    const err = await placeOrder({ customerId, cartId, slotId, idempotencyKey: randomUUID() }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(OutOfStockError);
    expect((err as OutOfStockError).available).toBe(2);
    expect(await takenOf(conn.db, slotId)).toMatchObject({ booked: 0 });
    expect(await stockOf(otherDrive, skuA)).toEqual(beforeA);
    expect(await orderCount(customerId)).toBe(0);
    await setStock(conn.db, otherDrive, skuB, 1_000);
  });
});

describe('the price the checkout page showed', () => {
  const priceOf = async (sku: number) => (await conn.db.execute<{ p: number }>(sql`SELECT price_cents AS p FROM skus WHERE id = ${sku}`)).rows[0]!.p;
  const setPrice = (sku: number, cents: number) => conn.db.execute(sql`UPDATE skus SET price_cents = ${cents} WHERE id = ${sku}`);

  it('a price changed after the page was drawn: refused, naming the new price, nothing charged; placed again, at the new price', async () => {
    const { customerId, cartId } = await shopperWithCart([[skuA, 2]], 'delivery');
    const shown = await priceOf(skuA);
    await setPrice(skuA, shown + 300); // after the checkout page was drawn, before "Pay"
    const authorizedBefore = calls.authorized.length;
    const key = randomUUID();
    const err = await placeOrder({
      customerId,
      cartId,
      address,
      payment: card('4242424242424242'),
      idempotencyKey: key,
      shownPrices: new Map([[skuA, shown]]),
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PriceChangedError);
    expect((err as PriceChangedError).moved).toEqual([{ skuId: skuA, shownCents: shown, nowCents: shown + 300 }]);
    expect(calls.authorized.length).toBe(authorizedBefore); // the card was not touched
    expect(await orderCount(customerId)).toBe(0);
    expect(await cartUnits(cartId)).toBe(2);

    // The page drawn again shows the new price; the same form (same key) places the order at it.
    const placed = await placeOrder({
      customerId,
      cartId,
      address,
      payment: card('4242424242424242'),
      idempotencyKey: key,
      shownPrices: new Map([[skuA, shown + 300]]),
    });
    const order = (await getCustomerOrder(placed.number, customerId, 'en'))!;
    expect(order.lines.map((l) => [l.skuId, l.unitPriceCents])).toEqual([[skuA, shown + 300]]);
    expect(order.subtotalCents).toBe(2 * (shown + 300));
    await setPrice(skuA, shown);
  });

  it('a product withdrawn since it was put in the cart is refused, and nothing is held', async () => {
    const { customerId, cartId } = await shopperWithCart([[skuB, 1]]);
    const slotId = await insertSlotIn(conn.db, drive, 24 * 60, 3);
    await conn.db.execute(sql`UPDATE products SET withdrawn_at = now() WHERE id = (SELECT product_id FROM skus WHERE id = ${skuB})`);
    try {
      const err = await placeOrder({ customerId, cartId, slotId, idempotencyKey: randomUUID(), shownPrices: new Map([[skuB, await priceOf(skuB)]]) }).catch(
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(ProductWithdrawnError);
      expect(await takenOf(conn.db, slotId)).toMatchObject({ booked: 0 });
      expect(await orderCount(customerId)).toBe(0);
      await expect(addToCart(cartId, skuB, 1)).rejects.toBeInstanceOf(UnknownSkuError); // no longer for sale
    } finally {
      await conn.db.execute(sql`UPDATE products SET withdrawn_at = NULL`);
    }
  });

  it('a line the page did not show (added in another tab) is refused too', async () => {
    const { customerId, cartId } = await shopperWithCart([
      [skuA, 1],
      [skuB, 1],
    ]);
    const slotId = await insertSlotIn(conn.db, drive, 24 * 60, 3);
    const shownPrices = new Map([[skuA, await priceOf(skuA)]]);
    const err = await placeOrder({ customerId, cartId, slotId, idempotencyKey: randomUUID(), shownPrices }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PriceChangedError);
    expect((err as PriceChangedError).moved).toEqual([]);
    expect(await takenOf(conn.db, slotId)).toMatchObject({ booked: 0 });
  });
});

describe('home delivery with the test card provider', () => {
  it('authorises the card, holds warehouse stock, adds the delivery fee under 50 €', async () => {
    const { customerId, cartId } = await shopperWithCart([[skuA, 1]], 'delivery');
    const before = await stockOf(warehouse, skuA);
    const placed = await placeOrder({ customerId, cartId, address, payment: card('4242424242424242'), idempotencyKey: randomUUID() });
    const order = (await getCustomerOrder(placed.number, customerId, 'fr'))!;
    expect(order).toMatchObject({ mode: 'delivery', paymentProvider: 'recording', paymentStatus: 'authorized', cardLast4: '4242', deliveryCents: 490 });
    expect(order.totalCents).toBe(order.subtotalCents + 490);
    expect((await stockOf(warehouse, skuA)).reserved).toBe(before.reserved + 1);
  });

  it('a declined card makes no order, reserves nothing and keeps the cart', async () => {
    const { customerId, cartId } = await shopperWithCart([[skuA, 1]], 'delivery');
    const authorizedBefore = calls.authorized.length;
    const before = await stockOf(warehouse, skuA);
    const key = randomUUID();
    const err = await placeOrder({ customerId, cartId, address, payment: card('4000000000000002'), idempotencyKey: key }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PaymentDeclinedError);
    expect((err as PaymentDeclinedError).declineCode).toBe('card_declined');
    expect(calls.authorized.length).toBe(authorizedBefore); // nothing held on the card either
    expect(await orderCount(customerId)).toBe(0);
    expect(await stockOf(warehouse, skuA)).toEqual(before);
    expect(await cartUnits(cartId)).toBe(1);
    // The same checkout (same form, same key) with another card goes through.
    await placeOrder({ customerId, cartId, address, payment: card('4242424242424242'), idempotencyKey: key });
    expect(await orderCount(customerId)).toBe(1);
  });

  it('ships (stock leaves the warehouse, the card is captured) then delivers; staff cannot skip steps', async () => {
    const { customerId, cartId } = await shopperWithCart([[skuB, 2]], 'delivery');
    const placed = await placeOrder({ customerId, cartId, address, payment: card('5555555555554444'), idempotencyKey: randomUUID() });
    const before = await stockOf(warehouse, skuB);
    const input = { orderId: placed.id, locationId: warehouse, actorId: staff };
    await expect(markDelivered(input)).rejects.toBeInstanceOf(OrderStateError);
    await expect(markShipped({ ...input, locationId: drive })).rejects.toBeInstanceOf(OrderNotFoundError);
    await markShipped(input);
    expect(calls.captured).toHaveLength(1);
    expect(await stockOf(warehouse, skuB)).toEqual({ on_hand: before.on_hand - 2, reserved: before.reserved - 2 });
    await markDelivered(input);
    const order = (await getCustomerOrder(placed.number, customerId, 'en'))!;
    expect(order).toMatchObject({ status: 'delivered', paymentStatus: 'captured' });
    expect(order.events.map((e) => e.kind)).toEqual(['placed', 'shipped', 'delivered']);
    await expect(cancelOrderByCustomer({ orderId: placed.id, customerId })).rejects.toBeInstanceOf(OrderStateError);
  });
});

describe('after placing', () => {
  let slotId: number;
  beforeEach(async () => {
    slotId = await insertSlotIn(conn.db, drive, 3 * 24 * 60, 5);
  });

  it('the shopper cancels before the cut-off: stock and slot come back, once', async () => {
    const { customerId, cartId } = await shopperWithCart([[skuA, 3]]);
    const before = await stockOf(drive, skuA);
    const placed = await placeOrder({ customerId, cartId, slotId, idempotencyKey: randomUUID() });
    await expect(cancelOrderByCustomer({ orderId: placed.id, customerId: shoppers[198]! })).rejects.toBeInstanceOf(OrderNotFoundError);
    await cancelOrderByCustomer({ orderId: placed.id, customerId });
    expect(await stockOf(drive, skuA)).toEqual(before);
    expect(await takenOf(conn.db, slotId)).toMatchObject({ booked: 0 });
    await expect(cancelOrderByCustomer({ orderId: placed.id, customerId })).rejects.toBeInstanceOf(OrderStateError);
    expect(await stockOf(drive, skuA)).toEqual(before);
  });

  it('moves to another slot of the same store before the cut-off; not after it', async () => {
    const { customerId, cartId } = await shopperWithCart([[skuA, 1]]);
    const placed = await placeOrder({ customerId, cartId, slotId, idempotencyKey: randomUUID() });
    const later = await insertSlotIn(conn.db, drive, 4 * 24 * 60, 5);
    await moveOrderSlot({ orderId: placed.id, customerId, slotId: later });
    expect(await takenOf(conn.db, slotId)).toMatchObject({ booked: 0 });
    expect(await takenOf(conn.db, later)).toMatchObject({ booked: 1 });
    expect((await getCustomerOrder(placed.number, customerId, 'en'))!.slot?.id).toBe(later);
    // The slot's cut-off passes: neither moving nor cancelling is possible any more.
    await conn.db.execute(sql`UPDATE drive_slots SET starts_at = now() + interval '1 hour', ends_at = now() + interval '90 minutes' WHERE id = ${later}`);
    await expect(moveOrderSlot({ orderId: placed.id, customerId, slotId })).rejects.toBeInstanceOf(PastCutoffError);
    await expect(cancelOrderByCustomer({ orderId: placed.id, customerId })).rejects.toBeInstanceOf(PastCutoffError);
    await cancelOrderByStaff({ orderId: placed.id, locationId: drive, actorId: staff }); // the shop still can
  });

  it('"I’m here" opens an hour before the slot; staff prepare, mark ready and hand over', async () => {
    const { customerId, cartId } = await shopperWithCart([[skuB, 2]]);
    const placed = await placeOrder({ customerId, cartId, slotId, idempotencyKey: randomUUID() });
    await expect(markArrived({ orderId: placed.id, customerId })).rejects.toBeInstanceOf(ArrivalNotOpenError);
    await conn.db.execute(sql`UPDATE drive_slots SET starts_at = now() + interval '20 minutes', ends_at = now() + interval '50 minutes' WHERE id = ${slotId}`);
    const staffInput = { orderId: placed.id, locationId: drive, actorId: staff };
    await expect(handOverOrder(staffInput)).rejects.toBeInstanceOf(OrderStateError);
    await startPreparing(staffInput);
    await markOrderReady(staffInput);
    await markArrived({ orderId: placed.id, customerId, bay: ' 7 ' });
    const today = await listDriveOrdersForToday(drive, 'en');
    expect(today.find((o) => o.id === placed.id)).toMatchObject({ arrivalBay: '7', status: 'ready' });
    const before = await stockOf(drive, skuB);
    await expect(handOverOrder({ ...staffInput, locationId: otherDrive })).rejects.toBeInstanceOf(OrderNotFoundError);
    await handOverOrder(staffInput);
    await expect(handOverOrder(staffInput)).rejects.toBeInstanceOf(OrderStateError);
    expect(await stockOf(drive, skuB)).toEqual({ on_hand: before.on_hand - 2, reserved: before.reserved - 2 });
    const order = (await getCustomerOrder(placed.number, customerId, 'en'))!;
    expect(order).toMatchObject({ status: 'collected', paymentStatus: 'paid_at_pickup' });
    expect(order.events.map((e) => e.kind)).toEqual(['placed', 'preparing', 'ready', 'arrived', 'collected']);
    expect((await listCustomerOrders(customerId, 'en')).map((o) => o.number)).toEqual([placed.number]);
  });

  it("the drive screen's today holds what is due within two hours, even past midnight, and every shopper who is here", async () => {
    const { customerId, cartId } = await shopperWithCart([[skuB, 1]]);
    const placed = await placeOrder({ customerId, cartId, slotId, idempotencyKey: randomUUID() }); // in 3 days
    const lists = async () => ({
      today: (await listDriveOrdersForToday(drive, 'en')).map((o) => o.id),
      ahead: (await listUpcomingDriveOrders(drive, 'en')).map((o) => o.id),
    });
    const where = async () => {
      const { today, ahead } = await lists();
      return { today: today.includes(placed.id), ahead: ahead.includes(placed.id) };
    };
    expect(await where()).toEqual({ today: false, ahead: true });
    // Due in 25 minutes: on today's screen, whatever the hour (at 23:50 in Paris it is tomorrow's date).
    await conn.db.execute(sql`UPDATE drive_slots SET starts_at = now() + interval '25 minutes', ends_at = now() + interval '55 minutes' WHERE id = ${slotId}`);
    expect(await where()).toEqual({ today: true, ahead: false });
    // Back in 3 days, but the shopper says "I'm here" (a mistake the staff must see): today, not ahead.
    await conn.db.execute(
      sql`UPDATE drive_slots SET starts_at = now() + interval '3 days', ends_at = now() + interval '3 days 30 minutes' WHERE id = ${slotId}`,
    );
    await conn.db.execute(sql`UPDATE orders SET arrived_at = now(), arrival_bay = '3' WHERE id = ${placed.id}`);
    expect(await where()).toEqual({ today: true, ahead: false });
  });
});

describe.runIf(onPostgres)('PostgreSQL: concurrent checkouts', () => {
  it('40 shoppers placing drive orders on a capacity-3 slot at once: exactly 3 orders, the rest refused, nothing left held', async () => {
    const slotId = await insertSlotIn(conn.db, drive, 2 * 24 * 60, 3);
    const carts = await Promise.all(Array.from({ length: 40 }, () => shopperWithCart([[skuA, 1]])));
    const before = await stockOf(drive, skuA);
    const results = await Promise.allSettled(carts.map((c) => placeOrder({ ...c, slotId, idempotencyKey: randomUUID() })));
    const won = results.filter((r) => r.status === 'fulfilled').length;
    const refusals = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected').map((r) => r.reason);
    expect(won).toBe(3);
    expect(refusals.every((e) => e instanceof SlotFullError)).toBe(true);
    expect(await takenOf(conn.db, slotId)).toMatchObject({ booked: 3 });
    expect((await stockOf(drive, skuA)).reserved).toBe(before.reserved + 3);
  });

  it('the last 5 units for 30 home-delivery checkouts at once: 5 orders, 25 told "not enough stock", every refused card voided', async () => {
    await setStock(conn.db, warehouse, skuB, 5);
    const [authorizedBefore, voidedBefore] = [calls.authorized.length, calls.voided.length];
    const carts = await Promise.all(Array.from({ length: 30 }, () => shopperWithCart([[skuB, 1]], 'delivery')));
    const results = await Promise.allSettled(carts.map((c) => placeOrder({ ...c, address, payment: card('4242424242424242'), idempotencyKey: randomUUID() })));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(5);
    expect(results.every((r) => r.status === 'fulfilled' || r.reason instanceof OutOfStockError)).toBe(true);
    expect(await stockOf(warehouse, skuB)).toEqual({ on_hand: 5, reserved: 5 });
    const authorized = calls.authorized.slice(authorizedBefore);
    const voided = calls.voided.slice(voidedBefore);
    expect(authorized).toHaveLength(30);
    expect(voided).toHaveLength(25);
    expect(new Set(voided).size).toBe(25);
  });
});
