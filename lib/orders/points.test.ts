import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addToCart, getOrCreateCustomerCart, setFulfilment } from '@/lib/cart/commands';
import { useTestDatabase } from '@/test/support/db';
import { insertSlotIn } from '@/test/support/drive';
import { adjustPoints, joinLoyalty } from '@/lib/loyalty/commands';
import { NotEnoughPointsError } from '@/lib/loyalty/errors';
import { getLoyaltyCard } from '@/lib/loyalty/queries';
import { registerPaymentProvider } from '@/lib/payments';
import { createTestProvider } from '@/lib/payments/test-provider';
import type { PaymentProvider } from '@/lib/payments/types';
import { insertCategory, insertProduct, insertShoppers, insertStore, insertUser, insertWarehouse, setStock } from '@/test/support/fixtures';
import { testAddress, testCard } from '@/test/support/orders';
import { cancelOrderByCustomer, handOverOrder, markDelivered, markOrderReady, markShipped } from './fulfilment';
import { placeOrder } from './placing';
import { maxRedeemablePoints, pointsDiscountCents } from './pricing';
import { PointsNotUsableError } from './errors';

/*
 * Loyalty points on web orders: spent at checkout as a discount (one transaction with the order),
 * given back when the order is cancelled, earned once when it completes.
 */

let conn: Awaited<ReturnType<typeof useTestDatabase>>;
let drive: number;
let warehouse: number;
let sku: number;
let staff: number;
let shoppers: number[];
let next = 0;
const authorized: { reference: string; amount: number }[] = [];
const voided: string[] = [];

function recordingProvider(): PaymentProvider {
  const inner = createTestProvider();
  return {
    ...inner,
    id: 'recording_points',
    async authorize(request) {
      const result = await inner.authorize(request);
      if (result.status === 'authorized') authorized.push({ reference: result.reference, amount: request.amountCents });
      return result;
    },
    async void(reference) {
      voided.push(reference);
      return inner.void(reference);
    },
  };
}

const card = testCard('4242424242424242');
const address = testAddress;

const balanceOf = async (customerId: number) => (await getLoyaltyCard(customerId))!.balance;
const reservedAt = async (location: number) =>
  (await conn.db.execute<{ reserved: number }>(sql`SELECT reserved FROM stock WHERE location_id = ${location} AND sku_id = ${sku}`)).rows[0]!.reserved;

/** A member with `points` and a cart of `units` × €19.99. */
async function member(points: number, units: number, mode: 'drive' | 'delivery') {
  const customerId = shoppers[next++]!;
  await joinLoyalty(customerId);
  if (points > 0) {
    await conn.db.transaction((tx) => adjustPoints(tx as never, { customerId, points, reason: 'test balance', staffId: null, key: `test:${customerId}` }));
  }
  const cartId = await getOrCreateCustomerCart(customerId);
  await addToCart(cartId, sku, units);
  await setFulfilment(cartId, mode, mode === 'drive' ? drive : null);
  return { customerId, cartId };
}

beforeAll(async () => {
  registerPaymentProvider('recording_points', recordingProvider);
  process.env.PAYMENT_PROVIDER = 'recording_points';
  conn = await useTestDatabase();
  const cat = await insertCategory(conn.db, 'c');
  [sku] = (await insertProduct(conn.db, { slug: 'p', categoryId: cat, nameFr: 'P', nameEn: 'P', skus: [{ size: 'S', priceCents: 1999 }] })).skuIds as [number];
  drive = await insertStore(conn.db, { slug: 'drive-lyon', lat: 45.76, lng: 4.83, drive: true });
  warehouse = await insertWarehouse(conn.db);
  for (const loc of [drive, warehouse]) await setStock(conn.db, loc, sku, 1_000);
  shoppers = await insertShoppers(conn.db, 40, 'points');
  staff = await insertUser(conn.db, { email: 'staff-points@example.com', role: 'staff' });
});
afterAll(async () => {
  delete process.env.PAYMENT_PROVIDER;
  await conn?.drop();
});

describe('what points can take off an order', () => {
  it('pays for goods in whole steps and never the whole bill', () => {
    // €39.98 of goods, drive: at most 7 steps (€35), since 8 (€40) would pay more than the goods.
    expect(maxRedeemablePoints(10_000, 3998, 0)).toBe(700);
    // Exactly €40 of goods at the drive: €40 off would leave nothing to pay at pickup.
    expect(maxRedeemablePoints(10_000, 4000, 0)).toBe(700);
    // The same goods delivered (a fee of €4.90 remains to pay): all €40 can go.
    expect(maxRedeemablePoints(10_000, 4000, 490)).toBe(800);
    expect(maxRedeemablePoints(250, 4000, 0)).toBe(200);
    expect(maxRedeemablePoints(10_000, 499, 0)).toBe(0);
    expect(pointsDiscountCents(300, 3998, 0)).toBe(1500);
    expect(() => pointsDiscountCents(150, 3998, 0)).toThrow(PointsNotUsableError);
    expect(() => pointsDiscountCents(800, 3998, 0)).toThrow(PointsNotUsableError);
  });
});

describe('spending points at checkout', () => {
  it('takes the points and the discount in the order’s transaction; the card is authorised for the rest', async () => {
    const { customerId, cartId } = await member(1_000, 3, 'delivery'); // €59.97, free delivery
    const placed = await placeOrder({ customerId, cartId, address, payment: card, redeemPoints: 400, idempotencyKey: randomUUID() });
    const order = (
      await conn.db.execute<{ discount_cents: number; points_redeemed: number; total_cents: number }>(
        sql`SELECT discount_cents, points_redeemed, total_cents FROM orders WHERE id = ${placed.id}`,
      )
    ).rows[0]!;
    expect(order).toEqual({ discount_cents: 2000, points_redeemed: 400, total_cents: 5997 - 2000 });
    expect(authorized.at(-1)!.amount).toBe(3997);
    expect(await balanceOf(customerId)).toBe(600);
  });

  it('a resubmitted checkout spends the points once', async () => {
    const { customerId, cartId } = await member(500, 2, 'drive');
    const slotId = await insertSlotIn(conn.db, drive, 24 * 60, 5);
    const input = { customerId, cartId, slotId, redeemPoints: 500, idempotencyKey: randomUUID() };
    const [a, b] = await Promise.allSettled([placeOrder(input), placeOrder(input)]);
    const numbers = [a, b].filter((r) => r.status === 'fulfilled').map((r) => (r as PromiseFulfilledResult<{ number: string }>).value.number);
    expect(new Set(numbers).size).toBe(1);
    expect(await balanceOf(customerId)).toBe(0);
    const entries = await conn.db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM orders WHERE customer_id = ${customerId}`);
    expect(entries.rows[0]!.n).toBe(1);
  });

  it('more points than the balance: nothing is ordered, held or charged', async () => {
    const { customerId, cartId } = await member(200, 3, 'delivery');
    const before = await reservedAt(warehouse);
    const count = authorized.length;
    await expect(placeOrder({ customerId, cartId, address, payment: card, redeemPoints: 300, idempotencyKey: randomUUID() })).rejects.toBeInstanceOf(
      NotEnoughPointsError,
    );
    expect(await reservedAt(warehouse)).toBe(before);
    expect(await balanceOf(customerId)).toBe(200);
    expect(authorized.length).toBe(count); // refused before the card was touched
    const n = await conn.db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM orders WHERE customer_id = ${customerId}`);
    expect(n.rows[0]!.n).toBe(0);
  });

  it('points that are not whole steps, or more than the goods allow, are refused before any charge', async () => {
    const { customerId, cartId } = await member(5_000, 1, 'drive'); // €19.99: at most 300 points
    const slotId = await insertSlotIn(conn.db, drive, 24 * 60, 5);
    const count = authorized.length;
    await expect(placeOrder({ customerId, cartId, slotId, redeemPoints: 250, idempotencyKey: randomUUID() })).rejects.toBeInstanceOf(PointsNotUsableError);
    await expect(placeOrder({ customerId, cartId, slotId, redeemPoints: 400, idempotencyKey: randomUUID() })).rejects.toMatchObject({ maxPoints: 300 });
    expect(authorized.length).toBe(count);
    expect(await balanceOf(customerId)).toBe(5_000);
  });
});

describe('cancelling and completing', () => {
  it('a cancelled order gives its points back', async () => {
    const { customerId, cartId } = await member(600, 2, 'drive');
    const slotId = await insertSlotIn(conn.db, drive, 24 * 60, 5);
    const placed = await placeOrder({ customerId, cartId, slotId, redeemPoints: 600, idempotencyKey: randomUUID() });
    expect(await balanceOf(customerId)).toBe(0);
    await cancelOrderByCustomer({ orderId: placed.id, customerId });
    expect(await balanceOf(customerId)).toBe(600);
  });

  it('a drive order earns points on what the goods cost after the discount, once, when handed over', async () => {
    const { customerId, cartId } = await member(200, 3, 'drive'); // €59.97 − €10 = €49.97 → 49 points
    const slotId = await insertSlotIn(conn.db, drive, 24 * 60, 5);
    const placed = await placeOrder({ customerId, cartId, slotId, redeemPoints: 200, idempotencyKey: randomUUID() });
    const by = { orderId: placed.id, locationId: drive, actorId: staff };
    await markOrderReady(by);
    await handOverOrder(by);
    await expect(handOverOrder(by)).rejects.toThrow();
    expect(await balanceOf(customerId)).toBe(49);
  });

  it('a delivery order earns when delivered, not when shipped; the delivery fee earns nothing', async () => {
    const { customerId, cartId } = await member(0, 1, 'delivery'); // €19.99 + €4.90 fee → 19 points
    const placed = await placeOrder({ customerId, cartId, address, payment: card, idempotencyKey: randomUUID() });
    const by = { orderId: placed.id, locationId: warehouse, actorId: staff };
    await markShipped(by);
    expect(await balanceOf(customerId)).toBe(0);
    await markDelivered(by);
    expect(await balanceOf(customerId)).toBe(19);
  });
});
