import { DomainError } from '@/lib/errors';
import type { ReturnStatus } from './schema';

/** No such order for this shopper (or, at a desk, no such order at all): the same answer, so nothing is revealed. */
export class ReturnOrderNotFoundError extends DomainError {
  constructor() {
    super('return_order_not_found', 'Order not found.');
  }
}

/** Not yet delivered or collected (or cancelled): nothing to return yet. */
export class OrderNotReturnableError extends DomainError {
  constructor() {
    super('order_not_returnable', 'This order can be returned once it has been delivered or collected.');
  }
}

export class ReturnPeriodOverError extends DomainError {
  constructor(
    readonly deadline: Date,
    readonly days: number,
  ) {
    super('return_period_over', `The ${days}-day return period for this order ended on ${deadline.toISOString().slice(0, 10)}.`);
  }
}

const INVALID = {
  no_lines: ['Choose at least one item to return.', 'lines'],
  too_many_lines: ['Too many lines in one return.', 'lines'],
  line_not_in_order: ['This item is not part of the order.', 'lines'],
  quantity: ['Enter how many units you return.', 'quantity'],
  reason: ['Say why you return this item.', 'reason'],
  refund_method: ['Choose how you want to be refunded.', 'refundMethod'],
  shop: ['Choose a shop.', 'store'],
  window: ['Choose a drop-off time.', 'window'],
  undecided: ['Decide every item of the return.', 'outcome'],
  line_not_in_return: ['This item is not part of the return.', 'outcome'],
  outcome: ['Mark each item resellable, damaged or refused.', 'outcome'],
  refusal_reason: ['Say why the item is refused.', 'refusalReason'],
} as const;
export type InvalidReturnDetail = keyof typeof INVALID;

/** A form mistake: `detail` names it (the UI's text is `invalid_<detail>`), `field` the form field it belongs on. */
export class InvalidReturnError extends DomainError {
  readonly field: (typeof INVALID)[InvalidReturnDetail][1];
  constructor(readonly detail: InvalidReturnDetail) {
    super('invalid_return', INVALID[detail][0]);
    this.field = INVALID[detail][1];
  }
}

/** More units than the line has left to return (bought minus what other returns already take). */
export class ReturnQuantityExceededError extends DomainError {
  constructor(readonly returnable: number) {
    super(
      'return_quantity_exceeded',
      returnable === 0
        ? 'This item has already been returned in full.'
        : `Only ${returnable} ${returnable === 1 ? 'unit' : 'units'} of this item can still be returned.`,
    );
  }
}

export class NoReturnsDeskError extends DomainError {
  constructor() {
    super('no_returns_desk', 'This shop has no returns desk. Choose another shop.');
  }
}

export class DropOffWindowFullError extends DomainError {
  constructor(readonly capacity: number) {
    super('drop_off_window_full', 'This drop-off time is fully booked. Choose another time.');
  }
}

/** The shop is closed then, the time is not one it offers, or it is too far ahead. */
export class DropOffWindowClosedError extends DomainError {
  constructor() {
    super('drop_off_window_closed', 'The shop does not take returns at this time. Choose one of the times offered.');
  }
}

export class DropOffWindowPastError extends DomainError {
  constructor() {
    super('drop_off_window_past', 'This drop-off time has already started. Choose a later one.');
  }
}

/** Beyond RETURNS_DAYS_AHEAD days after the end of the return period. */
export class DropOffTooLateError extends DomainError {
  constructor(readonly lastDay: Date) {
    super('drop_off_too_late', `Drop the return off by ${lastDay.toISOString().slice(0, 10)}. Choose an earlier time.`);
  }
}

/** No such return for this shopper, or at this shop: the same answer, so nothing is revealed. */
export class ReturnNotFoundError extends DomainError {
  constructor() {
    super('return_not_found', 'Return not found.');
  }
}

/** The pass was already scanned (the return was checked in) or the return is otherwise closed. */
export class ReturnStateError extends DomainError {
  constructor(
    readonly status: ReturnStatus,
    action: string,
  ) {
    super(
      status === 'booked' ? 'return_booked' : status === 'cancelled' ? 'return_cancelled' : 'return_pass_used',
      status === 'cancelled'
        ? `This return was cancelled: it can no longer be ${action}.`
        : status === 'booked'
          ? `This return has not been checked in yet: it cannot be ${action}.`
          : `This return pass was already used at the desk: the return cannot be ${action}.`,
    );
  }
}

/** The idempotency key of a booking was used for another shopper's or another order's return. */
export class ReturnKeyReusedError extends DomainError {
  constructor() {
    super('return_key_reused', 'This request was already used for another return. Reload the page and try again.');
  }
}

/** Only a failed card or desk refund can be retried. */
export class RefundNotRetryableError extends DomainError {
  constructor() {
    super('refund_not_retryable', 'There is no failed refund to retry on this return.');
  }
}
