import { DomainError } from '@/lib/errors';

export class NotAMemberError extends DomainError {
  constructor() {
    super('loyalty_not_a_member', 'This customer has no loyalty card. Join the loyalty programme first.');
  }
}

/** Points that are not a positive multiple of the redemption step (100 points = €5 off). */
export class InvalidRedemptionError extends DomainError {
  constructor(readonly stepPoints: number) {
    super('loyalty_invalid_redemption', `Points are redeemed in steps of ${stepPoints}: choose ${stepPoints}, ${stepPoints * 2}, ${stepPoints * 3}…`);
  }
}

export class NotEnoughPointsError extends DomainError {
  constructor(
    readonly balance: number,
    readonly requested: number,
  ) {
    super('loyalty_not_enough_points', `Not enough points: the card has ${balance} and ${requested} were asked for.`);
  }
}

/** A number that cannot be one of our cards: wrong length or prefix, or a mistyped digit. */
export class InvalidCardNumberError extends DomainError {
  constructor(readonly problem: 'format' | 'check_digit') {
    super(
      problem === 'check_digit' ? 'loyalty_card_check_digit' : 'loyalty_card_format',
      problem === 'check_digit'
        ? 'This card number has a mistyped digit (its check digit does not match). Check the number on the card.'
        : 'A loyalty card number has 13 digits and starts with 29.',
    );
  }
}

export class UnknownCardNumberError extends DomainError {
  constructor() {
    super('loyalty_card_unknown', 'No loyalty card has this number.');
  }
}

export class UnknownCustomerError extends DomainError {
  constructor() {
    super('loyalty_unknown_customer', 'This customer account does not exist.');
  }
}

/** An adjustment must say why and move at least one point. */
export class InvalidAdjustmentError extends DomainError {
  constructor(reason: string) {
    super('loyalty_invalid_adjustment', reason);
  }
}
