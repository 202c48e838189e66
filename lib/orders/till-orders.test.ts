import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ForbiddenError } from '@/lib/auth/errors';
import { useTestDatabase } from '@/test/support/db';
import { IdempotencyKeyReusedError } from '@/lib/inventory/commands';
import { OutOfStockError } from '@/lib/inventory/holds';
import { getLoyaltyCard } from '@/lib/loyalty/queries';
import { joinLoyalty } from '@/lib/loyalty/commands';
import { insertCategory, insertProduct, insertShoppers, insertStore, insertUser, insertWarehouse, setStock } from '@/test/support/fixtures';
import type { DeliveryAddress } from './address';
import { cancelOrderByCustomer, cancelOrderByStaff, markDelivered, markShipped } from './fulfilment';
import { InvalidCheckoutError, OrderPaidInStoreError } from './errors';
import { placeTillDeliveryOrder } from './till-orders';
import { inTx } from '@/test/support/loyalty';
import { creditStoreCredit } from '@/lib/wallet/commands';
import { WalletNeedsCardError } from '@/lib/wallet/errors';
import { getWallet } from '@/lib/wallet/queries';

/*
 * Ordering at the till for home delivery: an item this shop lacks, paid at the counter, sent from
 * the web warehouse. Born paid; held in the warehouse's stock; shipped and delivered like any
 * other; points on delivery; never cancelled (it comes back as a return).
 */
let conn: Awaited<ReturnType<typeof useTestDatabase>>;
let store: number;
let otherStore: number;
let warehouse: number;
let sku: number;
let staff: number;
let shoppers: number[];
const address: DeliveryAddress = { name: 'Inès Canaux', address: '3 quai Saint-Vincent', postcode: '69001', town: 'Lyon', phone: '' };

const warehouseStock = async () =>
  (await conn.db.execute<{ on_hand: number; reserved: number }>(sql`SELECT on_hand, reserved FROM stock WHERE location_id = ${warehouse} AND sku_id = ${sku}`))
    .rows[0]!;
const order = (over: Partial<Parameters<typeof placeTillDeliveryOrder>[0]> = {}) =>
  placeTillDeliveryOrder({
    storeId: store,
    staffId: staff,
    customerId: shoppers[0]!,
    lines: [{ skuId: sku, quantity: 2 }],
    address,
    idempotencyKey: randomUUID(),
    ...over,
  });

beforeAll(async () => {
  conn = await useTestDatabase();
  const cat = await insertCategory(conn.db, 'c');
  [sku] = (await insertProduct(conn.db, { slug: 'p', categoryId: cat, nameFr: 'P', nameEn: 'P', skus: [{ size: 'S', priceCents: 1999 }] })).skuIds as [number];
  store = await insertStore(conn.db, { slug: 'lyon', lat: 45.76, lng: 4.83 });
  otherStore = await insertStore(conn.db, { slug: 'lille', lat: 50.63, lng: 3.06 });
  warehouse = await insertWarehouse(conn.db);
  await setStock(conn.db, warehouse, sku, 5);
  shoppers = await insertShoppers(conn.db, 3, 'till-order');
  staff = await insertUser(conn.db, { email: 'till-order-staff@example.com', role: 'staff' });
  await conn.db.execute(sql`INSERT INTO staff_memberships (user_id, store_id) VALUES (${staff}, ${store})`);
});
afterAll(async () => {
  await conn?.drop();
});

describe('placeTillDeliveryOrder', () => {
  it('places a paid home-delivery order at the web price, holding the warehouse’s units', async () => {
    const before = await warehouseStock();
    const placed = await order();
    expect(placed).toMatchObject({ subtotalCents: 3998, deliveryCents: 490, totalCents: 4488, replayed: false });
    expect(placed.number).toMatch(/^CMD-/);
    const row = (
      await conn.db.execute<Record<string, unknown>>(sql`
        SELECT mode, status, location_id, payment_status, placed_at_store_id, delivery_town FROM orders WHERE id = ${placed.id}`)
    ).rows[0];
    expect(row).toEqual({
      mode: 'delivery',
      status: 'placed',
      location_id: warehouse,
      payment_status: 'paid_at_pickup',
      placed_at_store_id: store,
      delivery_town: 'Lyon',
    });
    expect(await warehouseStock()).toEqual({ on_hand: before.on_hand, reserved: before.reserved + 2 });
    const event = await conn.db.execute<{ actor_id: number; note: string }>(sql`SELECT actor_id, note FROM order_events WHERE order_id = ${placed.id}`);
    expect(event.rows).toEqual([{ actor_id: staff, note: `till:${store}` }]);
  });

  it('places once per key, and a key is one customer’s', async () => {
    const key = randomUUID();
    const [a, b] = await Promise.all([order({ idempotencyKey: key }), order({ idempotencyKey: key })]);
    expect(a.id).toBe(b.id);
    expect([a.replayed, b.replayed].sort()).toEqual([false, true]);
    await expect(order({ idempotencyKey: key, customerId: shoppers[1]! })).rejects.toBeInstanceOf(IdempotencyKeyReusedError);
    const n = await conn.db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM orders WHERE idempotency_key = ${key}`);
    expect(n.rows[0]!.n).toBe(1);
  });

  it('refuses another shop’s staff, a short warehouse and a bad address, writing nothing', async () => {
    const before = await warehouseStock();
    const count = async () => (await conn.db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM orders`)).rows[0]!.n;
    const orders = await count();
    await expect(order({ storeId: otherStore })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(order({ lines: [{ skuId: sku, quantity: 99 }] })).rejects.toBeInstanceOf(OutOfStockError);
    await expect(order({ address: { ...address, postcode: '690' } })).rejects.toBeInstanceOf(InvalidCheckoutError);
    await expect(order({ lines: [] })).rejects.toBeInstanceOf(InvalidCheckoutError);
    await expect(order({ lines: [{ skuId: 999_999, quantity: 1 }] })).rejects.toBeInstanceOf(InvalidCheckoutError);
    await expect(order({ customerId: staff })).rejects.toBeInstanceOf(InvalidCheckoutError);
    expect(await count()).toBe(orders);
    expect(await warehouseStock()).toEqual(before);
  });

  it('ships and delivers like a web order, earns points on delivery, and is never cancelled', async () => {
    const customerId = shoppers[2]!;
    await joinLoyalty(customerId);
    await setStock(conn.db, warehouse, sku, 10);
    const placed = await order({ customerId, lines: [{ skuId: sku, quantity: 1 }] });
    await expect(cancelOrderByCustomer({ orderId: placed.id, customerId })).rejects.toBeInstanceOf(OrderPaidInStoreError);
    await expect(cancelOrderByStaff({ orderId: placed.id, locationId: warehouse, actorId: staff })).rejects.toBeInstanceOf(OrderPaidInStoreError);
    await markShipped({ orderId: placed.id, locationId: warehouse, actorId: staff });
    await markDelivered({ orderId: placed.id, locationId: warehouse, actorId: staff });
    const status = await conn.db.execute<{ status: string; payment_status: string }>(sql`SELECT status, payment_status FROM orders WHERE id = ${placed.id}`);
    expect(status.rows[0]).toEqual({ status: 'delivered', payment_status: 'paid_at_pickup' });
    expect((await getLoyaltyCard(customerId))!.balance).toBe(19);
  });
});

describe('placeTillDeliveryOrder paid from the wallet (lib/wallet/pay.ts, as at checkout and on a ticket)', () => {
  it('takes the store credit of a customer whose card was scanned, once per key; not on an email lookup', async () => {
    await setStock(conn.db, warehouse, sku, 50);
    const customerId = shoppers[2]!;
    await inTx((tx) => creditStoreCredit(tx, { customerId, amountCents: 1000, key: randomUUID(), kind: 'adjust' }));
    await expect(order({ customerId, identifiedBy: 'email', wallet: { useStoreCredit: true } })).rejects.toBeInstanceOf(WalletNeedsCardError);
    const key = randomUUID();
    const placed = await order({
      customerId,
      identifiedBy: 'card',
      wallet: { useStoreCredit: true },
      lines: [{ skuId: sku, quantity: 1 }],
      idempotencyKey: key,
    });
    expect(placed).toMatchObject({ walletCents: 1000, replayed: false });
    const again = await order({
      customerId,
      identifiedBy: 'card',
      wallet: { useStoreCredit: true },
      lines: [{ skuId: sku, quantity: 1 }],
      idempotencyKey: key,
    });
    expect(again).toMatchObject({ id: placed.id, walletCents: 1000, replayed: true });
    expect((await getWallet(customerId)).storeCreditCents).toBe(0);
  });
});
