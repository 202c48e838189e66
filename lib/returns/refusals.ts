import { findInCauses } from '@/lib/errors';
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
 * The returns functions' and triggers' RAISEd refusals ('comptoir:return_<reason>[:<n>]',
 * lib/db/migrations/0011_returns_functions.sql) as typed errors; anything else is returned as is.
 */
export function returnRefusal(err: unknown): unknown {
  const message = findInCauses(err, (e) => (typeof e.message === 'string' ? /comptoir:return_[a-z_]+(?::\d+)?/.exec(e.message)?.[0] : undefined));
  if (!message) return err;
  const [, reason, n] = message.split(':');
  const value = Number(n ?? 0);
  switch (reason) {
    case 'return_no_desk':
      return new NoReturnsDeskError();
    case 'return_window_past':
      return new DropOffWindowPastError();
    case 'return_window_closed':
      return new DropOffWindowClosedError();
    case 'return_window_full':
      return new DropOffWindowFullError(value);
    case 'return_exceeds':
      return new ReturnQuantityExceededError(value);
    case 'return_line_unknown':
      return new InvalidReturnError('line_not_in_order');
    case 'return_cancelled':
      return new ReturnStateError('cancelled', 'changed');
    default:
      return err;
  }
}
