import { DomainError } from '@/lib/errors';

/** The ticket itself is malformed (no lines, a quantity out of range, a missing key). */
export class InvalidTicketError extends DomainError {
  constructor(message: string) {
    super('invalid_ticket', message);
  }
}

export class UnknownTillItemError extends DomainError {
  constructor(readonly skuId: number) {
    super('unknown_item', 'This item is not in the catalogue. Scan it again or search it by name.');
  }
}

export class UnknownCustomerError extends DomainError {
  constructor() {
    super('unknown_customer', 'No customer account matches. Check the card number or the email.');
  }
}

export class SaleNotFoundError extends DomainError {
  constructor() {
    super('sale_not_found', 'This sale was not found at this store.');
  }
}

/** More points asked for than the ticket is worth: the discount cannot exceed the lines' sum. */
export class RedemptionExceedsTotalError extends DomainError {
  constructor(readonly subtotalCents: number) {
    super('redemption_exceeds_total', 'The points redeemed are worth more than the ticket. Redeem fewer points.');
  }
}

/** Points are spent only on a presented loyalty card, never on a customer found by email. */
export class CardRequiredForRedemptionError extends DomainError {
  constructor() {
    super('card_required', 'Scan the customer’s loyalty card to redeem points: a customer found by email earns points but cannot spend them.');
  }
}

/** Cash handed over is less than the cash part of the bill: nothing is recorded, the till asks again. */
export class CashShortError extends DomainError {
  constructor(readonly shortCents: number) {
    super('cash_short', 'The cash given is short of what is due. Count it again, or take the rest by card.');
  }
}

/** A tender that cannot pay this ticket (a split whose cash part covers it all, an amount out of range). */
export class InvalidTenderError extends DomainError {
  constructor(message: string) {
    super('invalid_tender', message);
  }
}

/** The card was refused by the payment provider: no sale is recorded, the staff can try cash. */
export class TillCardDeclinedError extends DomainError {
  constructor(
    readonly declineCode: string,
    message: string,
  ) {
    super('till_card_declined', message);
  }
}

/** The ticket's total moved between the card's authorisation and the sale (a price changed): nothing was charged. */
export class TillTotalChangedError extends DomainError {
  constructor() {
    super('till_total_changed', 'The ticket’s total changed while paying; nothing was charged. Take payment again.');
  }
}

/** A close for a day that is not a date, or has not come yet in Paris. */
export class InvalidCloseError extends DomainError {
  constructor(readonly reason: 'day' | 'future') {
    super('invalid_close', reason === 'future' ? 'A day still to come cannot be closed.' : 'Choose the day to close.');
  }
}
