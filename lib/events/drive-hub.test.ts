import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addToCart, getOrCreateCustomerCart, setFulfilment } from '@/lib/cart/commands';
import { onPostgres, useTestDatabase } from '@/test/support/db';
import { insertSlotIn } from '@/test/support/drive';
import { handOverOrder, markArrived, markOrderReady } from '@/lib/orders/fulfilment';
import { placeOrder } from '@/lib/orders/placing';
import { insertCategory, insertProduct, insertShoppers, insertStore, insertUser, setStock } from '@/test/support/fixtures';
import { createDriveHub, type DriveEvent, type DriveHub, type ListenSource } from './drive-hub';

let conn: Awaited<ReturnType<typeof useTestDatabase>>;
let lyon: number;
let bron: number;
let sku: number;
let staff: number;
let shoppers: number[];
const hubs: DriveHub[] = [];

function source(): ListenSource {
  return conn.kind === 'pglite' ? { kind: 'pglite', client: conn.client } : { kind: 'postgres', config: conn.pool.options };
}

function newHub(): DriveHub {
  const hub = createDriveHub(source());
  hubs.push(hub);
  return hub;
}

function recorder() {
  const events: DriveEvent[] = [];
  let resyncs = 0;
  return { events, resyncs: () => resyncs, listener: { onDrive: (e: DriveEvent) => events.push(e), onResync: () => resyncs++ } };
}

async function until(check: () => boolean, ms = 3_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** Long enough for a notification that was going to arrive to have arrived. */
const settle = () => new Promise((r) => setTimeout(r, 150));

const notify = (storeId: number, orderId: number) => conn.db.execute(sql`SELECT pg_notify('drive', ${JSON.stringify({ storeId, orderId })})`);

/** A drive order at Lyon, booked tomorrow, whose slot is then brought forward to start in 20 minutes ("I'm here" opens). */
async function driveOrder(customerId: number) {
  const cartId = await getOrCreateCustomerCart(customerId);
  await addToCart(cartId, sku, 1);
  await setFulfilment(cartId, 'drive', lyon);
  const slotId = await insertSlotIn(conn.db, lyon, 24 * 60, 5);
  const placed = await placeOrder({ customerId, cartId, slotId, idempotencyKey: randomUUID() });
  await conn.db.execute(sql`UPDATE drive_slots SET starts_at = now() + interval '20 minutes', ends_at = now() + interval '50 minutes' WHERE id = ${slotId}`);
  return placed;
}

beforeAll(async () => {
  conn = await useTestDatabase();
  const cat = await insertCategory(conn.db, 'c');
  [sku] = (await insertProduct(conn.db, { slug: 'p', categoryId: cat, nameFr: 'P', nameEn: 'P', skus: [{ size: 'S' }] })).skuIds as [number];
  lyon = await insertStore(conn.db, { slug: 'drive-lyon', lat: 45.76, lng: 4.83, drive: true });
  bron = await insertStore(conn.db, { slug: 'drive-bron', lat: 45.73, lng: 4.91, drive: true });
  for (const loc of [lyon, bron]) await setStock(conn.db, loc, sku, 100);
  shoppers = await insertShoppers(conn.db, 5, 'drive-hub');
  staff = await insertUser(conn.db, { email: 'staff@example.com', role: 'staff' });
});
afterAll(async () => {
  await Promise.all(hubs.map((h) => h.close()));
  await conn?.drop();
});

describe('drive hub', () => {
  it('an arrival, then ready and handover, reach the screens of that store only, once committed', async () => {
    const hub = newHub();
    const lyonScreen = recorder();
    const bronScreen = recorder();
    await hub.subscribe(lyon, lyonScreen.listener);
    await hub.subscribe(bron, bronScreen.listener);
    const order = await driveOrder(shoppers[0]!);

    await markArrived({ orderId: order.id, customerId: shoppers[0]!, bay: '7' });
    await until(() => lyonScreen.events.length === 1);
    expect(lyonScreen.events[0]).toEqual({ storeId: lyon, orderId: order.id });

    await markOrderReady({ orderId: order.id, locationId: lyon, actorId: staff });
    await handOverOrder({ orderId: order.id, locationId: lyon, actorId: staff });
    await until(() => lyonScreen.events.length === 3);
    await settle();
    expect(bronScreen.events).toEqual([]);

    // A refused transition rolls back: its NOTIFY is never delivered.
    await expect(handOverOrder({ orderId: order.id, locationId: lyon, actorId: staff })).rejects.toThrow();
    await settle();
    expect(lyonScreen.events).toHaveLength(3);
  });

  it('a plain pg_notify is routed by store; nonsense payloads are ignored; unsubscribe stops delivery', async () => {
    const hub = newHub();
    const kept = recorder();
    const gone = recorder();
    await hub.subscribe(bron, kept.listener);
    const unsubscribe = await hub.subscribe(bron, gone.listener);
    expect(hub.subscriberCount()).toBe(2);
    unsubscribe();
    unsubscribe(); // idempotent
    expect(hub.subscriberCount()).toBe(1);
    await conn.db.execute(sql`SELECT pg_notify('drive', 'not json')`);
    await conn.db.execute(sql`SELECT pg_notify('drive', '{"storeId":"x"}')`);
    await notify(lyon, 41);
    await notify(bron, 42);
    await until(() => kept.events.length === 1);
    await settle();
    expect(kept.events).toEqual([{ storeId: bron, orderId: 42 }]);
    expect(gone.events).toEqual([]);
  });

  it('nothing is delivered before COMMIT', async () => {
    const hub = newHub();
    const screen = recorder();
    await hub.subscribe(lyon, screen.listener);
    await conn.db.transaction(async (tx) => {
      await tx.execute(sql`SELECT pg_notify('drive', ${JSON.stringify({ storeId: lyon, orderId: 7 })})`);
      await settle();
      expect(screen.events).toEqual([]);
    });
    await until(() => screen.events.length === 1);
  });

  it.runIf(onPostgres)('PostgreSQL: a lost LISTEN connection comes back and every screen is told to resync', async () => {
    await Promise.all(hubs.splice(0).map((h) => h.close())); // only this test's hub listens now
    const hub = newHub();
    const [a, b] = [recorder(), recorder()];
    await hub.subscribe(lyon, a.listener);
    await hub.subscribe(bron, b.listener);
    const killed = await conn.db.execute<{ n: number }>(sql`
      SELECT count(pg_terminate_backend(pid))::int AS n FROM pg_stat_activity
      WHERE application_name = 'comptoir-drive-hub' AND datname = current_database()`);
    expect(killed.rows[0]!.n).toBe(1);
    await until(() => a.resyncs() === 1 && b.resyncs() === 1, 5_000);
    await notify(lyon, 99);
    await until(() => a.events.length === 1);
    expect(a.events[0]).toEqual({ storeId: lyon, orderId: 99 });
    expect(b.events).toEqual([]);
  });
});
