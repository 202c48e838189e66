import { findInCauses, PG_UNIQUE_VIOLATION, pgConstraint, pgErrorCode } from '@/lib/errors';

/**
 * What the shared booking functions and triggers refuse ('comptoir:booking_<reason>[:<n>]',
 * lib/db/migrations/0022_capacity_booking.sql). Each domain turns them into its own typed errors:
 * a full drive slot and a full drop-off window are different sentences for the shopper.
 * - full: the slot has no place left (`value`: its capacity);
 * - capacity_below_taken: a capacity lowered below the places taken (`value`: how many are);
 * - ref_booked: the reference already holds a place on another slot;
 * - slot_unknown: no such slot.
 */
export type BookingRefusal = { reason: 'full' | 'capacity_below_taken' | 'ref_booked' | 'slot_unknown'; value: number };

const REASONS = new Set<BookingRefusal['reason']>(['full', 'capacity_below_taken', 'ref_booked', 'slot_unknown']);

/** A refusal of the shared booking, or null when the error is something else (the domain's own, or a fault). */
export function bookingRefusal(err: unknown): BookingRefusal | null {
  const message = findInCauses(err, (e) => (typeof e.message === 'string' ? /comptoir:booking_[a-z_]+(?::\d+)?/.exec(e.message)?.[0] : undefined));
  if (!message) {
    // Two bookings of one reference racing for two different slots: the index lets one through.
    if (pgErrorCode(err) === PG_UNIQUE_VIOLATION && pgConstraint(err) === 'capacity_claims_one_booking_per_ref') return { reason: 'ref_booked', value: 0 };
    return null;
  }
  const [, code, n] = message.split(':');
  const reason = code!.slice('booking_'.length) as BookingRefusal['reason'];
  return REASONS.has(reason) ? { reason, value: Number(n ?? 0) } : null;
}

/** The domain's own refusal ('comptoir:<prefix><reason>[:<n>]'), split, or null. */
export function domainRefusal(err: unknown, prefix: string): { reason: string; value: number } | null {
  const pattern = new RegExp(`comptoir:${prefix}[a-z_]+(?::\\d+)?`);
  const message = findInCauses(err, (e) => (typeof e.message === 'string' ? pattern.exec(e.message)?.[0] : undefined));
  if (!message) return null;
  const [, reason, n] = message.split(':');
  return { reason: reason!, value: Number(n ?? 0) };
}

/** JSON from a function: pg parses it, PGlite may hand back the text. */
export function parseJson<T>(raw: T | string): T {
  return typeof raw === 'string' ? (JSON.parse(raw) as T) : raw;
}
