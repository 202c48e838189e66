import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addToCart, getOrCreateCustomerCart, setFulfilment } from '@/lib/cart/commands';
import { onPostgres, useTestDatabase } from '@/test/support/db';
import { PaymentUnavailableError, registerPaymentProvider } from '@/lib/payments';
import { createTestProvider } from '@/lib/payments/test-provider';
import type { PaymentProvider } from '@/lib/payments/types';
import { insertCategory, insertProduct, insertShoppers, insertUser, insertWarehouse, setStock } from '@/test/support/fixtures';
import { testAddress, testCard } from '@/test/support/orders';
import { listUncapturedOrders, retryDueCaptures } from './captures';
import { markShipped } from './fulfilment';
import { placeOrder } from './placing';

let conn: Awaited<ReturnType<typeof useTestDatabase>>;
let warehouse: number;
let sku: number;
let staff: number;
let shoppers: number[];
let next = 0;

/** The test card rules, with captures that fail while `down` (the provider unreachable). */
const provider = { down: false };
function flakyProvider(): PaymentProvider {
  const inner = createTestProvider();
  return {
    ...inner,
    id: 'flaky',
    capture: async (reference, amount, key) => {
      if (provider.down) throw new PaymentUnavailableError('flaky', { cause: new Error('connect ETIMEDOUT') });
      return inner.capture(reference, amount, key);
    },
  };
}

const card = testCard('4242424242424242');
const address = testAddress;

async function placeDeliveryOrder() {
  const customerId = shoppers[next++]!;
  const cartId = await getOrCreateCustomerCart(customerId);
  await addToCart(cartId, sku, 1);
  await setFulfilment(cartId, 'delivery', null);
  return placeOrder({ customerId, cartId, address, payment: card, idempotencyKey: randomUUID() });
}

async function capture(orderId: number) {
  const r = await conn.db.execute<{
    payment_status: string;
    status: string;
    capture_attempts: number;
    due_in_s: number | null;
    capture_last_error: string | null;
  }>(
    sql`SELECT payment_status, status, capture_attempts, capture_last_error,
               round(extract(epoch FROM capture_next_at - clock_timestamp()))::int AS due_in_s
        FROM orders WHERE id = ${orderId}`,
  );
  return r.rows[0]!;
}
const makeDue = (orderId: number) => conn.db.execute(sql`UPDATE orders SET capture_next_at = clock_timestamp() - interval '1 second' WHERE id = ${orderId}`);

beforeAll(async () => {
  registerPaymentProvider('flaky', flakyProvider);
  conn = await useTestDatabase();
  const cat = await insertCategory(conn.db, 'c');
  [sku] = (await insertProduct(conn.db, { slug: 'p', categoryId: cat, nameFr: 'P', nameEn: 'P', skus: [{ size: 'S' }] })).skuIds as [number];
  warehouse = await insertWarehouse(conn.db);
  await setStock(conn.db, warehouse, sku, 100);
  shoppers = await insertShoppers(conn.db, 5, 'captures');
  staff = await insertUser(conn.db, { email: 'admin@example.com', role: 'admin' });
});
afterAll(async () => {
  delete process.env.PAYMENT_PROVIDER;
  await conn?.drop();
});

describe('capturing card payments after shipping', () => {
  it('a capture that fails is retried with growing waits, and staff see the order until it is paid', async () => {
    process.env.PAYMENT_PROVIDER = 'flaky';
    const placed = await placeDeliveryOrder();
    provider.down = true;
    await markShipped({ orderId: placed.id, locationId: warehouse, actorId: staff });
    // The parcel has left; the payment is still held, the attempt recorded, the next one in a minute.
    const first = await capture(placed.id);
    expect(first).toMatchObject({ status: 'shipped', payment_status: 'authorized', capture_attempts: 1 });
    expect(first.due_in_s).toBeGreaterThanOrEqual(55);
    expect(first.due_in_s).toBeLessThanOrEqual(60);
    expect(first.capture_last_error).toMatch(/^payment_unavailable: /);
    const [listed, ...more] = await listUncapturedOrders();
    expect(more).toEqual([]);
    expect(listed).toMatchObject({ number: placed.number, attempts: 1, status: 'shipped', lastError: first.capture_last_error });
    // Shipped a moment ago (its 'shipped' event), next attempt in about a minute.
    expect(Math.abs(listed!.shippedAt.getTime() - Date.now())).toBeLessThan(30_000);
    expect(listed!.nextAttemptAt!.getTime() - listed!.shippedAt.getTime()).toBeGreaterThan(50_000);

    // Not due yet: the job leaves it alone.
    expect(await retryDueCaptures()).toEqual({ captured: 0, failed: 0 });
    // Due, provider still down: a second attempt, then a wait twice as long.
    await makeDue(placed.id);
    expect(await retryDueCaptures()).toEqual({ captured: 0, failed: 1 });
    const second = await capture(placed.id);
    expect(second.capture_attempts).toBe(2);
    expect(second.due_in_s).toBeGreaterThanOrEqual(115);
    expect(second.due_in_s).toBeLessThanOrEqual(120);

    // The provider is back: the next due attempt takes the money, and the order leaves the list.
    provider.down = false;
    await makeDue(placed.id);
    expect(await retryDueCaptures()).toEqual({ captured: 1, failed: 0 });
    expect(await capture(placed.id)).toMatchObject({ payment_status: 'captured', capture_attempts: 3, capture_last_error: null, due_in_s: null });
    expect(await listUncapturedOrders()).toEqual([]);
    expect(await retryDueCaptures()).toEqual({ captured: 0, failed: 0 });
  });

  // A restart is a new process: only PostgreSQL can be shared with one (PGlite is in memory here).
  it.skipIf(!onPostgres)('an authorisation taken before a restart is captured by the server after it', async () => {
    delete process.env.PAYMENT_PROVIDER; // the built-in test provider
    const placed = await placeDeliveryOrder();
    expect(await capture(placed.id)).toMatchObject({ payment_status: 'authorized' });
    if (conn.kind !== 'postgres') throw new Error('PostgreSQL only');
    const url = (conn.pool.options as { connectionString: string }).connectionString;
    const code = await new Promise<number | null>((resolve) => {
      const child = spawn(
        process.execPath,
        ['--conditions=react-server', '--import', 'tsx', 'test/support/ship-in-new-process.ts', String(placed.id), String(warehouse), String(staff)],
        { env: { ...process.env, DATABASE_URL: url, PGLITE_DIR: '' }, stdio: ['ignore', 'inherit', 'inherit'] },
      );
      child.on('exit', resolve);
    });
    expect(code).toBe(0);
    expect(await capture(placed.id)).toMatchObject({ status: 'shipped', payment_status: 'captured', capture_attempts: 1 });
  });
});
