import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { queryRows } from '@/lib/db/client';
import { onPostgres, useTestDatabase } from '@/test/support/db';
import { relayStockChanges } from '@/lib/events/stock-relay';
import { correctCount, IdempotencyKeyReusedError, InvalidQuantityError, receiveGoods, ReservedExceedsCountError, UnknownStockItemError } from './commands';

let conn: Awaited<ReturnType<typeof useTestDatabase>>;
const LOC = 10;
const OTHER_LOC = 11;
const SKU = 100;
let actorId: number;

async function stockOf(locationId = LOC, skuId = SKU) {
  const r = await conn.db.execute<{ on_hand: number; reserved: number }>(
    sql`SELECT on_hand, reserved FROM stock WHERE location_id = ${locationId} AND sku_id = ${skuId}`,
  );
  return r.rows[0] ?? null;
}

async function movementCount() {
  const r = await conn.db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM stock_movements`);
  return r.rows[0]?.n ?? 0;
}

beforeAll(async () => {
  conn = await useTestDatabase();
  if (conn.kind === 'postgres') {
    // pool.end() resolves before idle sockets close, and the DROP DATABASE … WITH (FORCE) that
    // follows terminates them; with the 20 clients the race tests open, the pool re-emits that
    // FATAL as an 'error' nobody listens to. Teardown noise, not a failure. (Better fixed once in
    // test/support/db.ts.)
    conn.pool.on('error', () => {});
  }
  await conn.db.execute(
    sql`INSERT INTO locations (id, code, kind, name) VALUES (${LOC}, 'LYS', 'store', 'Lyon Sud'), (${OTHER_LOC}, 'VIL', 'store', 'Villeurbanne')`,
  );
  await conn.db.execute(sql`INSERT INTO categories (id, slug, name_fr, name_en) VALUES (1, 'chaussures', 'Chaussures', 'Shoes')`);
  await conn.db.execute(sql`
    INSERT INTO products (id, slug, category_id, brand, name_fr, name_en, description_fr, description_en, images)
    VALUES (1, 'trail-runner', 1, 'Kalenji', 'Chaussures de trail', 'Trail running shoes', '', '', '[]')`);
  await conn.db.execute(sql`
    INSERT INTO skus (id, product_id, ean13, size, colour, price_cents)
    VALUES (${SKU}, 1, '4006381333931', '42', 'navy', 5999), (${SKU + 1}, 1, '4006381333948', '43', 'navy', 5999)`);
  const u = await conn.db.execute<{ id: number }>(
    sql`INSERT INTO users (email, name, password_hash, role) VALUES ('sam@example.com', 'Sam', 'x', 'staff') RETURNING id`,
  );
  actorId = u.rows[0]!.id;
});

afterAll(async () => conn?.drop());

beforeEach(async () => {
  await conn.db.execute(sql`DELETE FROM stock_movements`);
  await conn.db.execute(sql`DELETE FROM stock`);
});

describe('receiveGoods', () => {
  it('creates the stock row on first delivery, then adds to it, with an audit row each time', async () => {
    const first = await receiveGoods({ locationId: LOC, skuId: SKU, quantity: 5, actorId, idempotencyKey: randomUUID() });
    expect(first).toMatchObject({ kind: 'receive', delta: 5, onHandAfter: 5, replayed: false });
    const second = await receiveGoods({ locationId: LOC, skuId: SKU, quantity: 7, actorId, note: 'pallet 2', idempotencyKey: randomUUID() });
    expect(second.onHandAfter).toBe(12);
    expect(await stockOf()).toEqual({ on_hand: 12, reserved: 0 });
    const audit = await conn.db.execute<{ on_hand_delta: number; on_hand_after: number; actor_id: number; note: string | null }>(
      sql`SELECT on_hand_delta, on_hand_after, actor_id, note FROM stock_movements ORDER BY id`,
    );
    expect(audit.rows).toEqual([
      { on_hand_delta: 5, on_hand_after: 5, actor_id: actorId, note: null },
      { on_hand_delta: 7, on_hand_after: 12, actor_id: actorId, note: 'pallet 2' },
    ]);
  });

  it('has one effect when retried with the same key, and returns the original result', async () => {
    const key = randomUUID();
    const first = await receiveGoods({ locationId: LOC, skuId: SKU, quantity: 4, actorId, idempotencyKey: key });
    const retry = await receiveGoods({ locationId: LOC, skuId: SKU, quantity: 4, actorId, idempotencyKey: key });
    expect(retry).toEqual({ ...first, replayed: true });
    expect(await stockOf()).toEqual({ on_hand: 4, reserved: 0 });
    expect(await movementCount()).toBe(1);
  });

  it('refuses a key already used for another location instead of replaying its result', async () => {
    const key = randomUUID();
    await receiveGoods({ locationId: LOC, skuId: SKU, quantity: 4, actorId, idempotencyKey: key });
    await expect(receiveGoods({ locationId: OTHER_LOC, skuId: SKU, quantity: 4, actorId, idempotencyKey: key })).rejects.toBeInstanceOf(
      IdempotencyKeyReusedError,
    );
    expect(await stockOf(OTHER_LOC)).toBeNull();
  });

  it.each([0, -1, 10_001, 2.5, Number.NaN])('refuses quantity %s and writes nothing', async (quantity) => {
    await expect(receiveGoods({ locationId: LOC, skuId: SKU, quantity, actorId, idempotencyKey: randomUUID() })).rejects.toBeInstanceOf(InvalidQuantityError);
    expect(await stockOf()).toBeNull();
    expect(await movementCount()).toBe(0);
  });

  it('accepts the bounds 1 and 10,000', async () => {
    await receiveGoods({ locationId: LOC, skuId: SKU, quantity: 1, actorId, idempotencyKey: randomUUID() });
    await receiveGoods({ locationId: LOC, skuId: SKU, quantity: 10_000, actorId, idempotencyKey: randomUUID() });
    expect((await stockOf())?.on_hand).toBe(10_001);
  });

  it('reports an unknown SKU as a domain error and leaves no movement behind', async () => {
    await expect(receiveGoods({ locationId: LOC, skuId: 999, quantity: 1, actorId, idempotencyKey: randomUUID() })).rejects.toBeInstanceOf(
      UnknownStockItemError,
    );
    expect(await movementCount()).toBe(0);
  });
});

describe('correctCount', () => {
  it('refuses a count below what is reserved, with the figure in the message, and writes nothing', async () => {
    await conn.db.execute(sql`INSERT INTO stock (location_id, sku_id, on_hand, reserved) VALUES (${LOC}, ${SKU}, 8, 3)`);
    const attempt = correctCount({ locationId: LOC, skuId: SKU, countedOnHand: 2, actorId, idempotencyKey: randomUUID() });
    await expect(attempt).rejects.toBeInstanceOf(ReservedExceedsCountError);
    await expect(attempt).rejects.toThrow('3 units are reserved for customers; the count cannot be below 3');
    expect(await stockOf()).toEqual({ on_hand: 8, reserved: 3 });
    expect(await movementCount()).toBe(0);
  });

  it('sets on_hand to the count when it covers the reservations, and audits the difference', async () => {
    await conn.db.execute(sql`INSERT INTO stock (location_id, sku_id, on_hand, reserved) VALUES (${LOC}, ${SKU}, 8, 3)`);
    const exact = await correctCount({ locationId: LOC, skuId: SKU, countedOnHand: 3, actorId, idempotencyKey: randomUUID() });
    expect(exact).toMatchObject({ kind: 'count', delta: -5, onHandAfter: 3 });
    const up = await correctCount({ locationId: LOC, skuId: SKU, countedOnHand: 10, actorId, idempotencyKey: randomUUID() });
    expect(up).toMatchObject({ delta: 7, onHandAfter: 10 });
    expect(await stockOf()).toEqual({ on_hand: 10, reserved: 3 });
  });

  it('creates the stock row when the location never held the SKU', async () => {
    const made = await correctCount({ locationId: LOC, skuId: SKU, countedOnHand: 6, actorId, idempotencyKey: randomUUID() });
    expect(made).toMatchObject({ delta: 6, onHandAfter: 6 });
    expect(await stockOf()).toEqual({ on_hand: 6, reserved: 0 });
  });

  it('has one effect when retried with the same key', async () => {
    await conn.db.execute(sql`INSERT INTO stock (location_id, sku_id, on_hand, reserved) VALUES (${LOC}, ${SKU}, 8, 0)`);
    const key = randomUUID();
    await correctCount({ locationId: LOC, skuId: SKU, countedOnHand: 5, actorId, idempotencyKey: key });
    await receiveGoods({ locationId: LOC, skuId: SKU, quantity: 2, actorId, idempotencyKey: randomUUID() });
    const retry = await correctCount({ locationId: LOC, skuId: SKU, countedOnHand: 5, actorId, idempotencyKey: key });
    expect(retry).toMatchObject({ replayed: true, onHandAfter: 5 });
    expect((await stockOf())?.on_hand).toBe(7); // the retry did not wipe the later delivery
  });

  it.each([-1, 100_001, 1.5])('refuses counted figure %s', async (countedOnHand) => {
    await expect(correctCount({ locationId: LOC, skuId: SKU, countedOnHand, actorId, idempotencyKey: randomUUID() })).rejects.toBeInstanceOf(
      InvalidQuantityError,
    );
  });
});

describe('stock notifications', () => {
  async function listen(): Promise<{ payloads: unknown[]; stop: () => Promise<void> }> {
    while ((await relayStockChanges(queryRows)) > 0); // earlier tests' changes, before anyone listens
    const payloads: unknown[] = [];
    if (conn.kind === 'postgres') {
      const { Client } = await import('pg');
      const client = new Client({ connectionString: (conn.pool.options as { connectionString: string }).connectionString });
      await client.connect();
      client.on('notification', (n) => payloads.push(JSON.parse(n.payload ?? 'null')));
      await client.query('LISTEN stock');
      return { payloads, stop: () => client.end() };
    }
    const unlisten = await conn.client.listen('stock', (p) => payloads.push(JSON.parse(p)));
    return { payloads, stop: unlisten };
  }

  async function until(check: () => boolean) {
    for (let i = 0; i < 100 && !check(); i++) await new Promise((r) => setTimeout(r, 20));
  }

  it(`announces receives and counts on channel 'stock' (${onPostgres ? 'PostgreSQL' : 'PGlite'})`, async () => {
    const { payloads, stop } = await listen();
    try {
      // A server's relay runs every few ms; here it runs after each change, so each is announced.
      await receiveGoods({ locationId: LOC, skuId: SKU, quantity: 9, actorId, idempotencyKey: randomUUID() });
      await relayStockChanges(queryRows, undefined, { notify: true });
      await conn.db.execute(sql`UPDATE stock SET reserved = 2 WHERE location_id = ${LOC} AND sku_id = ${SKU}`);
      await relayStockChanges(queryRows, undefined, { notify: true });
      await correctCount({ locationId: LOC, skuId: SKU, countedOnHand: 4, actorId, idempotencyKey: randomUUID() });
      await relayStockChanges(queryRows, undefined, { notify: true });
      await until(() => payloads.length >= 3);
      expect(payloads).toHaveLength(3);
      expect(payloads.map((p) => (p as { available: number }).available)).toEqual([9, 7, 2]);
      for (const p of payloads) {
        expect(p).toMatchObject({ storeId: LOC, skuId: SKU });
        expect((p as { asOf: string }).asOf).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
      }
      // A refused count is rolled back, its outbox row with it: nobody hears it.
      await expect(correctCount({ locationId: LOC, skuId: SKU, countedOnHand: 1, actorId, idempotencyKey: randomUUID() })).rejects.toBeInstanceOf(
        ReservedExceedsCountError,
      );
      expect(await relayStockChanges(queryRows)).toBe(0); // rolled back with the count: nothing in the outbox
      await new Promise((r) => setTimeout(r, 100));
      expect(payloads).toHaveLength(3);
    } finally {
      await stop();
    }
  });
});

describe.skipIf(!onPostgres)('concurrency (PostgreSQL)', () => {
  it('20 concurrent deliveries with distinct keys add up exactly', async () => {
    const quantities = Array.from({ length: 20 }, (_, i) => i + 1);
    await Promise.all(quantities.map((quantity) => receiveGoods({ locationId: LOC, skuId: SKU, quantity, actorId, idempotencyKey: randomUUID() })));
    expect((await stockOf())?.on_hand).toBe(210);
    expect(await movementCount()).toBe(20);
    const afters = await conn.db.execute<{ on_hand_after: number }>(sql`SELECT on_hand_after FROM stock_movements ORDER BY on_hand_after`);
    expect(new Set(afters.rows.map((r) => r.on_hand_after)).size).toBe(20); // each saw its own running total
  });

  it('10 concurrent retries of one delivery have one effect, and all report it', async () => {
    const key = randomUUID();
    const results = await Promise.all(
      Array.from({ length: 10 }, () => receiveGoods({ locationId: LOC, skuId: SKU, quantity: 6, actorId, idempotencyKey: key })),
    );
    expect((await stockOf())?.on_hand).toBe(6);
    expect(await movementCount()).toBe(1);
    expect(results.filter((r) => !r.replayed)).toHaveLength(1);
    expect(new Set(results.map((r) => r.movementId)).size).toBe(1);
  });

  it('counts racing with deliveries never leave on_hand below reserved', async () => {
    await conn.db.execute(sql`INSERT INTO stock (location_id, sku_id, on_hand, reserved) VALUES (${LOC}, ${SKU}, 10, 4)`);
    const outcomes = await Promise.allSettled([
      ...Array.from({ length: 10 }, (_, i) => correctCount({ locationId: LOC, skuId: SKU, countedOnHand: i, actorId, idempotencyKey: randomUUID() })),
      ...Array.from({ length: 5 }, () => receiveGoods({ locationId: LOC, skuId: SKU, quantity: 1, actorId, idempotencyKey: randomUUID() })),
    ]);
    const refused = outcomes.filter((o) => o.status === 'rejected');
    expect(refused.every((o) => (o as PromiseRejectedResult).reason instanceof ReservedExceedsCountError)).toBe(true);
    expect(refused).toHaveLength(4); // counts 0..3 are below the 4 reserved
    const row = await stockOf();
    expect(row!.on_hand).toBeGreaterThanOrEqual(4);
    // The audit replays to the final figure: every movement's delta is consistent with its after.
    const audit = await conn.db.execute<{ total: number }>(sql`SELECT 10 + sum(on_hand_delta)::int AS total FROM stock_movements`);
    expect(audit.rows[0]?.total).toBe(row!.on_hand);
  });

  it('concurrent first counts of a new SKU at one location both succeed', async () => {
    const results = await Promise.all([
      correctCount({ locationId: LOC, skuId: SKU + 1, countedOnHand: 3, actorId, idempotencyKey: randomUUID() }),
      correctCount({ locationId: LOC, skuId: SKU + 1, countedOnHand: 5, actorId, idempotencyKey: randomUUID() }),
    ]);
    expect(results.map((r) => r.onHandAfter).sort()).toEqual([3, 5]);
    expect([3, 5]).toContain((await stockOf(LOC, SKU + 1))?.on_hand);
  });
});
