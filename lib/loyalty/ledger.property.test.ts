import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '@/test/support/db';
import { insertShoppers, insertStore } from '@/test/support/fixtures';
import { earnPoints, expireDuePoints, joinLoyalty, redeemPoints, reversePoints } from './commands';
import { NotEnoughPointsError } from './errors';
import { getLoyaltyCard } from './queries';
import { inTx, insertSaleRow, ledgerOf, monthsAgo } from '@/test/support/loyalty';

/*
 * Property: whatever sequence of earn / redeem / reverse / expire a shopper goes through, the sum
 * of their entries is their balance (and the points left in their lots), it never goes below
 * zero, and a redemption is refused exactly when the points spendable now do not cover it.
 */

let conn: Awaited<ReturnType<typeof useTestDatabase>>;
let store: number;
let shoppers: number[];
let next = 0;
let k = 0;
const RUNS = 25;

beforeAll(async () => {
  conn = await useTestDatabase();
  store = await insertStore(conn.db, { slug: 'loyalty-prop', lat: 43.6, lng: 1.44 });
  shoppers = await insertShoppers(conn.db, RUNS + 5, 'prop');
});
afterAll(async () => conn?.drop());

const op = fc.oneof(
  // Some purchases are old enough that their points have lapsed, or are about to.
  fc.record({ kind: fc.constant('earn' as const), spendCents: fc.integer({ min: 0, max: 60_000 }), monthsAgo: fc.integer({ min: 0, max: 14 }) }),
  fc.record({ kind: fc.constant('redeem' as const), steps: fc.integer({ min: 1, max: 5 }) }),
  fc.record({
    kind: fc.constant('reverse' as const),
    pick: fc.nat(),
    spendCents: fc.option(fc.integer({ min: 0, max: 60_000 }), { nil: undefined }),
    replay: fc.boolean(),
  }),
  fc.record({ kind: fc.constant('expire' as const) }),
);

describe('the ledger under random sequences', () => {
  it('sum of entries = balance = points in lots, never below 0', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 25 }), async (ops) => {
        const customerId = shoppers[next++]!;
        await joinLoyalty(customerId);
        const sales: number[] = [];
        let lastReverseKey: string | null = null;
        for (const o of ops) {
          if (o.kind === 'earn') {
            const saleId = await insertSaleRow(conn.db, customerId, store, o.spendCents);
            sales.push(saleId);
            await inTx((tx) =>
              earnPoints(tx, { customerId, spendCents: o.spendCents, channel: 'store', storeId: store, saleId, key: `p${++k}`, at: monthsAgo(o.monthsAgo) }),
            );
          } else if (o.kind === 'redeem') {
            const spendable = (await getLoyaltyCard(customerId))!.balance;
            const points = o.steps * 100;
            const result = await inTx((tx) => redeemPoints(tx, { customerId, points, channel: 'web', storeId: null, key: `p${++k}` })).catch((e: unknown) => e);
            if (points <= spendable) expect(result).toMatchObject({ points, discountCents: o.steps * 500, replayed: false });
            else expect(result).toBeInstanceOf(NotEnoughPointsError);
          } else if (o.kind === 'reverse') {
            if (sales.length === 0) continue;
            const key: string = o.replay && lastReverseKey ? lastReverseKey : `p${++k}`;
            lastReverseKey = key;
            const saleId = sales[o.pick % sales.length]!;
            const r = await inTx((tx) => reversePoints(tx, { customerId, saleId, key, spendCents: o.spendCents }));
            expect(r.reversedEarned).toBeGreaterThanOrEqual(0);
            expect(r.shortfall).toBeGreaterThanOrEqual(0);
          } else {
            await expireDuePoints();
          }
          const l = await ledgerOf(conn.db, customerId);
          expect(l.balance).toBeGreaterThanOrEqual(0);
          expect(l.entries).toBe(l.balance);
          expect(l.lots).toBe(l.balance);
        }
      }),
      { numRuns: RUNS },
    );
  });
});
