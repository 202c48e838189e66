import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { onPostgres, useTestDatabase } from '@/test/support/db';
import { insertCategory, insertProduct, insertStore, setStock } from '@/test/support/fixtures';
import { createDriveHub, type DriveEvent, type DriveHub } from './drive-hub';
import { createStockHub, type StockEvent, type StockHub } from './stock-hub';
import type { ListenSource } from './transport';
import { redisAnswers } from '@/test/support/redis';

/**
 * The Redis transport (LIVE_EVENTS=redis) against the Redis on 127.0.0.1:6379 and PostgreSQL:
 * hubs stand for server processes; each has its own Redis subscriber and takes part in choosing
 * the one relay of the fleet.
 */
const REDIS_URL = process.env.TEST_REDIS_URL || 'redis://127.0.0.1:6379';

const withRedis = onPostgres && (await redisAnswers(REDIS_URL));
if (onPostgres && !withRedis) console.warn(`redis-transport tests skipped: no Redis answers at ${REDIS_URL}`);

let conn: Awaited<ReturnType<typeof useTestDatabase>>;
let admin: Redis;
let lyon: number;
let paris: number;
let sku: number;
const prefix = `comptoir-test:${randomUUID()}`;
const stockHubs: StockHub[] = [];
const driveHubs: DriveHub[] = [];

function source(): ListenSource {
  if (conn.kind !== 'postgres') throw new Error('the Redis transport runs on PostgreSQL');
  return { kind: 'redis', url: REDIS_URL, prefix, config: conn.pool.options };
}

function stockHub(): StockHub {
  const hub = createStockHub(source());
  stockHubs.push(hub);
  return hub;
}

function recorder() {
  const events: StockEvent[] = [];
  let resyncs = 0;
  return { events, resyncs: () => resyncs, listener: { onStock: (e: StockEvent) => events.push(e), onResync: () => resyncs++ } };
}

async function until(check: () => boolean | Promise<boolean>, ms = 5_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 10));
  }
}

async function addStock(locationId: number, units: number): Promise<void> {
  await conn.db.execute(sql`UPDATE stock SET on_hand = on_hand + ${units} WHERE location_id = ${locationId} AND sku_id = ${sku}`);
}

async function backends(applicationName: string): Promise<number> {
  const rows = await conn.db.execute<{ n: number }>(
    sql`SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = ${applicationName} AND datname = current_database()`,
  );
  return rows.rows[0]!.n;
}

describe.runIf(withRedis)('live events through Redis', () => {
  beforeAll(async () => {
    conn = await useTestDatabase();
    admin = new Redis(REDIS_URL);
    const db = conn.db;
    const cat = await insertCategory(db, 'c');
    [sku] = (await insertProduct(db, { slug: 'p', categoryId: cat, nameFr: 'P', nameEn: 'P', skus: [{ size: 'S' }] })).skuIds as [number];
    lyon = await insertStore(db, { slug: 'lyon', lat: 45.764, lng: 4.8357 });
    paris = await insertStore(db, { slug: 'paris', lat: 48.8566, lng: 2.3522 });
    for (const loc of [lyon, paris]) await setStock(db, loc, sku, 5, 0);
  });
  afterAll(async () => {
    await Promise.all([...stockHubs, ...driveHubs].map((h) => h.close()));
    admin?.disconnect();
    await conn?.drop();
  });

  it('a stock change reaches every process, through one relay, with no LISTEN or NOTIFY on the primary', async () => {
    const [one, two] = [stockHub(), stockHub()];
    const [a, b] = [recorder(), recorder()];
    await one.subscribe([{ storeId: lyon, skuId: sku }], a.listener);
    await two.subscribe([{ storeId: lyon, skuId: sku }], b.listener);
    await until(async () => (await backends('comptoir-redis-relay')) >= 1);

    await addStock(lyon, 2);
    await until(() => a.events.some((e) => e.available === 7) && b.events.some((e) => e.available === 7));
    expect(a.events.at(-1)).toEqual(b.events.at(-1));
    expect(a.events.at(-1)).toMatchObject({ storeId: lyon, skuId: sku, available: 7 });

    expect(await backends('comptoir-stock-hub')).toBe(0); // nobody LISTENs on the primary
    const holders = await conn.db.execute<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND objid = 7423002 AND granted`,
    );
    expect(holders.rows[0]!.n).toBe(1); // exactly one relay for the two processes
    const subscribers = (await admin.call('PUBSUB', 'NUMSUB', `${prefix}:stock`)) as [string, number];
    expect(subscribers[1]).toBe(2);
  });

  it('keeps commit order: after a burst on one figure, the last event carries the final figure', async () => {
    const hub = stockHub();
    const sub = recorder();
    await hub.subscribe([{ storeId: paris, skuId: sku }], sub.listener);
    for (let i = 0; i < 50; i++) await addStock(paris, 1);
    await until(() => sub.events.at(-1)?.available === 55);
    const figures = sub.events.map((e) => e.available);
    expect([...figures].sort((x, y) => x - y)).toEqual(figures);
  });

  it('forwards the drive channel to every process', async () => {
    const hubs = [createDriveHub(source()), createDriveHub(source())];
    driveHubs.push(...hubs);
    const heard: DriveEvent[][] = [[], []];
    await Promise.all(hubs.map((hub, i) => hub.subscribe(lyon, { onDrive: (e) => heard[i]!.push(e), onResync: () => {} })));
    await conn.db.execute(sql`SELECT pg_notify('drive', json_build_object('storeId', ${lyon}::int, 'orderId', 42)::text)`);
    await until(() => heard.every((h) => h.length === 1));
    expect(heard[0]).toEqual([{ storeId: lyon, orderId: 42 }]);
    expect(heard[1]).toEqual(heard[0]);
  });

  it('when the relay loses PostgreSQL, one takes over, pages are told to resync, and changes flow again', async () => {
    const hub = stockHub();
    const sub = recorder();
    await hub.subscribe([{ storeId: lyon, skuId: sku }], sub.listener);
    const before = sub.resyncs();
    await conn.db.execute(
      sql`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'comptoir-redis-relay' AND datname = current_database()`,
    );
    // The change lands while there may be no relay: it waits in the outbox, not lost.
    await addStock(lyon, 1);
    await until(() => sub.resyncs() > before, 8_000);
    await until(() => sub.events.some((e) => e.available === 8), 8_000);
    await addStock(lyon, 1);
    await until(() => sub.events.some((e) => e.available === 9));
  });

  it('a lost Redis subscription comes back and its subscribers are told to resync', async () => {
    const hub = stockHub();
    const sub = recorder();
    await hub.subscribe([{ storeId: paris, skuId: sku }], sub.listener);
    const before = sub.resyncs();
    await admin.call('CLIENT', 'KILL', 'TYPE', 'pubsub');
    await until(() => sub.resyncs() > before, 8_000);
    await until(async () => ((await admin.call('PUBSUB', 'NUMSUB', `${prefix}:stock`)) as [string, number])[1] >= 1, 8_000);
    await addStock(paris, 3);
    await until(() => sub.events.some((e) => e.available === 58));
  });
});
