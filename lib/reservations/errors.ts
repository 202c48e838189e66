import { DomainError } from '@/lib/errors';
import type { ReservationStatus } from './schema';

/** Quantity below 1 or above what one account may hold of one item. */
export class InvalidReservationQuantityError extends DomainError {
  constructor(readonly max: number) {
    super('invalid_quantity', `Choose a quantity from 1 to ${max}.`);
  }
}

export class EmptyReservationError extends DomainError {
  constructor(readonly maxLines: number) {
    super('invalid_lines', `A reservation holds from 1 to ${maxLines} items.`);
  }
}

export class StoreNotReservableError extends DomainError {
  constructor() {
    super('store_not_reservable', 'This shop does not offer click & reserve. Choose another shop.');
  }
}

/** Anti-hoarding: too many open reservations, or too many units of one item across them. */
export class ReservationLimitError extends DomainError {
  constructor(
    readonly kind: 'active' | 'units',
    readonly limit: number,
    readonly alreadyHeld = 0,
  ) {
    super(
      kind === 'active' ? 'reservation_limit_active' : 'reservation_limit_units',
      kind === 'active'
        ? `You already have ${limit} reservations in progress, the most one account may hold. Collect or cancel one first.`
        : `One account may hold at most ${limit} units of an item${alreadyHeld > 0 ? ` (you already hold ${alreadyHeld})` : ''}.`,
    );
  }
}

/** No such reservation for this shopper or this shop: the same answer, so nothing is revealed. */
export class ReservationNotFoundError extends DomainError {
  constructor() {
    super('reservation_not_found', 'Reservation not found.');
  }
}

/** The reservation is no longer in a state that allows this (collected, cancelled, expired…). */
export class ReservationStateError extends DomainError {
  constructor(readonly status: ReservationStatus) {
    super(`reservation_${status}`, STATE_MESSAGES[status]);
  }
}

const STATE_MESSAGES: Record<ReservationStatus, string> = {
  placed: 'This reservation has not been prepared yet.',
  ready: 'This reservation is already ready for pickup.',
  collected: 'This reservation has already been collected.',
  cancelled: 'This reservation was cancelled.',
  expired: 'This reservation has expired: it was not collected in time and the items went back on sale.',
};
