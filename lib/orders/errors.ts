import { DomainError } from '@/lib/errors';
import type { OrderStatus } from './schema';

export class DriveNotOfferedError extends DomainError {
  constructor() {
    super('drive_not_offered', 'This shop does not offer drive pickup. Choose another shop.');
  }
}

export class InvalidCheckoutError extends DomainError {
  constructor(message: string) {
    super('invalid_checkout', message);
  }
}

/** Points asked for that this order cannot take: not whole steps, or more than its goods allow. */
export class PointsNotUsableError extends DomainError {
  constructor(
    readonly maxPoints: number,
    readonly stepPoints: number,
  ) {
    super(
      'points_not_usable',
      maxPoints === 0 ? 'Points cannot be used on this order.' : `Use points in steps of ${stepPoints}, at most ${maxPoints} on this order.`,
    );
  }
}

/** The card was refused: nothing was reserved or booked, and nothing was charged. */
export class PaymentDeclinedError extends DomainError {
  constructor(
    readonly declineCode: string,
    message: string,
  ) {
    super('payment_declined', message);
  }
}

/** A line whose price is not the one the checkout page showed. */
export type MovedPrice = { skuId: number; shownCents: number; nowCents: number };

/**
 * A price moved between the shopper's last look and the order: they must see the new total.
 * `moved` names the lines whose price differs from what the page showed (empty when the cart
 * itself changed: a line added in another tab, the mode switched).
 */
export class PriceChangedError extends DomainError {
  constructor(readonly moved: MovedPrice[] = []) {
    super(
      'price_changed',
      moved.length > 0
        ? `${moved.map((m) => `A price has just changed: ${(m.nowCents / 100).toFixed(2)} instead of ${(m.shownCents / 100).toFixed(2)}.`).join(' ')} Check the new total and place your order again.`
        : 'A price in your cart has just changed. Check the new total and place your order again.',
    );
  }
}

/** No such order for this shopper or this shop: the same answer, so nothing is revealed. */
export class OrderNotFoundError extends DomainError {
  constructor() {
    super('order_not_found', 'Order not found.');
  }
}

export class OrderStateError extends DomainError {
  constructor(
    readonly status: OrderStatus,
    action: string,
  ) {
    super(`order_${status}`, `This order is ${STATUS_WORDS[status]}: it can no longer be ${action}.`);
  }
}

/** Drive orders change only until the slot's cut-off: after it, staff are already picking. */
export class PastCutoffError extends DomainError {
  constructor() {
    super('order_past_cutoff', 'Too late to change this order: its slot is past the cut-off and the shop is preparing it.');
  }
}

export class ArrivalNotOpenError extends DomainError {
  constructor() {
    super('arrival_not_open', '"I\'m here" opens on the day of your slot, an hour before it starts.');
  }
}

const STATUS_WORDS: Record<OrderStatus, string> = {
  placed: 'placed',
  preparing: 'being prepared',
  ready: 'ready for pickup',
  collected: 'already collected',
  shipped: 'already shipped',
  delivered: 'already delivered',
  cancelled: 'cancelled',
};

/** Paid at a shop's till: cancelling would owe the customer money, so it goes back as a return. */
export class OrderPaidInStoreError extends DomainError {
  constructor() {
    super('order_paid_in_store', 'This order was paid in a shop: it cannot be cancelled. Once it arrives, return it at a shop’s returns desk for a refund.');
  }
}

/** A line that is not this order's (or not one staff pick: a substitute's own line). */
export class OrderLineNotFoundError extends DomainError {
  constructor() {
    super('order_line_not_found', 'This line is not on this order.');
  }
}

/** Picking a line: more units found than ordered, or a substitute where nothing is missing. */
export class PickRefusedError extends DomainError {
  constructor(readonly reason: 'found' | 'nothing_missing') {
    super(
      reason === 'found' ? 'pick_invalid_found' : 'pick_nothing_missing',
      reason === 'found' ? 'Enter how many were found: from 0 to the quantity ordered.' : 'Every unit was found: there is nothing to replace.',
    );
  }
}

/** A substitute must be another product of the same department, still on sale. */
export class SubstituteNotAllowedError extends DomainError {
  constructor() {
    super('substitute_not_allowed', 'Choose a substitute from the same department, still on sale.');
  }
}

/** Handing over nothing (every line short or refused), or less than the points discount: cancel instead. */
export class NothingToHandOverError extends DomainError {
  constructor() {
    super('nothing_to_hand_over', 'Nothing would be handed over (or less than the points discount): cancel the order instead.');
  }
}
