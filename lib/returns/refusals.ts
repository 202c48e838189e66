import { bookingRefusal, domainRefusal } from '@/lib/booking/refusals';
import {
  DropOffWindowClosedError,
  DropOffWindowFullError,
  DropOffWindowPastError,
  InvalidReturnError,
  NoReturnsDeskError,
  ReturnQuantityExceededError,
  ReturnStateError,
} from './errors';

/**
 * The refusals RAISEd by the shared booking ('comptoir:booking_…': a drop-off window is one of its
 * slots, lib/booking/refusals.ts) and by the returns functions and triggers
 * ('comptoir:return_<reason>[:<n>]', lib/db/migrations/0013_returns_functions.sql and
 * 0022_capacity_booking.sql) as typed errors; anything else is returned as is.
 */
export function returnRefusal(err: unknown): unknown {
  const shared = bookingRefusal(err);
  if (shared?.reason === 'full') return new DropOffWindowFullError(shared.value);
  const own = domainRefusal(err, 'return_');
  switch (own?.reason) {
    case 'return_no_desk':
      return new NoReturnsDeskError();
    case 'return_window_past':
      return new DropOffWindowPastError();
    case 'return_window_closed':
      return new DropOffWindowClosedError();
    case 'return_exceeds':
      return new ReturnQuantityExceededError(own.value);
    case 'return_line_unknown':
      return new InvalidReturnError('line_not_in_order');
    case 'return_cancelled':
      return new ReturnStateError('cancelled', 'changed');
    default:
      return err;
  }
}
