import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/lib/db';
import { getDb } from '@/lib/db';
import { useTestDatabase } from '@/test/support/db';
import { insertStore } from '@/test/support/fixtures';
import { bookHeldSlot, holdSlot, moveBooking, releaseBooking, releaseHold, sweepDriveHolds } from './commands';
import {
  BookingNotFoundError,
  CapacityBelowTakenError,
  DriveNotAvailableError,
  OrderAlreadyBookedError,
  SlotClosedError,
  SlotFullError,
  SlotNotFoundError,
  SlotOfAnotherStoreError,
  SlotPastCutoffError,
} from './errors';
import { holderKey } from './holder';
import { listSlots } from './queries';
import { driveRefusal } from './refusals';
import { insertDrivePlan, insertSlotIn, lapseHolds, takenOf } from '@/test/support/drive';

let conn: Awaited<ReturnType<typeof useTestDatabase>>;
let store: number;
let otherStore: number;
let noDrive: number;

const alice = { customerId: 1 };
const bob = { customerId: 2 };
const visitor = { cartToken: 'cart-token-0123456789abcdef' };

/** What the orders code does: its own transaction, the slot booked inside it. */
async function inTx<T>(work: (tx: Db) => Promise<T>): Promise<T> {
  const db = await getDb();
  return db.transaction((tx) => work(tx as unknown as Db));
}

const book = (slotId: number, orderRef: string, holder?: typeof alice | typeof visitor, storeId = store) =>
  inTx((tx) => bookHeldSlot(tx, { storeId, slotId, orderRef, holder }));

beforeAll(async () => {
  conn = await useTestDatabase();
  store = await insertStore(conn.db, { slug: 'drive-lyon', lat: 45.76, lng: 4.83, drive: true });
  otherStore = await insertStore(conn.db, { slug: 'drive-bron', lat: 45.73, lng: 4.91, drive: true });
  noDrive = await insertStore(conn.db, { slug: 'city', lat: 45.75, lng: 4.85 });
  await insertDrivePlan(conn.db, store, [{ weekday: 1, opens: '09:00', closes: '10:00', capacity: 3 }]);
});
afterAll(async () => conn?.drop());

describe('holding a slot', () => {
  it('holds for 10 minutes, against capacity; the same slot again extends, another slot moves the hold', async () => {
    const a = await insertSlotIn(conn.db, store, 300, 2);
    const b = await insertSlotIn(conn.db, store, 330, 2);
    const h1 = await holdSlot({ storeId: store, slotId: a, holder: alice });
    expect(h1.slotId).toBe(a);
    expect(h1.expiresAt.getTime() - Date.now()).toBeGreaterThan(9 * 60_000);
    expect(await takenOf(conn.db, a)).toEqual({ booked: 0, held: 1, capacity: 2 });

    await conn.db.execute(sql`UPDATE drive_slot_holds SET expires_at = now() + interval '1 minute' WHERE id = ${h1.holdId}`);
    const h2 = await holdSlot({ storeId: store, slotId: a, holder: alice });
    expect(h2.holdId).toBe(h1.holdId);
    expect(h2.expiresAt.getTime() - Date.now()).toBeGreaterThan(9 * 60_000);
    expect(await takenOf(conn.db, a)).toMatchObject({ held: 1 });

    await holdSlot({ storeId: store, slotId: b, holder: alice });
    expect(await takenOf(conn.db, a)).toMatchObject({ held: 0 });
    expect(await takenOf(conn.db, b)).toMatchObject({ held: 1 });
    const rows = await conn.db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM drive_slot_holds WHERE holder = 'c:1' AND state = 'held'`);
    expect(rows.rows[0]!.n).toBe(1);
    await releaseHold(alice);
    expect(await takenOf(conn.db, b)).toMatchObject({ held: 0 });
  });

  it('refuses a full slot, yet lets the holder of a place extend it; a lapsed hold frees its place at once', async () => {
    const s = await insertSlotIn(conn.db, store, 300, 1);
    await holdSlot({ storeId: store, slotId: s, holder: alice });
    await expect(holdSlot({ storeId: store, slotId: s, holder: bob })).rejects.toBeInstanceOf(SlotFullError);
    await expect(holdSlot({ storeId: store, slotId: s, holder: alice })).resolves.toMatchObject({ slotId: s });
    const forBob = (await listSlots(store, { holder: bob })).days.flatMap((d) => d.slots).find((x) => x.id === s)!;
    const forAlice = (await listSlots(store, { holder: alice })).days.flatMap((d) => d.slots).find((x) => x.id === s)!;
    expect([forBob.state, forBob.remaining, forBob.heldByYou]).toEqual(['full', 0, false]);
    expect([forAlice.state, forAlice.remaining, forAlice.heldByYou]).toEqual(['open', 1, true]);

    await lapseHolds(conn.db, { slotId: s });
    await expect(holdSlot({ storeId: store, slotId: s, holder: bob })).resolves.toMatchObject({ slotId: s });
    expect(await takenOf(conn.db, s)).toEqual({ booked: 0, held: 1, capacity: 1 });
    await releaseHold(bob);
  });

  it('refuses, with a clear error, past cut-off, closed, another store, unknown slot, no drive', async () => {
    const soon = await insertSlotIn(conn.db, store, 119, 5);
    const err = await holdSlot({ storeId: store, slotId: soon, holder: alice }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SlotPastCutoffError);
    expect((err as SlotPastCutoffError).message).toBe('Too late for this slot: orders close 2 h before it starts. Choose a later slot.');
    const elsewhere = await insertSlotIn(conn.db, otherStore, 600, 5);
    await expect(holdSlot({ storeId: store, slotId: elsewhere, holder: alice })).rejects.toBeInstanceOf(SlotOfAnotherStoreError);
    await expect(holdSlot({ storeId: store, slotId: 987_654, holder: alice })).rejects.toBeInstanceOf(SlotNotFoundError);
    await expect(holdSlot({ storeId: store, slotId: -3, holder: alice })).rejects.toBeInstanceOf(SlotNotFoundError);
    await expect(holdSlot({ storeId: noDrive, slotId: elsewhere, holder: alice })).rejects.toBeInstanceOf(DriveNotAvailableError);
    const closed = await insertSlotIn(conn.db, otherStore, 60 * 24 * 2, 5);
    await conn.db.execute(sql`
      INSERT INTO store_closures (store_id, day, reason_fr, reason_en)
      SELECT store_id, (starts_at AT TIME ZONE 'Europe/Paris')::date, 'Fermé', 'Closed' FROM drive_slots WHERE id = ${closed}`);
    await expect(holdSlot({ storeId: otherStore, slotId: closed, holder: alice })).rejects.toBeInstanceOf(SlotClosedError);
    const held = await conn.db.execute<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM drive_slot_holds WHERE holder = 'c:1' AND state = 'held' AND expires_at > now()`,
    );
    expect(held.rows[0]!.n).toBe(0);
  });

  it('a cart token holds like a customer', async () => {
    const s = await insertSlotIn(conn.db, store, 400, 2);
    await holdSlot({ storeId: store, slotId: s, holder: visitor });
    expect(await takenOf(conn.db, s)).toMatchObject({ held: 1 });
    expect(() => holderKey({ cartToken: 'short' })).toThrow();
    await releaseHold(visitor);
  });
});

describe('booking for an order', () => {
  it('turns the live hold into the booking: no place is counted twice', async () => {
    const s = await insertSlotIn(conn.db, store, 300, 1);
    await holdSlot({ storeId: store, slotId: s, holder: alice });
    const b = await book(s, 'ORDER-1', alice);
    expect(b).toMatchObject({ slotId: s, fromHold: true, replayed: false });
    expect(await takenOf(conn.db, s)).toEqual({ booked: 1, held: 0, capacity: 1 });
    const again = await book(s, 'ORDER-1', alice);
    expect(again).toMatchObject({ bookingId: b.bookingId, replayed: true });
    await expect(book(s, 'ORDER-2', bob)).rejects.toBeInstanceOf(SlotFullError);
  });

  it('after the hold lapsed, books only if a place is left', async () => {
    const s = await insertSlotIn(conn.db, store, 300, 1);
    await holdSlot({ storeId: store, slotId: s, holder: alice });
    await lapseHolds(conn.db, { holder: 'c:1' });
    await holdSlot({ storeId: store, slotId: s, holder: bob }); // bob takes the freed place
    await expect(book(s, 'ORDER-3', alice)).rejects.toBeInstanceOf(SlotFullError);
    expect(await takenOf(conn.db, s)).toEqual({ booked: 0, held: 1, capacity: 1 });
    await releaseHold(bob);
    const b = await book(s, 'ORDER-3', alice);
    expect(b.fromHold).toBe(false);
  });

  it('a refusal inside the order transaction books nothing and the order rolls back', async () => {
    const s = await insertSlotIn(conn.db, store, 300, 2);
    const elsewhere = await insertSlotIn(conn.db, otherStore, 300, 2);
    await expect(book(elsewhere, 'ORDER-4', alice, store)).rejects.toBeInstanceOf(SlotOfAnotherStoreError);
    // The stock fails after the slot was booked: the whole transaction goes, booking included.
    await expect(
      inTx(async (tx) => {
        await bookHeldSlot(tx, { storeId: store, slotId: s, orderRef: 'ORDER-5', holder: alice });
        throw new Error('out of stock');
      }),
    ).rejects.toThrow('out of stock');
    expect(await takenOf(conn.db, s)).toEqual({ booked: 0, held: 0, capacity: 2 });
    const soon = await insertSlotIn(conn.db, store, 100, 2);
    await expect(book(soon, 'ORDER-6', alice)).rejects.toBeInstanceOf(SlotPastCutoffError);
    const n = await conn.db.execute<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM drive_slot_bookings WHERE order_ref IN ('ORDER-4', 'ORDER-5', 'ORDER-6')`,
    );
    expect(n.rows[0]!.n).toBe(0);
  });

  it('one order, one slot: booking a second slot for it is refused', async () => {
    const a = await insertSlotIn(conn.db, store, 500, 2);
    const b = await insertSlotIn(conn.db, store, 530, 2);
    await book(a, 'ORDER-7');
    await expect(book(b, 'ORDER-7')).rejects.toBeInstanceOf(OrderAlreadyBookedError);
  });
});

describe('releasing and moving', () => {
  it('a cancelled order frees its place exactly once', async () => {
    const s = await insertSlotIn(conn.db, store, 300, 2);
    await book(s, 'ORDER-10');
    await book(s, 'ORDER-11');
    expect(await inTx((tx) => releaseBooking(tx, 'ORDER-10'))).toEqual({ released: true, slotId: s });
    expect(await inTx((tx) => releaseBooking(tx, 'ORDER-10'))).toEqual({ released: false, slotId: null });
    expect(await takenOf(conn.db, s)).toMatchObject({ booked: 1 });
    await book(s, 'ORDER-12');
    await expect(book(s, 'ORDER-13')).rejects.toBeInstanceOf(SlotFullError);
  });

  it('moves a booking to another slot, all or nothing', async () => {
    const from = await insertSlotIn(conn.db, store, 600, 2);
    const to = await insertSlotIn(conn.db, store, 630, 1);
    const full = await insertSlotIn(conn.db, store, 660, 1);
    await book(from, 'ORDER-20');
    await book(full, 'ORDER-21');
    await expect(inTx((tx) => moveBooking(tx, { storeId: store, orderRef: 'ORDER-20', slotId: full }))).rejects.toBeInstanceOf(SlotFullError);
    expect(await takenOf(conn.db, from)).toMatchObject({ booked: 1 });
    const moved = await inTx((tx) => moveBooking(tx, { storeId: store, orderRef: 'ORDER-20', slotId: to }));
    expect(moved.slotId).toBe(to);
    expect(await takenOf(conn.db, from)).toMatchObject({ booked: 0 });
    expect(await takenOf(conn.db, to)).toMatchObject({ booked: 1 });
    await expect(inTx((tx) => moveBooking(tx, { storeId: store, orderRef: 'NOPE', slotId: from }))).rejects.toBeInstanceOf(BookingNotFoundError);
  });

  it('refuses to release or move a booking past its cut-off when asked to enforce it', async () => {
    const s = await insertSlotIn(conn.db, store, 300, 2);
    await book(s, 'ORDER-30');
    await conn.db.execute(sql`UPDATE drive_slots SET starts_at = now() + interval '30 minutes', ends_at = now() + interval '60 minutes' WHERE id = ${s}`);
    await expect(inTx((tx) => releaseBooking(tx, 'ORDER-30', { enforceCutoff: true }))).rejects.toBeInstanceOf(SlotPastCutoffError);
    expect(await inTx((tx) => releaseBooking(tx, 'ORDER-30'))).toMatchObject({ released: true });
  });
});

describe('the invariant in the database', () => {
  it('refuses any writer that would overbook, and capacity cannot drop below what is taken', async () => {
    const s = await insertSlotIn(conn.db, store, 300, 1);
    await conn.db.execute(sql`INSERT INTO drive_slot_bookings (slot_id, order_ref) VALUES (${s}, 'RAW-1')`);
    const err = await conn.db.execute(sql`INSERT INTO drive_slot_bookings (slot_id, order_ref) VALUES (${s}, 'RAW-2')`).catch((e: unknown) => e);
    expect(driveRefusal(err)).toBeInstanceOf(SlotFullError);
    const hold = await conn.db
      .execute(sql`INSERT INTO drive_slot_holds (slot_id, holder, expires_at) VALUES (${s}, 'c:99', now() + interval '5 minutes')`)
      .catch((e: unknown) => e);
    expect(driveRefusal(hold)).toBeInstanceOf(SlotFullError);
    const s2 = await insertSlotIn(conn.db, store, 300, 3);
    await book(s2, 'RAW-3');
    await book(s2, 'RAW-4');
    const lower = await conn.db.execute(sql`UPDATE drive_slots SET capacity = 1 WHERE id = ${s2}`).catch((e: unknown) => e);
    expect(driveRefusal(lower)).toBeInstanceOf(CapacityBelowTakenError);
    await conn.db.execute(sql`UPDATE drive_slots SET capacity = 2 WHERE id = ${s2}`);
  });

  it('the sweep marks lapsed holds, once', async () => {
    const s = await insertSlotIn(conn.db, store, 300, 5);
    for (const customerId of [41, 42, 43]) await holdSlot({ storeId: store, slotId: s, holder: { customerId } });
    await lapseHolds(conn.db, { slotId: s });
    expect((await sweepDriveHolds()).lapsed).toBe(3);
    expect((await sweepDriveHolds()).lapsed).toBe(0);
    const states = await conn.db.execute<{ state: string }>(sql`SELECT DISTINCT state FROM drive_slot_holds WHERE slot_id = ${s}`);
    expect(states.rows).toEqual([{ state: 'lapsed' }]);
  });
});
