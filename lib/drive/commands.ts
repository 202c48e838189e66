import 'server-only';
import { sql } from 'drizzle-orm';
import { getDb, type Db } from '@/lib/db';
import { queryRows } from '@/lib/db/client';
import { driveConfig } from './config';
import { BookingNotFoundError, SlotNotFoundError, SlotPastCutoffError } from './errors';
import { holderKey, type SlotHolder } from './holder';
import { driveRefusal, parseJson } from './refusals';

/*
 * Drive slots: generate, hold, book, release. The capacity invariant lives in the database
 * (triggers that lock the slot row, then count); the functions here only choose what to ask
 * and turn the database's refusals into typed errors. See lib/db/migrations/0006_drive_functions.sql.
 *
 * The orders code books and releases inside its own transaction (`tx`), so the slot and the
 * order's stock are taken together or not at all.
 */

function assertId(id: number): void {
  if (!Number.isSafeInteger(id) || id <= 0 || id > 2_147_483_647) throw new SlotNotFoundError();
}

function assertOrderRef(orderRef: string): void {
  if (typeof orderRef !== 'string' || orderRef.length === 0 || orderRef.length > 64) throw new Error('orderRef must be 1 to 64 characters');
}

/**
 * Materialises slot rows from the weekly plans for `days` local days from `from` ('YYYY-MM-DD',
 * default today in Europe/Paris), for one store or all. Idempotent; returns the rows added.
 */
export async function ensureDriveSlots(opts: { from?: string; days?: number; storeId?: number } = {}): Promise<number> {
  const days = opts.days ?? driveConfig().daysAhead;
  if (opts.from !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(opts.from)) throw new Error('from must be YYYY-MM-DD');
  const db = await getDb();
  const r = await db.execute<{ added: number }>(
    sql`SELECT comptoir_drive_ensure_slots(${opts.from ?? null}::date, ${days}::int, ${opts.storeId ?? null}::int) AS added`,
  );
  return Number(r.rows[0]!.added);
}

export type SlotHold = { holdId: number; slotId: number; expiresAt: Date };

/**
 * A shopper chooses a slot at a drive store: it is kept for them for DRIVE_HOLD_MINUTES (10), and
 * counts against the slot's capacity until then. Choosing another slot moves their one hold;
 * choosing the same one again extends it. One round trip, in its own transaction.
 */
export async function holdSlot(input: { storeId: number; slotId: number; holder: SlotHolder }): Promise<SlotHold> {
  assertId(input.slotId);
  assertId(input.storeId);
  const holder = holderKey(input.holder);
  try {
    const [row] = await queryRows<{ hold: HoldRow | string }>('SELECT comptoir_drive_hold($1::int, $2::int, $3::text, $4::int) AS hold', [
      input.storeId,
      input.slotId,
      holder,
      driveConfig().holdMinutes,
    ]);
    const hold = parseJson(row!.hold);
    return { holdId: hold.id, slotId: hold.slot_id, expiresAt: new Date(hold.expires_at) };
  } catch (err) {
    throw driveRefusal(err);
  }
}

type HoldRow = { id: number; slot_id: number; expires_at: string };

/** The shopper let the slot go (back to home delivery, emptied the cart): the place is free at once. */
export async function releaseHold(holder: SlotHolder): Promise<{ released: boolean }> {
  const db = await getDb();
  const r = await db.execute(sql`
    UPDATE drive_slot_holds SET state = 'released', updated_at = now()
    WHERE holder = ${holderKey(holder)} AND state = 'held' RETURNING id`);
  return { released: r.rows.length > 0 };
}

export type SlotBooking = { bookingId: number; slotId: number; startsAt: Date; endsAt: Date; fromHold: boolean; replayed: boolean };

/**
 * Books a slot for an order, inside the caller's transaction. The holder's live hold on this slot
 * becomes the booking; if it lapsed (or was never taken) the order still gets the slot when a
 * place is free, else SlotFullError. Refuses SlotPastCutoffError, SlotClosedError,
 * SlotOfAnotherStoreError, SlotNotFoundError, DriveNotAvailableError, OrderAlreadyBookedError.
 * A refusal aborts the caller's transaction: let it roll back (nothing booked, nothing reserved).
 * Booking the same order on the same slot again returns the first booking (`replayed`).
 */
export async function bookHeldSlot(tx: Db, input: { storeId: number; slotId: number; orderRef: string; holder?: SlotHolder }): Promise<SlotBooking> {
  assertId(input.slotId);
  assertId(input.storeId);
  assertOrderRef(input.orderRef);
  const holder = input.holder ? holderKey(input.holder) : null;
  try {
    const r = await tx.execute<{ booked: BookRow | string }>(
      sql`SELECT comptoir_drive_book(${input.storeId}::int, ${input.slotId}::int, ${holder}::text, ${input.orderRef}::text) AS booked`,
    );
    const b = parseJson(r.rows[0]!.booked);
    return {
      bookingId: b.id,
      slotId: b.slot_id,
      startsAt: new Date(b.starts_at),
      endsAt: new Date(b.ends_at),
      fromHold: b.from_hold,
      replayed: b.replayed,
    };
  } catch (err) {
    throw driveRefusal(err);
  }
}

type BookRow = { id: number; slot_id: number; starts_at: string; ends_at: string; from_hold: boolean; replayed: boolean };

/**
 * The order was cancelled (or is moving): its booking is cancelled and the place is free again.
 * Exactly once: the booking row is locked and its status re-checked, so a second call (or a
 * concurrent one) finds nothing and returns `released: false`. With `enforceCutoff`, a booking
 * whose slot is past its cut-off is refused (SlotPastCutoffError): the order is being prepared.
 */
export async function releaseBooking(tx: Db, orderRef: string, opts: { enforceCutoff?: boolean } = {}): Promise<{ released: boolean; slotId: number | null }> {
  assertOrderRef(orderRef);
  const r = await tx.execute<{ id: number; slot_id: number; cutoff: number; past_cutoff: boolean }>(sql`
    SELECT b.id, b.slot_id, COALESCE(ds.cutoff_minutes, 120)::int AS cutoff,
           s.starts_at - make_interval(mins => COALESCE(ds.cutoff_minutes, 120)) <= now() AS past_cutoff
    FROM drive_slot_bookings b
    JOIN drive_slots s ON s.id = b.slot_id
    LEFT JOIN drive_settings ds ON ds.store_id = s.store_id
    WHERE b.order_ref = ${orderRef} AND b.status = 'booked'
    FOR UPDATE OF b`);
  const row = r.rows[0];
  if (!row) return { released: false, slotId: null };
  if (opts.enforceCutoff && row.past_cutoff) throw new SlotPastCutoffError(row.cutoff);
  await tx.execute(sql`UPDATE drive_slot_bookings SET status = 'cancelled', cancelled_at = now() WHERE id = ${row.id}`);
  return { released: true, slotId: row.slot_id };
}

/**
 * Moves an order's booking to another slot of the same store, inside the caller's transaction:
 * the old place is given back and the new one taken together. The current slot must be before
 * its cut-off; the new one must be open (the same refusals as bookHeldSlot).
 */
export async function moveBooking(tx: Db, input: { storeId: number; orderRef: string; slotId: number; holder?: SlotHolder }): Promise<SlotBooking> {
  const { released } = await releaseBooking(tx, input.orderRef, { enforceCutoff: true });
  if (!released) throw new BookingNotFoundError();
  return bookHeldSlot(tx, input);
}

/**
 * The sweep: holds past their expiry are marked `lapsed` (they stopped counting the moment they
 * expired; this only tidies), and old finished holds are deleted.
 */
export async function sweepDriveHolds(opts: { limit?: number } = {}): Promise<{ lapsed: number }> {
  const db = await getDb();
  const limit = opts.limit ?? 500;
  const r = await db.execute(sql`
    WITH due AS (
      SELECT id FROM drive_slot_holds WHERE state = 'held' AND expires_at <= now()
      ORDER BY expires_at LIMIT ${limit} FOR UPDATE SKIP LOCKED
    )
    UPDATE drive_slot_holds h SET state = 'lapsed', updated_at = now()
    FROM due WHERE h.id = due.id AND h.state = 'held' RETURNING h.id`);
  await db.execute(sql`DELETE FROM drive_slot_holds WHERE state <> 'held' AND updated_at < now() - interval '1 day'`);
  return { lapsed: r.rows.length };
}
