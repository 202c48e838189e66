import 'server-only';
import { eq, sql } from 'drizzle-orm';
import { cancelBooking, lockBooking, readBooking, readHold, releaseHold as releaseClaimHold, sweepHolds, type Hold } from '@/lib/booking/commands';
import { parseJson } from '@/lib/booking/refusals';
import { getDb, type Db } from '@/lib/db';
import { queryRows } from '@/lib/db/client';
import { DEFAULT_CUTOFF_MINUTES, driveConfig } from './config';
import { BookingNotFoundError, SlotNotFoundError, SlotPastCutoffError } from './errors';
import { holderKey, type SlotHolder } from './holder';
import { driveRefusal } from './refusals';
import { driveSettings } from './schema';

/*
 * Drive slots: a user of the shared capacity booking (lib/booking/commands.ts), which keeps the
 * invariant — no slot ever has more booked orders plus live holds than its capacity — in the
 * database. What is the drive's own: slots made from each store's weekly plan, and the checks of
 * comptoir_drive_lock_slot (a drive store, its own slot, not a closed day, before the cut-off),
 * both in lib/db/migrations/0022_capacity_booking.sql. Refusals become lib/drive/errors.ts.
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
  // Raw SQL: a database function (lib/db/sql/current.sql) makes the missing slot rows in one statement.
  const r = await db.execute<{ added: number }>(
    sql`SELECT comptoir_drive_ensure_slots(${opts.from ?? null}::date, ${days}::int, ${opts.storeId ?? null}::int) AS added`,
  );
  return Number(r.rows[0]!.added);
}

export type SlotHold = Hold;

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
    // Raw SQL: a database function takes the hold under the slot's lock; through queryRows because
    // its refusals (slot full, past the cut-off) are expected — a crowd for the last places.
    const [row] = await queryRows<{ hold: Parameters<typeof readHold>[0] }>('SELECT comptoir_drive_hold($1::int, $2::int, $3::text, $4::int) AS hold', [
      input.storeId,
      input.slotId,
      holder,
      driveConfig().holdMinutes,
    ]);
    return readHold(row!.hold);
  } catch (err) {
    throw driveRefusal(err);
  }
}

/** The shopper let the slot go (back to home delivery, emptied the cart): the place is free at once. */
export async function releaseHold(holder: SlotHolder): Promise<{ released: boolean }> {
  return releaseClaimHold('drive', holderKey(holder));
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
    // Raw SQL: a database function (comptoir_drive_book) books under the slot's lock and the capacity trigger.
    const r = await tx.execute<{ booked: BookRow | string }>(
      sql`SELECT comptoir_drive_book(${input.storeId}::int, ${input.slotId}::int, ${holder}::text, ${input.orderRef}::text) AS booked`,
    );
    const b = parseJson(r.rows[0]!.booked);
    return { ...readBooking(b), startsAt: new Date(b.starts_at), endsAt: new Date(b.ends_at) };
  } catch (err) {
    throw driveRefusal(err);
  }
}

type BookRow = Parameters<typeof readBooking>[0] & { starts_at: string; ends_at: string };

/**
 * The order was cancelled (or is moving): its booking is cancelled and the place is free again.
 * Exactly once: the booking row is locked and its status re-checked, so a second call (or a
 * concurrent one) finds nothing and returns `released: false`. With `enforceCutoff`, a booking
 * whose slot is past its cut-off is refused (SlotPastCutoffError): the order is being prepared.
 */
export async function releaseBooking(tx: Db, orderRef: string, opts: { enforceCutoff?: boolean } = {}): Promise<{ released: boolean; slotId: number | null }> {
  assertOrderRef(orderRef);
  const booking = await lockBooking(tx, 'drive', orderRef);
  if (!booking) return { released: false, slotId: null };
  if (opts.enforceCutoff) {
    const [settings] = await tx.select({ cutoff: driveSettings.cutoffMinutes }).from(driveSettings).where(eq(driveSettings.storeId, booking.storeId));
    const cutoff = settings?.cutoff ?? DEFAULT_CUTOFF_MINUTES;
    if (booking.secondsToStart <= cutoff * 60) throw new SlotPastCutoffError(cutoff);
  }
  await cancelBooking(tx, booking.claimId);
  return { released: true, slotId: booking.slotId };
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

/** The sweep of lapsed holds (lib/booking: every kind's, so one job runs it). */
export async function sweepDriveHolds(opts: { limit?: number } = {}): Promise<{ lapsed: number }> {
  return sweepHolds(opts);
}
