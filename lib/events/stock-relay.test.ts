import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { queryRows } from '@/lib/db/client';
import { onPostgres, useTestDatabase } from '@/lib/db/testing';
import { insertCategory, insertProduct, insertStore, setStock } from '@/lib/testing/fixtures';
import { relayStockChanges, startStockRelay } from './stock-relay';

let conn: Awaited<ReturnType<typeof useTestDatabase>>;
let store: number;
let skuA: number;
let skuB: number;

type Payload = { location: number; sku: number; available: number; at: string };

/** Everything announced on channel 'stock' while `body` runs (and a moment after). */
async function heard(body: () => Promise<void>, waitFor = 0): Promise<Payload[]> {
  const payloads: Payload[] = [];
  let stop: () => Promise<void>;
  if (conn.kind === 'pglite') {
    stop = await conn.client.listen('stock', (p) => payloads.push(JSON.parse(p) as Payload));
  } else {
    const { Client } = await import('pg');
    const client = new Client({ connectionString: (conn.pool.options as { connectionString: string }).connectionString });
    await client.connect();
    client.on('notification', (n) => payloads.push(JSON.parse(n.payload ?? 'null') as Payload));
    await client.query('LISTEN stock');
    stop = () => client.end();
  }
  try {
    await body();
    for (let i = 0; i < 100 && payloads.length < waitFor; i++) await new Promise((r) => setTimeout(r, 10));
    await new Promise((r) => setTimeout(r, 50));
    return payloads;
  } finally {
    await stop();
  }
}

const change = (skuId: number, onHand: number) =>
  conn.db.execute(sql`UPDATE stock SET on_hand = ${onHand} WHERE location_id = ${store} AND sku_id = ${skuId}`);
const waiting = async () => (await conn.db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM stock_changes`)).rows[0]!.n;

beforeAll(async () => {
  conn = await useTestDatabase();
  const cat = await insertCategory(conn.db, 'c');
  [skuA, skuB] = (await insertProduct(conn.db, { slug: 'p', categoryId: cat, nameFr: 'P', nameEn: 'P', skus: [{ size: 'S' }, { size: 'M' }] }))
    .skuIds as [number, number];
  store = await insertStore(conn.db, { slug: 'lyon', lat: 45.76, lng: 4.83 });
  await setStock(conn.db, store, skuA, 5, 1);
  await setStock(conn.db, store, skuB, 5, 0);
});
beforeEach(async () => {
  while ((await relayStockChanges(queryRows)) > 0);
});
afterAll(async () => {
  await conn?.drop();
});

describe('stock outbox and relay', () => {
  it('a committed change waits in the outbox, unannounced, until the relay runs', async () => {
    const payloads = await heard(async () => {
      await change(skuA, 7);
      await new Promise((r) => setTimeout(r, 50));
    });
    expect(payloads).toEqual([]);
    expect(await waiting()).toBe(1);
    const relayed = await heard(async () => expect(await relayStockChanges(queryRows)).toBe(1), 1);
    expect(relayed).toEqual([{ location: store, sku: skuA, available: 6, at: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/) }]);
    expect(await waiting()).toBe(0);
  });

  it('a rolled-back change leaves nothing to announce', async () => {
    await expect(
      conn.db.transaction(async (tx) => {
        await tx.execute(sql`UPDATE stock SET on_hand = 99 WHERE location_id = ${store} AND sku_id = ${skuA}`);
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    expect(await waiting()).toBe(0);
  });

  it('announces the latest figure of each (store, SKU) once per batch, in commit order', async () => {
    await change(skuA, 3);
    await change(skuB, 8);
    await change(skuA, 2);
    const payloads = await heard(async () => expect(await relayStockChanges(queryRows)).toBe(3), 2);
    expect(payloads.map((p) => [p.sku, p.available])).toEqual([
      [skuB, 8],
      [skuA, 1], // on hand 2, 1 reserved
    ]);
  });

  it('takes at most a batch per call and tells the caller to come back', async () => {
    for (let i = 0; i < 5; i++) await change(skuB, 10 + i);
    expect(await relayStockChanges(queryRows, 3)).toBe(3);
    expect(await relayStockChanges(queryRows, 3)).toBe(2);
    expect(await relayStockChanges(queryRows, 3)).toBe(0);
  });

  it('drops changes older than a minute unannounced: nobody was relaying, no page waits for them', async () => {
    await change(skuA, 4);
    await conn.db.execute(sql`UPDATE stock_changes SET noted_at = clock_timestamp() - interval '2 minutes'`);
    await change(skuB, 6);
    const payloads = await heard(async () => expect(await relayStockChanges(queryRows)).toBe(1), 1);
    expect(payloads.map((p) => p.sku)).toEqual([skuB]);
    expect(await waiting()).toBe(0);
  });

  it('the loop announces a change within milliseconds and stops cleanly', async () => {
    const relay = startStockRelay(queryRows);
    try {
      const payloads = await heard(async () => {
        await change(skuA, 9);
      }, 1);
      expect(payloads.map((p) => [p.sku, p.available])).toEqual([[skuA, 8]]);
    } finally {
      await relay.stop();
    }
    await change(skuA, 10);
    await new Promise((r) => setTimeout(r, 50));
    expect(await waiting()).toBe(1); // stopped: nobody relays any more
  });

  it.runIf(onPostgres)('PostgreSQL: one relay at a time; another process is told to skip (-1), not made to wait', async () => {
    if (conn.kind !== 'postgres') return;
    await change(skuB, 20);
    const other = await conn.pool.connect();
    try {
      await other.query('BEGIN');
      await other.query('SELECT pg_try_advisory_xact_lock(7423001)');
      expect(await relayStockChanges(queryRows)).toBe(-1);
      await other.query('COMMIT');
      expect(await relayStockChanges(queryRows)).toBe(1);
    } finally {
      other.release();
    }
  });
});
