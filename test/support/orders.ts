import { sql } from 'drizzle-orm';
import { afterAll, beforeAll } from 'vitest';
import { addToCart, getOrCreateCustomerCart, setFulfilment } from '@/lib/cart/commands';
import type { DeliveryAddress } from '@/lib/orders/address';
import { registerPaymentProvider } from '@/lib/payments';
import { createTestProvider } from '@/lib/payments/test-provider';
import type { CardMethodInput, PaymentProvider } from '@/lib/payments/types';
import { useTestDatabase } from './db';
import { insertCategory, insertProduct, insertShoppers, insertStore, insertUser, insertWarehouse, setStock } from './fixtures';

/** The test provider's card rules apply: 4242… is accepted, 4000000000000002 declined (lib/payments/test-cards.ts). */
export const testCard = (number: string): CardMethodInput => ({
  kind: 'card',
  number,
  expMonth: 12,
  expYear: new Date().getFullYear() + 2,
  cvc: '123',
  holder: 'Camille Martin',
});

export const testAddress: DeliveryAddress = {
  name: 'Camille Martin',
  address: '12 rue de la République',
  postcode: '69002',
  town: 'Lyon',
  phone: '0612345678',
};

type Calls = { authorized: string[]; voided: string[]; captured: string[]; capturedCents: number[] };

/**
 * A provider plugged in from outside, as a real one would be (registerPaymentProvider +
 * PAYMENT_PROVIDER): the test card rules, with a record of what order code asked of it.
 */
function recordingProvider(calls: Calls): PaymentProvider {
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
      calls.capturedCents.push(amount);
      return inner.capture(reference, amount, key);
    },
    async void(reference) {
      calls.voided.push(reference);
      return inner.void(reference);
    },
    refund: (reference, amount, key) => inner.refund(reference, amount, key),
  };
}

export type OrdersWorld = {
  conn: Awaited<ReturnType<typeof useTestDatabase>>;
  /** Two drive stores and the web warehouse, each with 1,000 of both SKUs. */
  drive: number;
  otherDrive: number;
  warehouse: number;
  skuA: number;
  skuB: number;
  staff: number;
  /** 200 shoppers: shopperWithCart takes the next one; the last two are kept for "somebody else". */
  shoppers: number[];
  /** What order code asked of the payment provider. */
  calls: Calls;
  stockOf(location: number, sku: number): Promise<{ on_hand: number; reserved: number }>;
  orderCount(customerId: number): Promise<number>;
  cartUnits(cartId: number): Promise<number>;
  /** A fresh shopper with a cart of `lines`, set to drive at `store` (default: drive) or to home delivery. */
  shopperWithCart(lines: [number, number][], mode?: 'drive' | 'delivery', store?: number): Promise<{ customerId: number; cartId: number }>;
};

/**
 * The world the order tests share, made on this file's own database before its tests run (the
 * object is filled in then), with the recording provider as the configured card provider.
 */
export function setUpOrdersWorld(): OrdersWorld {
  const world = { calls: { authorized: [], voided: [], captured: [], capturedCents: [] } } as unknown as OrdersWorld;
  let next = 0;
  beforeAll(async () => {
    registerPaymentProvider('recording', () => recordingProvider(world.calls));
    process.env.PAYMENT_PROVIDER = 'recording';
    const conn = await useTestDatabase();
    const db = conn.db;
    const cat = await insertCategory(db, 'c');
    const [skuA, skuB] = (await insertProduct(db, { slug: 'p', categoryId: cat, nameFr: 'P', nameEn: 'P', skus: [{ size: 'S' }, { size: 'M' }] })).skuIds as [
      number,
      number,
    ];
    const drive = await insertStore(db, { slug: 'drive-lyon', lat: 45.76, lng: 4.83, drive: true });
    const otherDrive = await insertStore(db, { slug: 'drive-bron', lat: 45.73, lng: 4.91, drive: true });
    const warehouse = await insertWarehouse(db);
    for (const loc of [drive, otherDrive, warehouse]) for (const sku of [skuA, skuB]) await setStock(db, loc, sku, 1_000);
    const shoppers = await insertShoppers(db, 200, 'orders');
    const staff = await insertUser(db, { email: 'staff@example.com', role: 'staff' });
    Object.assign(world, {
      conn,
      drive,
      otherDrive,
      warehouse,
      skuA,
      skuB,
      staff,
      shoppers,
      async stockOf(location: number, sku: number) {
        const r = await db.execute<{ on_hand: number; reserved: number }>(
          sql`SELECT on_hand, reserved FROM stock WHERE location_id = ${location} AND sku_id = ${sku}`,
        );
        return r.rows[0]!;
      },
      orderCount: async (customer: number) =>
        (await db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM orders WHERE customer_id = ${customer}`)).rows[0]!.n,
      cartUnits: async (cartId: number) =>
        (await db.execute<{ n: number }>(sql`SELECT COALESCE(sum(quantity), 0)::int AS n FROM cart_lines WHERE cart_id = ${cartId}`)).rows[0]!.n,
      async shopperWithCart(lines: [number, number][], mode: 'drive' | 'delivery' = 'drive', store = drive) {
        const customerId = shoppers[next++]!;
        const cartId = await getOrCreateCustomerCart(customerId);
        for (const [sku, n] of lines) await addToCart(cartId, sku, n);
        await setFulfilment(cartId, mode, mode === 'drive' ? store : null);
        return { customerId, cartId };
      },
    } satisfies Omit<OrdersWorld, 'calls'>);
  });
  afterAll(async () => {
    delete process.env.PAYMENT_PROVIDER;
    await world.conn?.drop();
  });
  return world;
}
