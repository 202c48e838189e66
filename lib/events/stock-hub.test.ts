import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '@/lib/db/client';
import { onPostgres, useTestDatabase } from '@/test/support/db';
import { insertCategory, insertProduct, insertStore, setStock } from '@/test/support/fixtures';
import { relayStockChanges } from './stock-relay';
import { createStockHub, type ListenSource, type StockEvent, type StockHub } from './stock-hub';

let conn: Awaited<ReturnType<typeof useTestDatabase>>;
let lyon: number;
let paris: number;
let skuA: number;
let skuB: number;
const hubs: StockHub[] = [];

function source(): ListenSource {
  return conn.kind === 'pglite' ? { kind: 'pglite', client: conn.client } : { kind: 'postgres', config: conn.pool.options };
}

function newHub(): StockHub {
  const hub = createStockHub(source());
  hubs.push(hub);
  return hub;
}

/** A subscriber that records what it hears. */
function recorder() {
  const events: StockEvent[] = [];
  let resyncs = 0;
  return {
    events,
    resyncs: () => resyncs,
    listener: { onStock: (e: StockEvent) => events.push(e), onResync: () => resyncs++ },
  };
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

async function addStock(locationId: number, skuId: number, units: number): Promise<void> {
  await conn.db.execute(sql`UPDATE stock SET on_hand = on_hand + ${units} WHERE location_id = ${locationId} AND sku_id = ${skuId}`);
}

beforeAll(async () => {
  conn = await useTestDatabase();
  const db = conn.db;
  const cat = await insertCategory(db, 'c');
  [skuA, skuB] = (await insertProduct(db, { slug: 'p', categoryId: cat, nameFr: 'P', nameEn: 'P', skus: [{ size: 'S' }, { size: 'M' }] })).skuIds as [
    number,
    number,
  ];
  lyon = await insertStore(db, { slug: 'lyon', lat: 45.764, lng: 4.8357 });
  paris = await insertStore(db, { slug: 'paris', lat: 48.8566, lng: 2.3522 });
  for (const loc of [lyon, paris]) for (const sku of [skuA, skuB]) await setStock(db, loc, sku, 5, 1);
  while ((await relayStockChanges(queryRows)) > 0); // the fixtures' changes are not news to the tests
});
afterAll(async () => {
  await Promise.all(hubs.map((h) => h.close()));
  await conn?.drop();
});

describe('stock hub', () => {
  it('delivers only the (store, SKU) a subscriber asked for, and only once committed', async () => {
    const hub = newHub();
    const mine = recorder();
    const other = recorder();
    await hub.subscribe([{ storeId: lyon, skuId: skuA }], mine.listener);
    await hub.subscribe(
      [
        { storeId: paris, skuId: skuA },
        { storeId: lyon, skuId: skuB },
      ],
      other.listener,
    );

    await conn.db.transaction(async (tx) => {
      await tx.execute(sql`UPDATE stock SET on_hand = on_hand + 2 WHERE location_id = ${lyon} AND sku_id = ${skuA}`);
      await settle();
      expect(mine.events).toEqual([]); // the outbox row is part of the transaction: nothing before COMMIT
    });
    await until(() => mine.events.length === 1);
    expect(mine.events[0]).toMatchObject({ storeId: lyon, skuId: skuA, available: 6 });
    expect(mine.events[0]!.asOf).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);

    await addStock(paris, skuB, 1); // nobody listens to this one
    await addStock(lyon, skuB, 1);
    await until(() => other.events.length === 1);
    await settle();
    expect(other.events.map((e) => [e.storeId, e.skuId, e.available])).toEqual([[lyon, skuB, 5]]);
    expect(mine.events).toHaveLength(1);
  });

  it('stops delivering after unsubscribe and forgets the subscriber', async () => {
    const hub = newHub();
    const kept = recorder();
    const gone = recorder();
    await hub.subscribe([{ storeId: paris, skuId: skuA }], kept.listener);
    const unsubscribe = await hub.subscribe([{ storeId: paris, skuId: skuA }], gone.listener);
    expect(hub.subscriberCount()).toBe(2);
    unsubscribe();
    unsubscribe(); // idempotent
    expect(hub.subscriberCount()).toBe(1);
    await addStock(paris, skuA, 3);
    await until(() => kept.events.length === 1);
    await settle();
    expect(gone.events).toEqual([]);
  });

  it('fans one notification out to a thousand subscribers of the same figure', async () => {
    const hub = newHub();
    const subs = Array.from({ length: 1_000 }, recorder);
    const noise = Array.from({ length: 1_000 }, recorder);
    await Promise.all(subs.map((s) => hub.subscribe([{ storeId: lyon, skuId: skuA }], s.listener)));
    await Promise.all(noise.map((s, i) => hub.subscribe([{ storeId: paris, skuId: i % 2 ? skuA : skuB }], s.listener)));
    await addStock(lyon, skuA, 1);
    await until(() => subs.every((s) => s.events.length === 1));
    expect(noise.every((s) => s.events.length === 0)).toBe(true);
  });

  it.runIf(!onPostgres)('an open hub with nothing changing asks the database nothing; a change still arrives at once', async () => {
    if (conn.kind !== 'pglite') return;
    const client = conn.client;
    const query = client.query.bind(client);
    let relayCalls = 0;
    client.query = ((text: string, ...rest: unknown[]) => {
      if (/comptoir_(take_stock_changes|stock_relay_awake)/.test(text)) relayCalls++;
      return (query as (...args: unknown[]) => unknown)(text, ...rest);
    }) as typeof client.query;
    try {
      const hub = newHub();
      const mine = recorder();
      await hub.subscribe([{ storeId: paris, skuId: skuB }], mine.listener);
      await new Promise((r) => setTimeout(r, 1_500)); // a second awake, 100 ms of grace: asleep
      const before = relayCalls;
      await new Promise((r) => setTimeout(r, 500));
      expect(relayCalls - before).toBe(0);
      await addStock(paris, skuB, 3);
      await until(() => mine.events.length > 0, 1_000); // woken by the commit, not the 5 s sweep
      expect(mine.events.at(-1)).toMatchObject({ storeId: paris, skuId: skuB });
    } finally {
      client.query = query;
    }
  });

  it.runIf(onPostgres)('PostgreSQL: two processes (two hubs, two LISTEN connections) both hear a change', async () => {
    const [one, two] = [newHub(), newHub()];
    const [a, b] = [recorder(), recorder()];
    await one.subscribe([{ storeId: paris, skuId: skuB }], a.listener);
    await two.subscribe([{ storeId: paris, skuId: skuB }], b.listener);
    const listeners = await conn.db.execute<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = 'comptoir-stock-hub' AND datname = current_database()`,
    );
    expect(listeners.rows[0]!.n).toBeGreaterThanOrEqual(2);
    await addStock(paris, skuB, 4);
    await until(() => a.events.length === 1 && b.events.length === 1);
    expect(a.events[0]).toEqual(b.events[0]);
  });

  it.runIf(onPostgres)('PostgreSQL: a lost LISTEN connection comes back and every subscriber is told to resync', async () => {
    await Promise.all(hubs.splice(0).map((h) => h.close())); // only this test's hub listens now
    const hub = newHub();
    const sub = recorder();
    await hub.subscribe([{ storeId: lyon, skuId: skuB }], sub.listener);
    await conn.db.execute(
      sql`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'comptoir-stock-hub' AND datname = current_database()`,
    );
    await until(() => sub.resyncs() === 1, 5_000);
    await addStock(lyon, skuB, 1);
    await until(() => sub.events.length === 1);
    expect(sub.events[0]).toMatchObject({ storeId: lyon, skuId: skuB });
  });
});
