import { DomainError } from '@/lib/errors';

/**
 * The HTTP status a route handler answers for a returns refusal (a server action shows the
 * message instead): 404 when the order or return is not the caller's (or not this shop's), 409
 * when its state or a window's capacity stands in the way, 422 for the request's own mistakes.
 * Null for anything that is not a returns refusal (let it be a 500).
 */
export function returnRefusalStatus(err: unknown): 404 | 409 | 422 | null {
  if (!(err instanceof DomainError)) return null;
  switch (err.code) {
    case 'return_order_not_found':
    case 'return_not_found':
      return 404;
    case 'return_pass_used':
    case 'return_cancelled':
    case 'return_booked':
    case 'drop_off_window_full':
    case 'refund_not_retryable':
    case 'return_key_reused':
    case 'not_enough_store_credit':
      return 409;
    case 'order_not_returnable':
    case 'return_period_over':
    case 'invalid_return':
    case 'return_quantity_exceeded':
    case 'no_returns_desk':
    case 'drop_off_window_closed':
    case 'drop_off_window_past':
    case 'drop_off_too_late':
      return 422;
    default:
      return null;
  }
}
