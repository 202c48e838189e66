import { bookingRefusal, domainRefusal } from '@/lib/booking/refusals';
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
 * The refusals RAISEd by the shared booking ('comptoir:booking_…', lib/booking/refusals.ts) and by
 * the drive's own checks ('comptoir:drive_<reason>[:<n>]', comptoir_drive_lock_slot in
 * lib/db/migrations/0022_capacity_booking.sql) as the drive's typed errors; anything else is
 * returned as is.
 */
export function driveRefusal(err: unknown): unknown {
  const shared = bookingRefusal(err);
  if (shared) {
    switch (shared.reason) {
      case 'full':
        return new SlotFullError(shared.value);
      case 'capacity_below_taken':
        return new CapacityBelowTakenError(shared.value);
      case 'ref_booked':
        return new OrderAlreadyBookedError();
      case 'slot_unknown':
        return new SlotNotFoundError();
    }
  }
  const own = domainRefusal(err, 'drive_');
  switch (own?.reason) {
    case 'drive_not_available':
      return new DriveNotAvailableError();
    case 'drive_slot_unknown':
      return new SlotNotFoundError();
    case 'drive_other_store':
      return new SlotOfAnotherStoreError();
    case 'drive_closed':
      return new SlotClosedError();
    case 'drive_past_cutoff':
      return new SlotPastCutoffError(own.value);
    default:
      return err;
  }
}
