import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { onPostgres, useTestDatabase } from '@/test/support/db';
import { OutOfStockError } from '@/lib/inventory/holds';
import { insertCategory, insertProduct, insertShoppers, insertStore, insertUser, setStock } from '@/test/support/fixtures';
import { cancelReservationByCustomer, collectReservation, expireDueReservations, placeReservation } from './commands';
import { ReservationStateError } from './errors';

/*
 * Races on a real multi-connection PostgreSQL (PGlite runs one transaction at a time, so there
 * these would prove nothing). 200 shoppers, 20 pooled connections: every statement contends.
 */
const d = onPostgres ? describe : describe.skip;

let conn: Awaited<ReturnType<typeof useTestDatabase>>;
let store: number;
let skus: number[];
let shoppers: number[];
let staff: number;

beforeAll(async () => {
  // The same 200 shoppers come back round after round; the per-account limits are tested apart.
  process.env.RESERVATION_MAX_ACTIVE = '1000';
  conn = await useTestDatabase();
  const cat = await insertCategory(conn.db, 'c');
  skus = (await insertProduct(conn.db, { slug: 'p', categoryId: cat, nameFr: 'P', nameEn: 'P', skus: Array.from({ length: 12 }, () => ({})) })).skuIds;
  store = await insertStore(conn.db, { slug: 'lyon', lat: 45.76, lng: 4.83 });
  shoppers = await insertShoppers(conn.db, 200);
  staff = await insertUser(conn.db, { email: 'staff@example.com', role: 'staff' });
});
afterAll(async () => conn?.drop());

async function stockOf(skuId: number) {
  const r = await conn.db.execute<{ on_hand: number; reserved: number }>(
    sql`SELECT on_hand, reserved FROM stock WHERE location_id = ${store} AND sku_id = ${skuId}`,
  );
  return r.rows[0]!;
}

async function heldByReservations(skuId: number): Promise<number> {
  const r = await conn.db.execute<{ n: number }>(sql`
    SELECT COALESCE(sum(l.quantity), 0)::int AS n FROM reservation_lines l JOIN reservations r ON r.id = l.reservation_id
    WHERE r.store_id = ${store} AND l.sku_id = ${skuId} AND r.status IN ('placed', 'ready')`);
  return r.rows[0]!.n;
}

/** Everyone at once; returns how many got through and what the others were told. */
async function stampede(skuId: number, lines: number) {
  const outcomes = await Promise.allSettled(
    shoppers.map((customerId) =>
      placeReservation({ customerId, storeId: store, lines: Array.from({ length: lines }, () => ({ skuId, quantity: 1 })), idempotencyKey: randomUUID() }),
    ),
  );
  const refusals = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected').map((o) => o.reason as unknown);
  return { won: outcomes.filter((o) => o.status === 'fulfilled').length, refusals };
}

d('contended reservations (PostgreSQL)', () => {
  it('200 shoppers for the last 5 units: exactly 5 succeed, the rest hear "not enough stock" — five rounds', async () => {
    for (let round = 0; round < 5; round++) {
      const skuId = skus[round]!;
      await setStock(conn.db, store, skuId, 7, 2); // 5 left to sell
      const { won, refusals } = await stampede(skuId, 1);
      expect(won).toBe(5);
      expect(refusals).toHaveLength(195);
      for (const e of refusals) expect(e).toBeInstanceOf(OutOfStockError);
      const s = await stockOf(skuId);
      expect(s).toEqual({ on_hand: 7, reserved: 7 });
      expect(s.on_hand - s.reserved).toBeGreaterThanOrEqual(0);
      expect(await heldByReservations(skuId)).toBe(5);
    }
  });

  it('the same with two lines of the same SKU in each reservation', async () => {
    for (let round = 0; round < 3; round++) {
      const skuId = skus[5 + round]!;
      await setStock(conn.db, store, skuId, 5); // room for two reservations of 2, one unit left over
      const { won, refusals } = await stampede(skuId, 2);
      expect(won).toBe(2);
      for (const e of refusals) expect(e).toBeInstanceOf(OutOfStockError);
      expect(await stockOf(skuId)).toEqual({ on_hand: 5, reserved: 4 });
      expect(await heldByReservations(skuId)).toBe(4);
    }
  });

  it('two sweepers expire 150 lapsed reservations: each hold is returned exactly once', async () => {
    const skuId = skus[9]!;
    await setStock(conn.db, store, skuId, 200);
    const ids: number[] = [];
    for (const customerId of shoppers.slice(0, 150)) {
      ids.push((await placeReservation({ customerId, storeId: store, lines: [{ skuId, quantity: 1 }], idempotencyKey: randomUUID() })).id);
    }
    expect(await stockOf(skuId)).toEqual({ on_hand: 200, reserved: 150 });
    await conn.db.execute(sql`UPDATE reservations SET expires_at = now() - interval '1 second' WHERE id = ANY(${`{${ids.join(',')}}`}::int[])`);
    const sweeper = async () => {
      let total = 0;
      for (;;) {
        const { expired } = await expireDueReservations({ limit: 7 });
        if (expired === 0) return total;
        total += expired;
      }
    };
    const totals = await Promise.all([sweeper(), sweeper(), sweeper(), sweeper()]);
    expect(totals.reduce((a, b) => a + b, 0)).toBe(150);
    expect(await stockOf(skuId)).toEqual({ on_hand: 200, reserved: 0 });
    const statuses = await conn.db.execute<{ status: string; n: number }>(sql`
      SELECT status, count(*)::int AS n FROM reservations WHERE id = ANY(${`{${ids.join(',')}}`}::int[]) GROUP BY status`);
    expect(statuses.rows).toEqual([{ status: 'expired', n: 150 }]);
  });

  it('a cancel, a hand-over and a sweep racing on one reservation: exactly one wins', async () => {
    const skuId = skus[10]!;
    for (let round = 0; round < 20; round++) {
      await setStock(conn.db, store, skuId, 3);
      const customerId = shoppers[180 + (round % 20)]!;
      const r = await placeReservation({ customerId, storeId: store, lines: [{ skuId, quantity: 2 }], idempotencyKey: randomUUID() });
      // The deadline falls while the four race: a cancel or hand-over may get in before it, the
      // sweep only after it. Whoever wins, the others must be refused and the units move once.
      await conn.db.execute(sql`UPDATE reservations SET expires_at = now() + interval '150 milliseconds' WHERE id = ${r.id}`);
      await new Promise((res) => setTimeout(res, 140));
      const results = await Promise.allSettled([
        cancelReservationByCustomer({ reservationId: r.id, customerId }),
        collectReservation({ reservationId: r.id, storeId: store, actorId: staff }),
        expireDueReservations(),
        cancelReservationByCustomer({ reservationId: r.id, customerId }),
      ]);
      for (const x of results) if (x.status === 'rejected') expect(x.reason).toBeInstanceOf(ReservationStateError);
      const status = (await conn.db.execute<{ status: string }>(sql`SELECT status FROM reservations WHERE id = ${r.id}`)).rows[0]!.status;
      const s = await stockOf(skuId);
      if (status === 'collected') expect(s).toEqual({ on_hand: 1, reserved: 0 });
      else expect([status, s]).toEqual([expect.stringMatching(/^(cancelled|expired)$/), { on_hand: 3, reserved: 0 }]);
      const sales = (await conn.db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM sales WHERE reservation_id = ${r.id}`)).rows[0]!.n;
      expect(sales).toBe(status === 'collected' ? 1 : 0);
    }
  });
});
