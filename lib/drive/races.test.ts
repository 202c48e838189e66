import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDb, type Db } from '@/lib/db';
import { onPostgres, useTestDatabase } from '@/test/support/db';
import { insertStore } from '@/test/support/fixtures';
import { bookHeldSlot, holdSlot, releaseBooking } from './commands';
import { SlotFullError } from './errors';
import { insertSlotIn, lapseHolds, takenOf } from '@/test/support/drive';

/*
 * Races on a real multi-connection PostgreSQL (PGlite runs one transaction at a time, so there
 * these would prove nothing). 100 shoppers, 20 pooled connections: every statement contends.
 */
const d = onPostgres ? describe : describe.skip;

let conn: Awaited<ReturnType<typeof useTestDatabase>>;
let store: number;
const SHOPPERS = 100;

beforeAll(async () => {
  conn = await useTestDatabase();
  store = await insertStore(conn.db, { slug: 'drive-race', lat: 45.76, lng: 4.83, drive: true });
});
afterAll(async () => conn?.drop());

async function inTx<T>(work: (tx: Db) => Promise<T>): Promise<T> {
  const db = await getDb();
  return db.transaction((tx) => work(tx as unknown as Db));
}

function tally(outcomes: PromiseSettledResult<unknown>[]) {
  const refusals = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected').map((o) => o.reason as unknown);
  return { won: outcomes.length - refusals.length, refusals };
}

d('contended drive slots (PostgreSQL)', () => {
  it('100 shoppers hold a capacity-3 slot at once: exactly 3 get it, the rest hear "full" — ten rounds', async () => {
    for (let round = 0; round < 10; round++) {
      const slot = await insertSlotIn(conn.db, store, 600 + round * 30, 3);
      const outcomes = await Promise.allSettled(
        Array.from({ length: SHOPPERS }, (_, i) => holdSlot({ storeId: store, slotId: slot, holder: { customerId: round * 1000 + i + 1 } })),
      );
      const { won, refusals } = tally(outcomes);
      expect(won).toBe(3);
      for (const e of refusals) expect(e).toBeInstanceOf(SlotFullError);
      expect(await takenOf(conn.db, slot)).toEqual({ booked: 0, held: 3, capacity: 3 });
    }
  });

  it('100 orders book a capacity-3 slot at once, without holds: exactly 3 bookings — ten rounds', async () => {
    for (let round = 0; round < 10; round++) {
      const slot = await insertSlotIn(conn.db, store, 2000 + round * 30, 3);
      const outcomes = await Promise.allSettled(
        Array.from({ length: SHOPPERS }, (_, i) =>
          inTx((tx) => bookHeldSlot(tx, { storeId: store, slotId: slot, orderRef: `R${round}-${i}`, holder: { customerId: 50_000 + i } })),
        ),
      );
      const { won, refusals } = tally(outcomes);
      expect(won).toBe(3);
      for (const e of refusals) expect(e).toBeInstanceOf(SlotFullError);
      expect(await takenOf(conn.db, slot)).toEqual({ booked: 3, held: 0, capacity: 3 });
    }
  });

  it('holds, bookings of held places and releases mixed at once never overbook', async () => {
    for (let round = 0; round < 5; round++) {
      const slot = await insertSlotIn(conn.db, store, 4000 + round * 30, 3);
      const holders = [1, 2].map((i) => ({ customerId: 90_000 + round * 10 + i }));
      for (const holder of holders) await holdSlot({ storeId: store, slotId: slot, holder });
      await inTx((tx) => bookHeldSlot(tx, { storeId: store, slotId: slot, orderRef: `M${round}-0` }));
      // Full now (2 holds + 1 booking). The two holders place their orders, the booked order is
      // cancelled, and 100 more shoppers try for the freed place, all at once.
      const outcomes = await Promise.allSettled([
        ...holders.map((holder, i) => inTx((tx) => bookHeldSlot(tx, { storeId: store, slotId: slot, orderRef: `M${round}-h${i}`, holder }))),
        inTx((tx) => releaseBooking(tx, `M${round}-0`)),
        ...Array.from({ length: SHOPPERS }, (_, i) => holdSlot({ storeId: store, slotId: slot, holder: { customerId: 100_000 + round * 1000 + i } })),
      ]);
      expect(outcomes.slice(0, 3).every((o) => o.status === 'fulfilled')).toBe(true); // a live hold always books
      const { won } = tally(outcomes.slice(3));
      expect(won).toBeLessThanOrEqual(1);
      const t = await takenOf(conn.db, slot);
      expect(t.booked + t.held).toBeLessThanOrEqual(3);
      expect(t.booked).toBe(2);
    }
  });

  it('ten concurrent cancellations of one order free its place exactly once', async () => {
    for (let round = 0; round < 5; round++) {
      const slot = await insertSlotIn(conn.db, store, 5000 + round * 30, 2);
      await inTx((tx) => bookHeldSlot(tx, { storeId: store, slotId: slot, orderRef: `C${round}-keep` }));
      await inTx((tx) => bookHeldSlot(tx, { storeId: store, slotId: slot, orderRef: `C${round}` }));
      const outcomes = await Promise.all(Array.from({ length: 10 }, () => inTx((tx) => releaseBooking(tx, `C${round}`))));
      expect(outcomes.filter((o) => o.released)).toHaveLength(1);
      expect(await takenOf(conn.db, slot)).toEqual({ booked: 1, held: 0, capacity: 2 });
    }
  });

  it('a lapsed hold frees its place for another shopper, even in a crowd', async () => {
    const slot = await insertSlotIn(conn.db, store, 6000, 3);
    for (const customerId of [1, 2, 3]) await holdSlot({ storeId: store, slotId: slot, holder: { customerId: 200_000 + customerId } });
    await expect(holdSlot({ storeId: store, slotId: slot, holder: { customerId: 200_010 } })).rejects.toBeInstanceOf(SlotFullError);
    await lapseHolds(conn.db, { slotId: slot, holder: 'c:200001' });
    const outcomes = await Promise.allSettled(
      Array.from({ length: SHOPPERS }, (_, i) => holdSlot({ storeId: store, slotId: slot, holder: { customerId: 201_000 + i } })),
    );
    expect(tally(outcomes).won).toBe(1);
    // The shopper whose hold lapsed can no longer book it: the place went to someone else.
    await expect(inTx((tx) => bookHeldSlot(tx, { storeId: store, slotId: slot, orderRef: 'LAPSED', holder: { customerId: 200_001 } }))).rejects.toBeInstanceOf(
      SlotFullError,
    );
    expect(await takenOf(conn.db, slot)).toEqual({ booked: 0, held: 3, capacity: 3 });
    const over = await conn.db.execute<{ n: number }>(sql`
      SELECT count(*)::int AS n FROM drive_slots s
      WHERE (SELECT count(*) FROM drive_slot_bookings b WHERE b.slot_id = s.id AND b.status = 'booked') > s.capacity`);
    expect(over.rows[0]!.n).toBe(0);
  });
});
