import { DomainError } from '@/lib/errors';

/** Spending more store credit than the balance holds. */
export class NotEnoughStoreCreditError extends DomainError {
  constructor(readonly balanceCents: number) {
    super('not_enough_store_credit', `Not enough store credit: ${(balanceCents / 100).toFixed(2)} € left.`);
  }
}

/** No gift card has this code (or what was typed cannot be one): the same answer, so codes cannot be probed by their refusals. */
export class GiftCardUnknownError extends DomainError {
  constructor() {
    super('gift_card_unknown', 'No gift card has this code. Check the code on the card.');
  }
}

export class GiftCardExpiredError extends DomainError {
  constructor(readonly expiredAt: Date) {
    super('gift_card_expired', `This gift card expired on ${expiredAt.toISOString().slice(0, 10)}.`);
  }
}

export class NotEnoughOnGiftCardError extends DomainError {
  constructor(readonly balanceCents: number) {
    super('not_enough_on_gift_card', `Not enough on this gift card: ${(balanceCents / 100).toFixed(2)} € left.`);
  }
}

/** A gift card's value outside what the shop sells. */
export class GiftCardAmountError extends DomainError {
  constructor(
    readonly minCents: number,
    readonly maxCents: number,
  ) {
    super('gift_card_amount', `A gift card is worth from ${minCents / 100} € to ${maxCents / 100} €.`);
  }
}

/** A part of the payment that is not a whole, positive amount, or more than what is left to pay. */
export class InvalidWalletPaymentError extends DomainError {
  constructor(message = 'The amount taken from the wallet is more than what is left to pay.') {
    super('invalid_wallet_payment', message);
  }
}

/** At the till the store credit is spent only on a presented loyalty card: a typed email spends nobody's money. */
export class WalletNeedsCardError extends DomainError {
  constructor() {
    super('wallet_needs_card', 'Scan the customer’s loyalty card to pay with their store credit.');
  }
}
