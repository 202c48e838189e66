import { findInCauses, PG_UNIQUE_VIOLATION, pgConstraint, pgErrorCode } from '@/lib/errors';
import {
  CapacityBelowTakenError,
  DriveNotAvailableError,
  OrderAlreadyBookedError,
  SlotClosedError,
  SlotFullError,
  SlotNotFoundError,
  SlotOfAnotherStoreError,
  SlotPastCutoffError,
} from './errors';

/**
 * The drive functions' and triggers' RAISEd refusals ('comptoir:drive_<reason>[:<n>]',
 * lib/db/migrations/0006_drive_functions.sql) as typed errors; anything else is returned as is.
 */
export function driveRefusal(err: unknown): unknown {
  const message = findInCauses(err, (e) => (typeof e.message === 'string' ? /comptoir:drive_[a-z_]+(?::\d+)?/.exec(e.message)?.[0] : undefined));
  if (!message) {
    // Two placements of one order racing for two different slots: the index lets one through.
    if (pgErrorCode(err) === PG_UNIQUE_VIOLATION && pgConstraint(err) === 'drive_slot_bookings_one_per_order') return new OrderAlreadyBookedError();
    return err;
  }
  const [, reason, n] = message.split(':');
  const value = Number(n ?? 0);
  switch (reason) {
    case 'drive_not_available':
      return new DriveNotAvailableError();
    case 'drive_slot_unknown':
      return new SlotNotFoundError();
    case 'drive_other_store':
      return new SlotOfAnotherStoreError();
    case 'drive_closed':
      return new SlotClosedError();
    case 'drive_past_cutoff':
      return new SlotPastCutoffError(value);
    case 'drive_full':
      return new SlotFullError(value);
    case 'drive_order_booked':
      return new OrderAlreadyBookedError();
    case 'drive_capacity_below_taken':
      return new CapacityBelowTakenError(value);
    default:
      return err;
  }
}

/** JSON from a function: pg parses it, PGlite may hand back the text. */
export function parseJson<T>(raw: T | string): T {
  return typeof raw === 'string' ? (JSON.parse(raw) as T) : raw;
}
