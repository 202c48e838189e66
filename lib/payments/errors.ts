import { DomainError } from '@/lib/errors';

/** Any refusal from a payment provider other than a card decline (which is a result, not an error). */
export class PaymentError extends DomainError {}

/**
 * The provider could not be reached or failed while processing: the outcome is unknown to us, but
 * the provider guarantees the idempotency key, so retrying the same call is safe.
 */
export class PaymentUnavailableError extends PaymentError {
  constructor(
    readonly providerId: string,
    options: { cause?: unknown } = {},
  ) {
    super('payment_unavailable', 'The payment service is not responding. Nothing was charged; please try again in a moment.');
    if (options.cause !== undefined) this.cause = options.cause;
  }
}

/** A call the provider refuses whatever the card: a bug in the caller, not the shopper's doing. */
export class PaymentRequestError extends PaymentError {
  constructor(code: 'invalid_amount' | 'method_not_supported' | 'idempotency_conflict', message: string) {
    super(code, message);
  }
}

export class PaymentNotFoundError extends PaymentError {
  constructor(
    readonly reference: string,
    hint = '',
  ) {
    super('payment_not_found', `No payment ${reference} at this provider.${hint ? ` ${hint}` : ''}`);
  }
}

export type PaymentStateCode =
  'payment_voided' | 'payment_already_captured' | 'payment_not_captured' | 'capture_exceeds_authorized' | 'refund_exceeds_captured';

/** The payment is not in a state that allows this (capturing a voided hold, refunding too much). */
export class PaymentStateError extends PaymentError {
  constructor(code: PaymentStateCode, message: string) {
    super(code, message);
  }
}

/** Deployment mistake (PAYMENT_PROVIDER names no registered provider): fails at startup, in English. */
export class PaymentConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PaymentConfigError';
  }
}
