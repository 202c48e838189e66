/**
 * The payment provider contract, shaped like a card processor's manual-capture flow (Stripe
 * PaymentIntents with capture_method=manual, Adyen authorise/capture/cancel/refund):
 *
 *   authorize  holds the amount on the shopper's card (or, at pickup, only promises it);
 *   capture    takes the held money, once, for at most the authorized amount;
 *   void       lets the hold go when the order could not be placed;
 *   refund     sends captured money back, in one or several parts.
 *
 * Order code depends on this file only, so a real provider plugs in through
 * registerPaymentProvider (lib/payments/index.ts) without touching it.
 *
 * How a Stripe provider would implement it (stripe-node or plain fetch, no dependency here):
 * - It accepts `{ kind: 'token' }` only. Stripe's Payment Element runs in the browser, creates a
 *   PaymentMethod (`pm_…`) and the form posts just that id: card numbers never reach our server,
 *   which keeps the shop out of PCI DSS scope beyond SAQ A.
 * - authorize → POST /v1/payment_intents { amount: amountCents, currency: 'eur',
 *   payment_method: token, capture_method: 'manual', confirm: true, description,
 *   metadata: { customerRef } } with the header `Idempotency-Key: idempotencyKey`.
 *   status 'requires_capture' → { status: 'authorized', reference: pi.id,
 *   last4/brand: pi.payment_method.card }. A `card_error` → { status: 'declined',
 *   code: err.decline_code ?? err.code, message: err.message }. api_connection_error, api_error,
 *   rate_limit_error and timeouts → throw PaymentUnavailableError. (3-D Secure, status
 *   'requires_action', would add a third AuthorizeResult variant carrying the client secret.)
 * - capture → POST /v1/payment_intents/{reference}/capture { amount_to_capture } + Idempotency-Key.
 * - void    → POST /v1/payment_intents/{reference}/cancel (already canceled → success).
 * - refund  → POST /v1/refunds { payment_intent: reference, amount } + Idempotency-Key.
 * - Stripe's invalid_request_error on a state clash (capturing a canceled intent, refunding more
 *   than captured) → throw PaymentStateError; resource_missing → PaymentNotFoundError.
 */

export type Currency = 'EUR';

/** Raw card details: only the built-in test provider takes these. */
export type CardMethodInput = {
  kind: 'card';
  /** Digits only (the form schema strips spaces and dashes). */
  number: string;
  /** 1–12. */
  expMonth: number;
  /** Four digits. */
  expYear: number;
  cvc: string;
  holder: string;
};

/** A reference to a card collected by the provider's own hosted fields (Stripe `pm_…`). */
export type TokenMethodInput = { kind: 'token'; token: string };

/** Nothing to collect now: the shop takes payment when the order is handed over. */
export type AtPickupMethodInput = { kind: 'at_pickup' };

export type PaymentMethodInput = CardMethodInput | TokenMethodInput | AtPickupMethodInput;
export type PaymentMethodKind = PaymentMethodInput['kind'];

export type CardBrand = 'visa' | 'mastercard' | 'amex' | 'unknown';

export type AuthorizeRequest = {
  /** A positive whole number of cents. */
  amountCents: number;
  currency: Currency;
  method: PaymentMethodInput;
  /**
   * One payment attempt. Repeating the call with the same key and the same request returns the
   * first answer (a double-submitted form charges once); the same key with another amount or
   * another card throws PaymentRequestError('idempotency_conflict').
   */
  idempotencyKey: string;
  /** Shown on the provider's dashboard and, for some, on the bank statement. */
  description: string;
  /** Our customer id (or the anonymous cart id): lets the provider link payments of one shopper. */
  customerRef: string;
};

/**
 * Known decline codes (Stripe's names). A real provider may return others: show them through
 * declineMessageKey (lib/payments/messages.ts), which falls back to a generic refusal.
 */
export type KnownDeclineCode =
  | 'card_declined'
  | 'insufficient_funds'
  | 'expired_card'
  | 'incorrect_cvc'
  | 'incorrect_number'
  | 'invalid_expiry'
  | 'invalid_cvc'
  | 'card_not_supported_in_test_mode';
export type DeclineCode = KnownDeclineCode | (string & {});

export type Authorization = {
  status: 'authorized';
  /** The provider's id for this payment: keep it in the order's payment ledger. */
  reference: string;
  last4?: string;
  brand?: CardBrand;
};

/** A refusal is an answer, not an exception: nothing is held, the shopper may try another card. */
export type Decline = {
  status: 'declined';
  code: DeclineCode;
  /** English fallback; show the shopper declineMessage(code, texts) instead. */
  message: string;
};

export type AuthorizeResult = Authorization | Decline;

export type CaptureResult = { reference: string; capturedCents: number };
export type VoidResult = { reference: string; voided: true };
export type RefundResult = {
  reference: string;
  /** Id of this refund at the provider (one payment may have several). */
  refundId: string;
  refundedCents: number;
  /** All refunds of this payment so far, this one included. */
  totalRefundedCents: number;
};

export interface PaymentProvider {
  /** Stable id, stored in the payment ledger so later captures and refunds find this provider. */
  readonly id: string;
  /** True when no real money moves: the checkout shows a "test mode" banner. */
  readonly testMode: boolean;
  readonly methods: readonly PaymentMethodKind[];
  /**
   * 'online': capture right after the order commits. 'at_handover': the shop takes the money at
   * the counter or the drive bay, so capture when staff hand the order over.
   */
  readonly settlement: 'online' | 'at_handover';

  /**
   * Declines resolve as { status: 'declined' }. Throws PaymentUnavailableError when the provider
   * cannot answer (nothing may be assumed held: retry with the same key), PaymentRequestError for
   * a call the provider refuses (bad amount, method it does not take, idempotency conflict).
   */
  authorize(request: AuthorizeRequest): Promise<AuthorizeResult>;
  /** At most the authorized amount, once; the rest of the hold is released. */
  capture(reference: string, amountCents: number, idempotencyKey: string): Promise<CaptureResult>;
  /** Releases an uncaptured authorization. Voiding twice is fine; voiding a captured one throws. */
  void(reference: string): Promise<VoidResult>;
  /** Part or all of what was captured and not yet refunded. */
  refund(reference: string, amountCents: number, idempotencyKey: string): Promise<RefundResult>;
}
