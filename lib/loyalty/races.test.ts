import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { onPostgres, useTestDatabase } from '@/test/support/db';
import { insertShoppers, insertStore } from '@/test/support/fixtures';
import { earnPoints, expireDuePoints, joinLoyalty, redeemPoints, reversePoints } from './commands';
import { NotEnoughPointsError } from './errors';
import { inTx, insertSaleRow, ledgerOf, monthsAgo } from '@/test/support/loyalty';

/*
 * Races on a real multi-connection PostgreSQL (PGlite runs one transaction at a time, so there
 * these would prove nothing). The pool has 20 connections: every request contends.
 */
const d = onPostgres ? describe : describe.skip;

let conn: Awaited<ReturnType<typeof useTestDatabase>>;
let store: number;
let shoppers: number[];
let next = 0;

beforeAll(async () => {
  conn = await useTestDatabase();
  store = await insertStore(conn.db, { slug: 'loyalty-race', lat: 45.76, lng: 4.83 });
  shoppers = await insertShoppers(conn.db, 60, 'racer');
});
afterAll(async () => conn?.drop());

async function member(): Promise<number> {
  const id = shoppers[next++]!;
  await joinLoyalty(id);
  return id;
}

const earn = (customerId: number, spendCents: number, key: string, at?: Date) =>
  inTx((tx) => earnPoints(tx, { customerId, spendCents, channel: 'store', storeId: store, key, at }));

d('contended loyalty accounts (PostgreSQL)', () => {
  it('20 redemptions at once against a balance that covers 3: exactly 3 — five rounds', async () => {
    for (let round = 0; round < 5; round++) {
      const m = await member();
      await earn(m, 20_000, `r${round}-a`, monthsAgo(3)); // 200 in one lot
      await earn(m, 10_000, `r${round}-b`); // 100 in another: redemptions cross lots
      const outcomes = await Promise.allSettled(
        Array.from({ length: 20 }, (_, i) =>
          inTx((tx) => redeemPoints(tx, { customerId: m, points: 100, channel: 'store', storeId: store, key: `r${round}-redeem-${i}` })),
        ),
      );
      const won = outcomes.filter((o) => o.status === 'fulfilled');
      const refused = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
      expect(won).toHaveLength(3);
      for (const o of refused) expect(o.reason).toBeInstanceOf(NotEnoughPointsError);
      expect(await ledgerOf(conn.db, m)).toEqual({ balance: 0, entries: 0, lots: 0, count: 5 });
    }
  });

  it('one award sent 10 times at once with the same key: one entry, one credit', async () => {
    const m = await member();
    const results = await Promise.all(Array.from({ length: 10 }, () => earn(m, 12_345, 'sale-777-earn')));
    expect(new Set(results.map((r) => JSON.stringify(r))).size).toBe(1);
    expect(results[0]?.points).toBe(123);
    expect(await ledgerOf(conn.db, m)).toEqual({ balance: 123, entries: 123, lots: 123, count: 1 });
  });

  it('one redemption replayed 10 times at once: one effect, nine replays', async () => {
    const m = await member();
    await earn(m, 50_000, 'replay-earn');
    const results = await Promise.all(
      Array.from({ length: 10 }, () => inTx((tx) => redeemPoints(tx, { customerId: m, points: 200, channel: 'web', storeId: null, key: 'replay-redeem' }))),
    );
    expect(results.filter((r) => !r.replayed)).toHaveLength(1);
    expect(new Set(results.map((r) => r.entryId)).size).toBe(1);
    expect(await ledgerOf(conn.db, m)).toMatchObject({ balance: 300, entries: 300, count: 2 });
  });

  it('a return replayed at once reverses once', async () => {
    const m = await member();
    const sale = await insertSaleRow(conn.db, m, store, 10_000);
    await inTx((tx) => earnPoints(tx, { customerId: m, spendCents: 10_000, channel: 'store', storeId: store, saleId: sale, key: 'ret-earn' }));
    const results = await Promise.all(
      Array.from({ length: 10 }, () => inTx((tx) => reversePoints(tx, { customerId: m, saleId: sale, key: 'ret-1', spendCents: 5_000 }))),
    );
    for (const r of results) expect(r).toEqual({ reversedEarned: 50, shortfall: 0, restoredRedeemed: 0 });
    expect(await ledgerOf(conn.db, m)).toMatchObject({ balance: 50, count: 2 });
  });

  it('two sweepers at once expire each lapsed lot exactly once between them', async () => {
    const members: number[] = [];
    for (let i = 0; i < 8; i++) {
      const m = await member();
      members.push(m);
      for (let j = 0; j < 5; j++) await earn(m, 5_000, `two-${m}-${j}`, monthsAgo(12, j + 1));
    }
    const sweep = async () => {
      let lots = 0;
      for (;;) {
        const { expired } = await expireDuePoints({ limit: 3 });
        lots += expired;
        if (expired === 0) return lots;
      }
    };
    const [a, b] = await Promise.all([sweep(), sweep()]);
    expect(a + b).toBe(40);
    for (const m of members) expect(await ledgerOf(conn.db, m)).toEqual({ balance: 0, entries: 0, lots: 0, count: 10 });
  });

  it('two sweepers at once expire each lapsed lot exactly once, while the owners redeem', async () => {
    const members: number[] = [];
    for (let i = 0; i < 20; i++) {
      const m = await member();
      members.push(m);
      for (let j = 0; j < 5; j++) await earn(m, 10_000, `sweep-${m}-old-${j}`, monthsAgo(13, j)); // 5 lapsed lots of 100
      await earn(m, 20_000, `sweep-${m}-new`); // 200 good
    }
    const sweep = async () => {
      let lots = 0;
      for (;;) {
        const { expired } = await expireDuePoints({ limit: 7 });
        lots += expired;
        if (expired === 0) return lots;
      }
    };
    const [a, b, ...redeemed] = await Promise.all([
      sweep(),
      sweep(),
      ...members.map((m) => inTx((tx) => redeemPoints(tx, { customerId: m, points: 200, channel: 'web', storeId: null, key: `sweep-${m}-redeem` }))),
    ]);
    // Lots a redeemer lapsed itself (under its lock) are not the sweepers' to count.
    expect(Number(a) + Number(b)).toBeLessThanOrEqual(100);
    expect(redeemed).toHaveLength(20);
    const expiries = await conn.db.execute<{ n: number; lots: number; points: number }>(sql`
      SELECT count(*)::int AS n, count(DISTINCT idempotency_key)::int AS lots, coalesce(-sum(points), 0)::int AS points
      FROM loyalty_entries WHERE kind = 'expire' AND customer_id IN (${sql.join(
        members.map((m) => sql`${m}`),
        sql`, `,
      )})`);
    expect(expiries.rows[0]).toEqual({ n: 100, lots: 100, points: 10_000 });
    for (const m of members) expect(await ledgerOf(conn.db, m)).toEqual({ balance: 0, entries: 0, lots: 0, count: 12 });
  });
});
