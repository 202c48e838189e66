import { createHash } from 'node:crypto';
import { isCardExpired, passesLuhn } from './card-number';
import { PaymentNotFoundError, PaymentRequestError, PaymentStateError, PaymentUnavailableError } from './errors';
import { assertAmount, newReference, remember, replayOrRun, type IdempotentEntry } from './memory';
import { findTestCard } from './test-cards';
import type { AuthorizeRequest, AuthorizeResult, CaptureResult, Decline, PaymentProvider, RefundResult, VoidResult } from './types';

/*
 * The built-in test provider: no money moves, the documented cards (test-cards.ts) decide the
 * outcome, and it keeps the same rules a real processor does (idempotency keys, capture once and
 * no more than authorized, no refund beyond what was captured), so order code written against it
 * behaves the same with Stripe.
 *
 * Its state lives in process memory: fine for development, tests and a demo shop on one process;
 * a restart forgets authorizations, after which capturing or refunding them throws
 * PaymentNotFoundError.
 */

type TestPayment = {
  amountCents: number;
  state: 'authorized' | 'captured' | 'voided';
  capturedCents: number;
  refundedCents: number;
};

export type TestProviderStore = { payments: Map<string, TestPayment>; keys: Map<string, IdempotentEntry> };

export function createTestProviderStore(): TestProviderStore {
  return { payments: new Map(), keys: new Map() };
}

export type TestProviderOptions = {
  /** The clock card expiry is checked against. */
  now?: () => Date;
  /** Shared state, so a dev-server module reload keeps the authorizations made before it. */
  store?: TestProviderStore;
};

export const TEST_PROVIDER_ID = 'test';

export function createTestProvider({ now = () => new Date(), store = createTestProviderStore() }: TestProviderOptions = {}): PaymentProvider {
  const { payments, keys } = store;

  function find(reference: string): TestPayment {
    const payment = payments.get(reference);
    if (!payment) throw new PaymentNotFoundError(reference, 'The test provider keeps payments in memory; a restart forgets them.');
    return payment;
  }

  function authorize(request: AuthorizeRequest): AuthorizeResult {
    assertAmount(request.amountCents);
    const { method } = request;
    if (method.kind !== 'card') {
      throw new PaymentRequestError('method_not_supported', `The test provider takes card details, not "${method.kind}".`);
    }
    const decline = checkCard(method.number, method.expMonth, method.expYear, method.cvc, now());
    if (decline) return decline;
    const card = findTestCard(method.number);
    if (!card) return declined('card_not_supported_in_test_mode', 'Test mode accepts only the documented test cards.');
    switch (card.outcome) {
      case 'success': {
        const reference = newReference('test_pi_');
        remember(payments, reference, { amountCents: request.amountCents, state: 'authorized', capturedCents: 0, refundedCents: 0 });
        return { status: 'authorized', reference, last4: method.number.slice(-4), brand: card.brand };
      }
      case 'processing_error':
        throw new PaymentUnavailableError(TEST_PROVIDER_ID, { cause: new Error('Test card 4000 0000 0000 0119: simulated processing error.') });
      default:
        return declined(card.outcome, DECLINE_FALLBACKS[card.outcome]);
    }
  }

  function capture(reference: string, amountCents: number): CaptureResult {
    assertAmount(amountCents, 'capture amount');
    const payment = find(reference);
    if (payment.state === 'voided') throw new PaymentStateError('payment_voided', `Payment ${reference} was voided; it cannot be captured.`);
    if (payment.state === 'captured') throw new PaymentStateError('payment_already_captured', `Payment ${reference} was already captured.`);
    if (amountCents > payment.amountCents) {
      throw new PaymentStateError('capture_exceeds_authorized', `Cannot capture ${amountCents} cents: ${payment.amountCents} were authorized.`);
    }
    payment.state = 'captured';
    payment.capturedCents = amountCents;
    return { reference, capturedCents: amountCents };
  }

  function voidPayment(reference: string): VoidResult {
    const payment = find(reference);
    if (payment.state === 'captured') throw new PaymentStateError('payment_already_captured', `Payment ${reference} was captured: refund it instead.`);
    payment.state = 'voided';
    return { reference, voided: true };
  }

  function refund(reference: string, amountCents: number): RefundResult {
    assertAmount(amountCents, 'refund amount');
    const payment = find(reference);
    if (payment.state !== 'captured') throw new PaymentStateError('payment_not_captured', `Payment ${reference} was not captured; void it instead.`);
    const left = payment.capturedCents - payment.refundedCents;
    if (amountCents > left) {
      throw new PaymentStateError('refund_exceeds_captured', `Cannot refund ${amountCents} cents: ${left} of ${payment.capturedCents} remain.`);
    }
    payment.refundedCents += amountCents;
    return { reference, refundId: newReference('test_re_'), refundedCents: amountCents, totalRefundedCents: payment.refundedCents };
  }

  // Work is synchronous, so two calls with one key cannot interleave between check and record.
  return {
    id: TEST_PROVIDER_ID,
    testMode: true,
    methods: ['card'],
    settlement: 'online',
    authorize: async (request) =>
      replayOrRun(keys, request.idempotencyKey, authorizeFingerprint(request), () => authorize(request)),
    capture: async (reference, amountCents, idempotencyKey) =>
      replayOrRun(keys, idempotencyKey, `capture:${reference}:${amountCents}`, () => capture(reference, amountCents)),
    void: async (reference) => voidPayment(reference),
    refund: async (reference, amountCents, idempotencyKey) =>
      replayOrRun(keys, idempotencyKey, `refund:${reference}:${amountCents}`, () => refund(reference, amountCents)),
  };
}

/** What makes two authorizations "the same request": amount and card (hashed, never kept in clear). */
function authorizeFingerprint({ amountCents, currency, method }: AuthorizeRequest): string {
  const card = method.kind === 'card' ? `${method.number}|${method.expMonth}/${method.expYear}|${method.cvc}` : method.kind;
  return `authorize:${amountCents}:${currency}:${createHash('sha256').update(card).digest('hex')}`;
}

/** What a processor checks before asking the issuer; the same checks as the form schema. */
function checkCard(number: string, expMonth: number, expYear: number, cvc: string, now: Date): Decline | null {
  if (!passesLuhn(number)) return declined('incorrect_number', 'The card number is incorrect.');
  if (!Number.isInteger(expMonth) || expMonth < 1 || expMonth > 12 || !Number.isInteger(expYear) || expYear < 2000) {
    return declined('invalid_expiry', 'The expiry date is invalid.');
  }
  if (isCardExpired(expMonth, expYear, now)) return declined('expired_card', 'The card has expired.');
  if (!/^\d{3,4}$/.test(cvc)) return declined('invalid_cvc', 'The security code is invalid.');
  return null;
}

function declined(code: Decline['code'], message: string): Decline {
  return { status: 'declined', code, message };
}

const DECLINE_FALLBACKS = {
  card_declined: 'The card was declined.',
  insufficient_funds: 'The card has insufficient funds.',
  expired_card: 'The card has expired.',
  incorrect_cvc: 'The security code is incorrect.',
} as const;
