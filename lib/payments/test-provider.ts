import { createHash } from 'node:crypto';
import { isCardExpired, passesLuhn } from './card-number';
import { PaymentNotFoundError, PaymentRequestError, PaymentStateError, PaymentUnavailableError } from './errors';
import { assertAmount, newReference, remember, type IdempotentEntry } from './memory';
import { findTestCard } from './test-cards';
import type { AuthorizeRequest, AuthorizeResult, CaptureResult, Decline, PaymentProvider, RefundResult, VoidResult } from './types';

/*
 * The built-in test provider: no money moves, the documented cards (test-cards.ts) decide the
 * outcome, and it keeps the same rules a real processor does (idempotency keys, capture once and
 * no more than authorized, no refund beyond what was captured), so order code written against it
 * behaves the same with Stripe.
 *
 * Its books (payments and idempotency keys) live where a real provider keeps them, on its side:
 * the server registers it with its own tables (test-provider-books.ts), so an authorization
 * outlives a restart and every server of a fleet sees it. Built without a store (unit tests), it
 * keeps them in memory.
 */

export type TestPayment = {
  amountCents: number;
  state: 'authorized' | 'captured' | 'voided';
  capturedCents: number;
  refundedCents: number;
};

/** The provider's books, as seen inside one call. */
export type TestProviderBooks = {
  getPayment(reference: string): Promise<TestPayment | undefined>;
  putPayment(reference: string, payment: TestPayment): Promise<void>;
  getKey(key: string): Promise<IdempotentEntry | undefined>;
  putKey(key: string, entry: IdempotentEntry): Promise<void>;
};

/**
 * Where the books are kept. `atomically` runs one call: calls on the same lock (an idempotency
 * key, or a payment) never interleave, and a call that throws leaves nothing behind.
 */
export type TestProviderStore = { atomically<T>(lock: string, work: (books: TestProviderBooks) => Promise<T>): Promise<T> };

/** Books in process memory, one call at a time (unit tests; a restart forgets them). */
export function createTestProviderStore(): TestProviderStore {
  const payments = new Map<string, TestPayment>();
  const keys = new Map<string, IdempotentEntry>();
  let queue: Promise<unknown> = Promise.resolve();
  const books: TestProviderBooks = {
    getPayment: async (reference) => {
      const p = payments.get(reference);
      return p && { ...p };
    },
    putPayment: async (reference, payment) => void remember(payments, reference, { ...payment }),
    getKey: async (key) => keys.get(key),
    putKey: async (key, entry) => void remember(keys, key, entry),
  };
  return {
    atomically: <T>(_lock: string, work: (b: TestProviderBooks) => Promise<T>): Promise<T> => {
      // A call that throws has written nothing: every write comes after its last check.
      const run = queue.then(() => work(books));
      queue = run.catch(() => {});
      return run;
    },
  };
}

export type TestProviderOptions = {
  /** The clock card expiry is checked against. */
  now?: () => Date;
  /** Where the books are kept: in memory unless given (the server gives its database tables). */
  store?: TestProviderStore;
};

export const TEST_PROVIDER_ID = 'test';

export function createTestProvider({ now = () => new Date(), store = createTestProviderStore() }: TestProviderOptions = {}): PaymentProvider {
  async function find(books: TestProviderBooks, reference: string): Promise<TestPayment> {
    const payment = await books.getPayment(reference);
    if (!payment) throw new PaymentNotFoundError(reference);
    return payment;
  }

  async function authorize(books: TestProviderBooks, request: AuthorizeRequest): Promise<AuthorizeResult> {
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
        await books.putPayment(reference, { amountCents: request.amountCents, state: 'authorized', capturedCents: 0, refundedCents: 0 });
        return { status: 'authorized', reference, last4: method.number.slice(-4), brand: card.brand };
      }
      case 'processing_error':
        throw new PaymentUnavailableError(TEST_PROVIDER_ID, { cause: new Error('Test card 4000 0000 0000 0119: simulated processing error.') });
      default:
        return declined(card.outcome, DECLINE_FALLBACKS[card.outcome]);
    }
  }

  async function capture(books: TestProviderBooks, reference: string, amountCents: number): Promise<CaptureResult> {
    assertAmount(amountCents, 'capture amount');
    const payment = await find(books, reference);
    if (payment.state === 'voided') throw new PaymentStateError('payment_voided', `Payment ${reference} was voided; it cannot be captured.`);
    if (payment.state === 'captured') throw new PaymentStateError('payment_already_captured', `Payment ${reference} was already captured.`);
    if (amountCents > payment.amountCents) {
      throw new PaymentStateError('capture_exceeds_authorized', `Cannot capture ${amountCents} cents: ${payment.amountCents} were authorized.`);
    }
    await books.putPayment(reference, { ...payment, state: 'captured', capturedCents: amountCents });
    return { reference, capturedCents: amountCents };
  }

  async function voidPayment(books: TestProviderBooks, reference: string): Promise<VoidResult> {
    const payment = await find(books, reference);
    if (payment.state === 'captured') throw new PaymentStateError('payment_already_captured', `Payment ${reference} was captured: refund it instead.`);
    await books.putPayment(reference, { ...payment, state: 'voided' });
    return { reference, voided: true };
  }

  async function refund(books: TestProviderBooks, reference: string, amountCents: number): Promise<RefundResult> {
    assertAmount(amountCents, 'refund amount');
    const payment = await find(books, reference);
    if (payment.state !== 'captured') throw new PaymentStateError('payment_not_captured', `Payment ${reference} was not captured; void it instead.`);
    const left = payment.capturedCents - payment.refundedCents;
    if (amountCents > left) {
      throw new PaymentStateError('refund_exceeds_captured', `Cannot refund ${amountCents} cents: ${left} of ${payment.capturedCents} remain.`);
    }
    const refundedCents = payment.refundedCents + amountCents;
    await books.putPayment(reference, { ...payment, refundedCents });
    return { reference, refundId: newReference('test_re_'), refundedCents: amountCents, totalRefundedCents: refundedCents };
  }

  /** One keyed call: the same key and request replay the first answer; a call that throws records nothing. */
  const keyed = <T>(key: string, fingerprint: string, run: (books: TestProviderBooks) => Promise<T>): Promise<T> =>
    store.atomically(`key:${key}`, (books) => replayOrRun(books, key, fingerprint, () => run(books)));

  return {
    id: TEST_PROVIDER_ID,
    testMode: true,
    methods: ['card'],
    settlement: 'online',
    authorize: async (request) => keyed(request.idempotencyKey, authorizeFingerprint(request), (books) => authorize(books, request)),
    capture: async (reference, amountCents, idempotencyKey) =>
      keyed(idempotencyKey, `capture:${reference}:${amountCents}`, (books) => capture(books, reference, amountCents)),
    void: async (reference) => store.atomically(`payment:${reference}`, (books) => voidPayment(books, reference)),
    refund: async (reference, amountCents, idempotencyKey) =>
      keyed(idempotencyKey, `refund:${reference}:${amountCents}`, (books) => refund(books, reference, amountCents)),
  };
}

/** Same key and same request → the first result again; same key, other request → refused (memory.ts). */
async function replayOrRun<T>(books: TestProviderBooks, key: string, fingerprint: string, run: () => Promise<T>): Promise<T> {
  if (!key) throw new PaymentRequestError('idempotency_conflict', 'An idempotency key is required.');
  const seen = await books.getKey(key);
  if (seen) {
    if (seen.fingerprint !== fingerprint) {
      throw new PaymentRequestError('idempotency_conflict', `Idempotency key "${key}" was already used for a different request.`);
    }
    return seen.result as T;
  }
  const result = await run();
  await books.putKey(key, { fingerprint, result });
  return result;
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
