import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { queryRows } from '@/lib/db/client';
import { onPostgres, useTestDatabase } from '@/test/support/db';
import { insertCategory, insertProduct, insertStore, setStock } from '@/test/support/fixtures';
import { RELAY_BATCH, relayStockChanges, startStockRelay, WAKE_CHANNEL, type RunSql, type StockRelay } from './stock-relay';

let conn: Awaited<ReturnType<typeof useTestDatabase>>;
let store: number;
let skuA: number;
let skuB: number;

type Payload = { storeId: number; skuId: number; available: number; asOf: string };

/** What the relays of this file published (their `publish` target: a hub, in a server). */
const published: Payload[] = [];
const to = { publish: (payloads: string[]) => void published.push(...payloads.map((p) => JSON.parse(p) as Payload)) };

/** Everything published while `body` runs (and a moment after). */
async function heard(body: () => Promise<void>, waitFor = 0): Promise<Payload[]> {
  const from = published.length;
  await body();
  for (let i = 0; i < 100 && published.length - from < waitFor; i++) await new Promise((r) => setTimeout(r, 10));
  await new Promise((r) => setTimeout(r, 50));
  return published.slice(from);
}

/** Everything NOTIFYed on channel 'stock' while `body` runs (what the fleet's other processes hear). */
async function notified(body: () => Promise<void>, waitFor = 0): Promise<Payload[]> {
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

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * A relay's own session, as the server gives it one (PGlite's client, or a dedicated PostgreSQL
 * connection like the LISTEN one), hearing the outbox's wake-ups; counts the relay's statements.
 */
async function relaySession(onWake: () => void): Promise<{ run: RunSql; statements: () => number; close: () => Promise<void> }> {
  let statements = 0;
  if (conn.kind === 'pglite') {
    const client = conn.client;
    const unlisten = await client.listen(WAKE_CHANNEL, onWake);
    const run: RunSql = async <T>(text: string, params: unknown[]) => {
      statements++;
      return (await client.query<T>(text, params)).rows;
    };
    return { run, statements: () => statements, close: unlisten };
  }
  const { Client } = await import('pg');
  const client = new Client({ connectionString: (conn.pool.options as { connectionString: string }).connectionString });
  await client.connect();
  client.on('notification', (n) => n.channel === WAKE_CHANNEL && onWake());
  await client.query(`LISTEN ${WAKE_CHANNEL}`);
  const run: RunSql = async <T>(text: string, params: unknown[]) => {
    statements++;
    return (await client.query(text, params)).rows as T[];
  };
  return { run, statements: () => statements, close: () => client.end() };
}

/** A relay as the server starts it (woken by the outbox), with short pauses for the test. */
async function startWokenRelay(pace: { idleAfterMs: number; sweepMs: number }) {
  // eslint-disable-next-line prefer-const -- a wake can arrive before the relay exists: the callback must find `undefined`, not a `const` in its TDZ
  let relay: StockRelay | undefined;
  const session = await relaySession(() => relay?.wake());
  relay = startStockRelay(session.run, { woken: true, pace, ...to });
  return {
    statements: session.statements,
    stop: async () => {
      await relay.stop();
      await session.close();
    },
  };
}

const change = (skuId: number, onHand: number) => conn.db.execute(sql`UPDATE stock SET on_hand = ${onHand} WHERE location_id = ${store} AND sku_id = ${skuId}`);
const waiting = async () => (await conn.db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM stock_changes`)).rows[0]!.n;

beforeAll(async () => {
  conn = await useTestDatabase();
  const cat = await insertCategory(conn.db, 'c');
  [skuA, skuB] = (await insertProduct(conn.db, { slug: 'p', categoryId: cat, nameFr: 'P', nameEn: 'P', skus: [{ size: 'S' }, { size: 'M' }] })).skuIds as [
    number,
    number,
  ];
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
    const relayed = await heard(async () => expect(await relayStockChanges(queryRows, RELAY_BATCH, to)).toBe(1), 1);
    expect(relayed).toEqual([{ storeId: store, skuId: skuA, available: 6, asOf: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/) }]);
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

  it('one statement over many rows announces each row, in one outbox statement (an import of 600,000 rows is one)', async () => {
    // Counts the statements that write into the outbox: a per-row trigger made one per stock row.
    await conn.db.execute(sql`CREATE TABLE outbox_statements (n integer)`);
    await conn.db.execute(
      sql.raw(
        `CREATE FUNCTION count_outbox_statement() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN INSERT INTO outbox_statements VALUES (1); RETURN NULL; END $$`,
      ),
    );
    await conn.db.execute(
      sql`CREATE TRIGGER count_outbox_statements AFTER INSERT ON stock_changes FOR EACH STATEMENT EXECUTE FUNCTION count_outbox_statement()`,
    );
    const statements = async () => (await conn.db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM outbox_statements`)).rows[0]!.n;
    try {
      const lille = await insertStore(conn.db, { slug: 'lille', lat: 50.63, lng: 3.06 });
      // An import's upsert: two rows new to Lille (the INSERT's statement trigger), one known row
      // of Lyon (the UPDATE's): one outbox statement each.
      await conn.db.execute(sql`INSERT INTO stock (location_id, sku_id, on_hand, reserved)
        VALUES (${lille}, ${skuA}, 4, 0), (${lille}, ${skuB}, 6, 0), (${store}, ${skuB}, 9, 0)
        ON CONFLICT (location_id, sku_id) DO UPDATE SET on_hand = excluded.on_hand`);
      expect(await statements()).toBe(2);
      // One UPDATE of three rows: one outbox statement.
      await conn.db.execute(
        sql`UPDATE stock SET on_hand = CASE WHEN location_id = ${lille} THEN on_hand + 1 ELSE 6 END WHERE location_id = ${lille} OR (location_id = ${store} AND sku_id = ${skuA})`,
      );
      expect(await statements()).toBe(3);
      // An UPDATE that matches nothing writes no announcement.
      await conn.db.execute(sql`UPDATE stock SET on_hand = 0 WHERE location_id = -1`);
      expect(await waiting()).toBe(6);
      const payloads = await heard(async () => expect(await relayStockChanges(queryRows, RELAY_BATCH, to)).toBe(6), 5);
      expect(payloads.map((p) => [p.storeId, p.skuId, p.available]).sort((a, b) => a[0]! - b[0]! || a[1]! - b[1]!)).toEqual(
        [
          [store, skuA, 5], // on hand 6, 1 reserved
          [store, skuB, 9],
          [lille, skuA, 5],
          [lille, skuB, 7],
        ].sort((a, b) => a[0]! - b[0]! || a[1]! - b[1]!),
      );
    } finally {
      await conn.db.execute(sql`DROP TRIGGER count_outbox_statements ON stock_changes`);
      await conn.db.execute(sql`DROP FUNCTION count_outbox_statement()`);
      await conn.db.execute(sql`DROP TABLE outbox_statements`);
    }
  });

  it('announces the latest figure of each (store, SKU) once per batch, in commit order', async () => {
    await change(skuA, 3);
    await change(skuB, 8);
    await change(skuA, 2);
    const payloads = await heard(async () => expect(await relayStockChanges(queryRows, RELAY_BATCH, to)).toBe(3), 2);
    expect(payloads.map((p) => [p.skuId, p.available])).toEqual([
      [skuB, 8],
      [skuA, 1], // on hand 2, 1 reserved
    ]);
  });

  it("publishes to its process directly; with notify, the same batch goes to the fleet's LISTENers in the same call", async () => {
    await change(skuA, 5);
    const quiet = await notified(async () => expect((await heard(async () => void (await relayStockChanges(queryRows, RELAY_BATCH, to)), 1)).length).toBe(1));
    expect(quiet).toEqual([]); // the process's own hubs only: no round trip through the database
    await change(skuB, 9);
    let direct: Payload[] = [];
    const fleet = await notified(async () => {
      direct = await heard(async () => expect(await relayStockChanges(queryRows, RELAY_BATCH, { ...to, notify: true })).toBe(1), 1);
    }, 1);
    expect(direct.map((p) => [p.skuId, p.available])).toEqual([[skuB, 9]]);
    expect(fleet).toEqual(direct);
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
    const payloads = await heard(async () => expect(await relayStockChanges(queryRows, RELAY_BATCH, to)).toBe(1), 1);
    expect(payloads.map((p) => p.skuId)).toEqual([skuB]);
    expect(await waiting()).toBe(0);
  });

  it('the loop announces a change within milliseconds and stops cleanly', async () => {
    const relay = startStockRelay(queryRows, to);
    try {
      const payloads = await heard(async () => {
        await change(skuA, 9);
      }, 1);
      expect(payloads.map((p) => [p.skuId, p.available])).toEqual([[skuA, 8]]);
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

  it('asleep when nothing changes: no statement at all, and a commit wakes it at once', async () => {
    // A long sweep: what is announced within the test's second was woken, not swept.
    const relay = await startWokenRelay({ idleAfterMs: 200, sweepMs: 60_000 });
    try {
      await pause(600); // 200 ms awake without a change, 100 ms of grace: asleep by now
      const before = relay.statements();
      await pause(500);
      expect(relay.statements() - before).toBe(0);
      const started = Date.now();
      const payloads = await heard(() => change(skuA, 11).then(() => {}), 1);
      expect(payloads.map((p) => [p.skuId, p.available])).toEqual([[skuA, 10]]);
      expect(Date.now() - started).toBeLessThan(1_000);
      // Awake again for a while after the change, then asleep again.
      await pause(600);
      const again = relay.statements();
      await pause(500);
      expect(relay.statements() - again).toBe(0);
    } finally {
      await relay.stop();
    }
  });

  it('asleep, it still sweeps: a change whose wake-up never came is announced within the sweep', async () => {
    const relay = await startWokenRelay({ idleAfterMs: 100, sweepMs: 300 });
    await conn.db.execute(sql`ALTER TABLE stock_changes DISABLE TRIGGER stock_changes_wake_relay`);
    try {
      await pause(400);
      const payloads = await heard(() => change(skuB, 12).then(() => {}), 1);
      expect(payloads.map((p) => [p.skuId, p.available])).toEqual([[skuB, 12]]);
    } finally {
      await conn.db.execute(sql`ALTER TABLE stock_changes ENABLE TRIGGER stock_changes_wake_relay`);
      await relay.stop();
    }
  });

  it.runIf(onPostgres)('PostgreSQL: writers send no wake-up while a relay polls (no NOTIFY lock at their commit), one when none does', async () => {
    if (conn.kind !== 'postgres') return;
    const { Client } = await import('pg');
    const url = (conn.pool.options as { connectionString: string }).connectionString;
    const listener = new Client({ connectionString: url });
    const relay = new Client({ connectionString: url });
    await Promise.all([listener.connect(), relay.connect()]);
    let wakes = 0;
    listener.on('notification', (n) => n.channel === WAKE_CHANNEL && wakes++);
    await listener.query(`LISTEN ${WAKE_CHANNEL}`);
    try {
      expect((await relay.query('SELECT comptoir_stock_relay_awake(true) AS held')).rows[0].held).toBe(true);
      expect((await relay.query('SELECT comptoir_stock_relay_awake(true) AS held')).rows[0].held).toBe(true); // once only
      await change(skuA, 13);
      await change(skuB, 14);
      await pause(100);
      expect(wakes).toBe(0);
      expect((await relay.query('SELECT comptoir_stock_relay_awake(false) AS held')).rows[0].held).toBe(false);
      await change(skuA, 15);
      await conn.db.transaction(async (tx) => {
        await tx.execute(sql`UPDATE stock SET on_hand = on_hand + 1 WHERE location_id = ${store}`);
        await tx.execute(sql`UPDATE stock SET on_hand = on_hand + 1 WHERE location_id = ${store}`);
      });
      for (let i = 0; i < 50 && wakes < 2; i++) await pause(10);
      await pause(50);
      expect(wakes).toBe(2); // one per committing transaction, however many rows it changed
    } finally {
      await Promise.all([listener.end(), relay.end()]);
    }
  });
});
