import 'server-only';
import { and, eq, inArray, lt, sql } from 'drizzle-orm';
import { getDb, type Db } from '@/lib/db';
import { parseJson } from './refusals';
import { capacityClaims, type BookingKind } from './schema';

/*
 * Capacity booking: a slot with a capacity (a drive pickup slot, a returns drop-off window) and
 * claims on it — holds that lapse, bookings that are cancelled — which must never exceed it. Drive
 * and returns are its two users; each keeps only what is its own (a drive's weekly plan, cut-off
 * and closures; a desk's windows computed from opening hours) and turns the refusals into its own
 * sentences (lib/booking/refusals.ts).
 *
 * One pair of tables (capacity_slots, capacity_claims), not two tables per user behind a module
 * parameterised by table name: the invariant is then one trigger on one table, written and tested
 * once, with no dynamic SQL; a third user (gift-wrap desk, click & collect lockers) adds a kind,
 * not a copy. The old tables' names stay as updatable views (drive_slots, drive_slot_holds,
 * drive_slot_bookings, return_windows), held to the same triggers. All of it, and the data carried
 * over from the two copies, is lib/db/migrations/0022_capacity_booking.sql.
 *
 * In the database (so every writer is held to it): a claim counts while `booked`, or `held` with
 * its expiry ahead; the trigger locks the slot row, then counts (comptoir_booking_taken). Holding
 * (comptoir_booking_hold) keeps one place per holder and kind, moved or extended; booking
 * (comptoir_booking_book) turns the holder's hold into the booking, replays a retried reference,
 * refuses one booked elsewhere. Here: what only needs a row lock — cancel, let a hold go, sweep.
 */

export type Hold = { holdId: number; slotId: number; expiresAt: Date };
export type Booking = { bookingId: number; slotId: number; fromHold: boolean; replayed: boolean };

type HoldJson = { id: number; slot_id: number; expires_at: string };
type BookingJson = { id: number; slot_id: number; from_hold: boolean; replayed: boolean };

/** comptoir_booking_hold's answer (or a domain wrapper's). */
export function readHold(raw: HoldJson | string): Hold {
  const h = parseJson(raw);
  return { holdId: h.id, slotId: h.slot_id, expiresAt: new Date(h.expires_at) };
}

/** comptoir_booking_book's answer (or a domain wrapper's). */
export function readBooking(raw: BookingJson | string): Booking {
  const b = parseJson(raw);
  return { bookingId: b.id, slotId: b.slot_id, fromHold: b.from_hold, replayed: b.replayed };
}

/** The holder let their place go: it is free at once. */
export async function releaseHold(kind: BookingKind, holder: string): Promise<{ released: boolean }> {
  const db = await getDb();
  const released = await db
    .update(capacityClaims)
    .set({ state: 'released', updatedAt: sql`now()` })
    .where(and(eq(capacityClaims.kind, kind), eq(capacityClaims.holder, holder), eq(capacityClaims.state, 'held')))
    .returning({ id: capacityClaims.id });
  return { released: released.length > 0 };
}

export type LockedBooking = { claimId: number; slotId: number; storeId: number; secondsToStart: number };

/**
 * The reference's booking, locked to the end of the caller's transaction, or null when it has
 * none. Two cancellations at once: the second waits, re-reads the row and finds it cancelled.
 */
export async function lockBooking(tx: Db, kind: BookingKind, ref: string): Promise<LockedBooking | null> {
  // Raw SQL: locks the claim only (FOR UPDATE OF c), and reads the time to the slot's start at the database's clock.
  const r = await tx.execute<{ id: number; slot_id: number; store_id: number; seconds: number }>(sql`
    SELECT c.id, c.slot_id, s.store_id, extract(epoch FROM s.starts_at - now())::float8 AS seconds
    FROM capacity_claims c JOIN capacity_slots s ON s.id = c.slot_id
    WHERE c.kind = ${kind} AND c.ref = ${ref} AND c.state = 'booked'
    FOR UPDATE OF c`);
  const row = r.rows[0];
  return row ? { claimId: row.id, slotId: row.slot_id, storeId: row.store_id, secondsToStart: Number(row.seconds) } : null;
}

/** Cancels a booking locked by lockBooking: its place is free again. */
export async function cancelBooking(tx: Db, claimId: number): Promise<void> {
  await tx
    .update(capacityClaims)
    .set({ state: 'cancelled', cancelledAt: sql`now()`, updatedAt: sql`now()` })
    .where(eq(capacityClaims.id, claimId));
}

/**
 * The sweep: holds past their expiry are marked `lapsed` (they stopped counting the moment they
 * expired; this only tidies), and holds finished more than a day ago are deleted.
 */
export async function sweepHolds(opts: { limit?: number } = {}): Promise<{ lapsed: number }> {
  const db = await getDb();
  const limit = opts.limit ?? 500;
  // Raw SQL: a CTE picks a batch with SKIP LOCKED, so two sweeps (two servers) never wait on each other.
  const r = await db.execute(sql`
    WITH due AS (
      SELECT id FROM capacity_claims WHERE state = 'held' AND expires_at <= now()
      ORDER BY expires_at LIMIT ${limit} FOR UPDATE SKIP LOCKED
    )
    UPDATE capacity_claims c SET state = 'lapsed', updated_at = now()
    FROM due WHERE c.id = due.id AND c.state = 'held' RETURNING c.id`);
  await db
    .delete(capacityClaims)
    .where(and(inArray(capacityClaims.state, ['converted', 'released', 'lapsed']), lt(capacityClaims.updatedAt, sql`now() - interval '1 day'`)));
  return { lapsed: r.rows.length };
}
