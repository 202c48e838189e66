import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDb, type Db } from '@/lib/db';
import { useTestDatabase } from '@/test/support/db';
import { PG_FOREIGN_KEY_VIOLATION, pgErrorCode } from '@/lib/errors';
import { insertStore } from '@/test/support/fixtures';
import { cancelBooking, lockBooking, readBooking, readHold, releaseHold, sweepHolds } from './commands';
import { bookingRefusal } from './refusals';

/*
 * The shared capacity booking on its own, both kinds side by side (drive and returns have their
 * own suites over it): one slot's claims never exceed its capacity, and kinds never mix.
 */
let conn: Awaited<ReturnType<typeof useTestDatabase>>;
let store: number;

async function inTx<T>(work: (tx: Db) => Promise<T>): Promise<T> {
  const db = await getDb();
  return db.transaction((tx) => work(tx as unknown as Db));
}

async function slot(kind: 'drive' | 'returns', capacity: number, hoursAhead = 5): Promise<number> {
  const r = await conn.db.execute<{ id: number }>(sql`
    INSERT INTO capacity_slots (kind, store_id, starts_at, ends_at, capacity)
    VALUES (${kind}, ${store}, now() + make_interval(hours => ${hoursAhead}::int, secs => ${Math.floor(Math.random() * 3600)}::int),
            now() + make_interval(hours => ${hoursAhead + 1}::int), ${capacity})
    RETURNING id`);
  return r.rows[0]!.id;
}

const hold = async (slotId: number, holder: string) =>
  readHold((await conn.db.execute<{ h: string }>(sql`SELECT comptoir_booking_hold(${slotId}::int, ${holder}::text, 10)::text AS h`)).rows[0]!.h);
const book = (slotId: number, ref: string, holder: string | null = null) =>
  inTx(async (tx) =>
    readBooking((await tx.execute<{ b: string }>(sql`SELECT comptoir_booking_book(${slotId}::int, ${holder}::text, ${ref}::text)::text AS b`)).rows[0]!.b),
  );
const taken = async (slotId: number) => (await conn.db.execute<{ n: number }>(sql`SELECT comptoir_booking_taken(${slotId}::int) AS n`)).rows[0]!.n;

beforeAll(async () => {
  conn = await useTestDatabase();
  store = await insertStore(conn.db, { slug: 'lyon', lat: 45.76, lng: 4.83, drive: true });
});
afterAll(async () => conn?.drop());

describe('capacity booking', () => {
  it('a hold becomes the booking; a full slot refuses both; a retried reference gets its booking back', async () => {
    const s = await slot('drive', 2);
    const h = await hold(s, 'c:1');
    await hold(s, 'c:2');
    expect(bookingRefusal(await hold(s, 'c:3').catch((e: unknown) => e))).toEqual({ reason: 'full', value: 2 });
    expect(await book(s, 'A', 'c:1')).toMatchObject({ slotId: s, fromHold: true, replayed: false });
    expect(await book(s, 'A', 'c:1')).toMatchObject({ replayed: true });
    expect(bookingRefusal(await book(s, 'B').catch((e: unknown) => e))?.reason).toBe('full');
    expect(bookingRefusal(await book(await slot('drive', 5), 'A').catch((e: unknown) => e))?.reason).toBe('ref_booked');
    expect(await taken(s)).toBe(2);
    expect(h.expiresAt.getTime()).toBeGreaterThan(Date.now());
  });

  it('cancelling once frees the place; letting a hold go frees it at once; the sweep lapses expired holds', async () => {
    const s = await slot('drive', 1);
    await book(s, 'C');
    const locked = await inTx((tx) => lockBooking(tx, 'drive', 'C'));
    expect(locked).toMatchObject({ slotId: s, storeId: store });
    expect(locked!.secondsToStart).toBeGreaterThan(4 * 3600);
    await inTx((tx) => cancelBooking(tx, locked!.claimId));
    expect(await inTx((tx) => lockBooking(tx, 'drive', 'C'))).toBeNull();
    await hold(s, 'c:9');
    expect(await releaseHold('drive', 'c:9')).toEqual({ released: true });
    expect(await releaseHold('drive', 'c:9')).toEqual({ released: false });
    await hold(s, 'c:10');
    await conn.db.execute(sql`UPDATE capacity_claims SET expires_at = now() - interval '1 second' WHERE holder = 'c:10' AND state = 'held'`);
    expect(await taken(s)).toBe(0); // expired: no longer counted, before any sweep
    expect((await sweepHolds()).lapsed).toBeGreaterThanOrEqual(1);
    expect((await conn.db.execute<{ state: string }>(sql`SELECT state FROM capacity_claims WHERE holder = 'c:10'`)).rows).toEqual([{ state: 'lapsed' }]);
  });

  it('kinds never mix: holders, references and slots are per kind; a view shows and writes its own kind only', async () => {
    const d = await slot('drive', 2);
    const r = await slot('returns', 2);
    await hold(d, 'c:20');
    await book(r, '42');
    await book(d, '42'); // the same reference in another kind is another booking
    expect([await taken(d), await taken(r)]).toEqual([2, 1]);
    // A claim of one kind on a slot of the other (room left, so only the kinds are at fault).
    expect(await releaseHold('returns', 'c:20')).toEqual({ released: false });
    const mixed = await conn.db
      .execute(sql`INSERT INTO capacity_claims (kind, slot_id, ref, state) VALUES ('drive', ${r}, 'X', 'booked')`)
      .catch((e: unknown) => e);
    expect(pgErrorCode(mixed)).toBe(PG_FOREIGN_KEY_VIOLATION);
    expect((await conn.db.execute(sql`SELECT id FROM drive_slots WHERE id = ${r}`)).rows).toEqual([]);
    expect((await conn.db.execute(sql`SELECT id FROM return_windows WHERE id = ${r}`)).rows).toEqual([{ id: r }]);
    const otherKind = await conn.db
      .execute(sql`INSERT INTO return_windows (store_id, starts_at, ends_at, capacity, kind) VALUES (${store}, now(), now() + interval '1 hour', 1, 'drive')`)
      .catch((e: unknown) => e);
    expect(String((otherKind as { cause?: Error }).cause?.message ?? otherKind)).toMatch(/check option/i);
  });
});
