import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '@/test/support/db';
import { getDictionary } from '@/lib/i18n/dictionary';
import { passesLuhn } from './card-number';
import {
  checkPaymentConfig,
  getPaymentProvider,
  getPaymentProviderById,
  PaymentConfigError,
  PaymentNotFoundError,
  PaymentRequestError,
  PaymentStateError,
  PaymentUnavailableError,
  registerPaymentProvider,
} from './index';
import { declinedCheckoutMessage, declineMessage, paymentErrorMessage } from './messages';
import { createPayAtPickupProvider } from './pay-at-pickup';
import { TEST_CARDS } from './test-cards';
import { createTestProvider } from './test-provider';
import { createDatabaseTestProviderStore } from './test-provider-books';
import type { AuthorizeRequest, CardMethodInput, PaymentProvider } from './types';

const NOW = new Date('2026-03-15T12:00:00Z');
let keyCounter = 0;
const key = (label = 'k') => `${label}-${++keyCounter}`;

function card(number: string, overrides: Partial<CardMethodInput> = {}): CardMethodInput {
  return { kind: 'card', number, expMonth: 12, expYear: 2029, cvc: '123', holder: 'Test Shopper', ...overrides };
}

function request(method: AuthorizeRequest['method'], overrides: Partial<AuthorizeRequest> = {}): AuthorizeRequest {
  return { amountCents: 4990, currency: 'EUR', method, idempotencyKey: key('auth'), description: 'Order C-1', customerRef: 'cust-1', ...overrides };
}

function provider(): PaymentProvider {
  return createTestProvider({ now: () => NOW });
}

async function authorized(p: PaymentProvider, amountCents = 4990): Promise<string> {
  const result = await p.authorize(request(card('4242424242424242'), { amountCents }));
  if (result.status !== 'authorized') throw new Error(`expected an authorization, got ${result.code}`);
  return result.reference;
}

describe('test provider: documented cards', () => {
  it('every documented card passes the Luhn check', () => {
    for (const c of TEST_CARDS) expect(passesLuhn(c.number), c.number).toBe(true);
  });

  it.each([
    ['4242424242424242', 'visa', '4242'],
    ['5555555555554444', 'mastercard', '4444'],
  ])('%s is authorized (%s)', async (number, brand, last4) => {
    const result = await provider().authorize(request(card(number)));
    expect(result).toMatchObject({ status: 'authorized', brand, last4 });
    expect(result.status === 'authorized' && result.reference).toMatch(/^test_pi_[0-9a-f]{24}$/);
  });

  it.each([
    ['4000000000000002', 'card_declined'],
    ['4000000000009995', 'insufficient_funds'],
    ['4000000000000069', 'expired_card'],
    ['4000000000000127', 'incorrect_cvc'],
    ['4111111111111111', 'card_not_supported_in_test_mode'],
    ['378282246310005', 'card_not_supported_in_test_mode'],
  ])('%s is declined with %s', async (number, code) => {
    const result = await provider().authorize(request(card(number)));
    expect(result).toMatchObject({ status: 'declined', code });
    expect(result.status === 'declined' && result.message).toBeTruthy();
  });

  it('4000 0000 0000 0119 throws PaymentUnavailableError, and a retry with the same key runs again', async () => {
    const p = provider();
    const req = request(card('4000000000000119'));
    await expect(p.authorize(req)).rejects.toBeInstanceOf(PaymentUnavailableError);
    await expect(p.authorize(req)).rejects.toMatchObject({ code: 'payment_unavailable', providerId: 'test' });
  });

  it('takes digits only: the form schema strips the spaces', async () => {
    const result = await provider().authorize(request(card('4242 4242 4242 4242')));
    expect(result).toMatchObject({ status: 'declined', code: 'incorrect_number' });
  });
});

describe('test provider: card checks', () => {
  it.each(['4242424242424241', '4000000000000001', '1234', '42424242424242424242', ''])('declines %s as incorrect_number (Luhn/length)', async (n) => {
    expect(await provider().authorize(request(card(n)))).toMatchObject({ status: 'declined', code: 'incorrect_number' });
  });

  it('declines a past expiry, accepts the current month', async () => {
    const p = provider();
    expect(await p.authorize(request(card('4242424242424242', { expMonth: 2, expYear: 2026 })))).toMatchObject({ code: 'expired_card' });
    expect(await p.authorize(request(card('4242424242424242', { expMonth: 12, expYear: 2025 })))).toMatchObject({ code: 'expired_card' });
    expect(await p.authorize(request(card('4242424242424242', { expMonth: 3, expYear: 2026 })))).toMatchObject({ status: 'authorized' });
  });

  it('follows its clock', async () => {
    const later = createTestProvider({ now: () => new Date('2030-01-01T00:00:00Z') });
    expect(await later.authorize(request(card('4242424242424242', { expMonth: 12, expYear: 2029 })))).toMatchObject({ code: 'expired_card' });
  });

  it.each([0, 13, 1.5])('declines month %s as invalid_expiry', async (expMonth) => {
    expect(await provider().authorize(request(card('4242424242424242', { expMonth })))).toMatchObject({ code: 'invalid_expiry' });
  });

  it.each(['12', '12345', '12a', ''])('declines CVC "%s" as invalid_cvc; 3 and 4 digits pass', async (cvc) => {
    const p = provider();
    expect(await p.authorize(request(card('4242424242424242', { cvc })))).toMatchObject({ code: 'invalid_cvc' });
    expect(await p.authorize(request(card('4242424242424242', { cvc: '1234' })))).toMatchObject({ status: 'authorized' });
  });

  it('refuses a bad amount or a method it does not take', async () => {
    const p = provider();
    for (const amountCents of [0, -1, 12.5, 100_000_000]) {
      await expect(p.authorize(request(card('4242424242424242'), { amountCents }))).rejects.toMatchObject({ code: 'invalid_amount' });
    }
    await expect(p.authorize(request({ kind: 'token', token: 'pm_123' }))).rejects.toMatchObject({ code: 'method_not_supported' });
    await expect(p.authorize(request({ kind: 'at_pickup' }))).rejects.toBeInstanceOf(PaymentRequestError);
  });
});

describe('test provider: idempotency', () => {
  it('same key and request → the same authorization', async () => {
    const p = provider();
    const req = request(card('4242424242424242'));
    const first = await p.authorize(req);
    expect(await p.authorize({ ...req })).toEqual(first);
  });

  it('same key and request → the same decline', async () => {
    const p = provider();
    const req = request(card('4000000000000002'));
    expect(await p.authorize(req)).toEqual(await p.authorize(req));
  });

  it('same key, another amount or another card → idempotency_conflict', async () => {
    const p = provider();
    const req = request(card('4000000000000002'));
    await p.authorize(req);
    await expect(p.authorize({ ...req, amountCents: 5000 })).rejects.toMatchObject({ code: 'idempotency_conflict' });
    await expect(p.authorize({ ...req, method: card('4242424242424242') })).rejects.toMatchObject({ code: 'idempotency_conflict' });
  });

  it('different keys → different authorizations', async () => {
    const p = provider();
    expect(await authorized(p)).not.toBe(await authorized(p));
  });

  it('capture and refund replay by key', async () => {
    const p = provider();
    const ref = await authorized(p);
    const captureKey = key('cap');
    const captured = await p.capture(ref, 4990, captureKey);
    expect(await p.capture(ref, 4990, captureKey)).toEqual(captured);
    await expect(p.capture(ref, 4000, captureKey)).rejects.toMatchObject({ code: 'idempotency_conflict' });
    const refundKey = key('ref');
    const refund = await p.refund(ref, 1000, refundKey);
    expect(await p.refund(ref, 1000, refundKey)).toEqual(refund);
    expect(refund.totalRefundedCents).toBe(1000);
  });
});

describe('test provider: capture, void, refund', () => {
  it('captures up to the authorized amount, once', async () => {
    const p = provider();
    const ref = await authorized(p, 5000);
    await expect(p.capture(ref, 5001, key())).rejects.toMatchObject({ code: 'capture_exceeds_authorized' });
    expect(await p.capture(ref, 4500, key())).toEqual({ reference: ref, capturedCents: 4500 });
    await expect(p.capture(ref, 500, key())).rejects.toMatchObject({ code: 'payment_already_captured' });
  });

  it('voids an authorization; a voided one cannot be captured; voiding twice is fine', async () => {
    const p = provider();
    const ref = await authorized(p);
    expect(await p.void(ref)).toEqual({ reference: ref, voided: true });
    expect(await p.void(ref)).toEqual({ reference: ref, voided: true });
    await expect(p.capture(ref, 4990, key())).rejects.toBeInstanceOf(PaymentStateError);
    await expect(p.capture(ref, 4990, key())).rejects.toMatchObject({ code: 'payment_voided' });
  });

  it('cannot void a captured payment, nor refund an uncaptured one', async () => {
    const p = provider();
    const ref = await authorized(p);
    await expect(p.refund(ref, 100, key())).rejects.toMatchObject({ code: 'payment_not_captured' });
    await p.capture(ref, 4990, key());
    await expect(p.void(ref)).rejects.toMatchObject({ code: 'payment_already_captured' });
  });

  it('refunds in parts, never more than captured', async () => {
    const p = provider();
    const ref = await authorized(p, 5000);
    await p.capture(ref, 4000, key());
    expect(await p.refund(ref, 1500, key())).toMatchObject({ refundedCents: 1500, totalRefundedCents: 1500 });
    await expect(p.refund(ref, 2501, key())).rejects.toMatchObject({ code: 'refund_exceeds_captured' });
    const last = await p.refund(ref, 2500, key());
    expect(last).toMatchObject({ refundedCents: 2500, totalRefundedCents: 4000 });
    expect(last.refundId).toMatch(/^test_re_/);
    await expect(p.refund(ref, 1, key())).rejects.toMatchObject({ code: 'refund_exceeds_captured' });
  });

  it('an unknown reference is PaymentNotFoundError', async () => {
    const p = provider();
    await expect(p.capture('test_pi_nope', 100, key())).rejects.toBeInstanceOf(PaymentNotFoundError);
    await expect(p.void('test_pi_nope')).rejects.toBeInstanceOf(PaymentNotFoundError);
    await expect(p.refund('test_pi_nope', 100, key())).rejects.toBeInstanceOf(PaymentNotFoundError);
  });

  it('two providers sharing nothing do not see each other’s payments', async () => {
    const ref = await authorized(provider());
    await expect(provider().capture(ref, 4990, key())).rejects.toBeInstanceOf(PaymentNotFoundError);
  });
});

describe('pay at pickup', () => {
  it('authorizes without details and moves no money', async () => {
    const p = createPayAtPickupProvider();
    expect(p).toMatchObject({ id: 'at_pickup', testMode: false, settlement: 'at_handover', methods: ['at_pickup'] });
    const req = request({ kind: 'at_pickup' });
    const result = await p.authorize(req);
    expect(result).toMatchObject({ status: 'authorized' });
    expect(result.status === 'authorized' && result.reference).toMatch(/^pickup_/);
    expect(await p.authorize(req)).toEqual(result);
    await expect(p.authorize(request(card('4242424242424242')))).rejects.toMatchObject({ code: 'method_not_supported' });
  });

  it('capture at handover is recorded; transitions are checked for what it has seen', async () => {
    const p = createPayAtPickupProvider();
    const auth = await p.authorize(request({ kind: 'at_pickup' }, { amountCents: 3000 }));
    if (auth.status !== 'authorized') throw new Error('expected an authorization');
    const captureKey = key();
    expect(await p.capture(auth.reference, 3000, captureKey)).toEqual({ reference: auth.reference, capturedCents: 3000 });
    expect(await p.capture(auth.reference, 3000, captureKey)).toEqual({ reference: auth.reference, capturedCents: 3000 });
    await expect(p.capture(auth.reference, 3000, key())).rejects.toMatchObject({ code: 'payment_already_captured' });
    await expect(p.void(auth.reference)).rejects.toMatchObject({ code: 'payment_already_captured' });
    await expect(p.refund(auth.reference, 3001, key())).rejects.toMatchObject({ code: 'refund_exceeds_captured' });
    expect(await p.refund(auth.reference, 3000, key())).toMatchObject({ totalRefundedCents: 3000 });
  });

  it('a voided promise cannot be captured; an unknown reference (made before a restart) is accepted', async () => {
    const p = createPayAtPickupProvider();
    const auth = await p.authorize(request({ kind: 'at_pickup' }));
    if (auth.status !== 'authorized') throw new Error('expected an authorization');
    await p.void(auth.reference);
    await expect(p.capture(auth.reference, 4990, key())).rejects.toMatchObject({ code: 'payment_voided' });
    expect(await p.capture('pickup_from_before', 1200, key())).toEqual({ reference: 'pickup_from_before', capturedCents: 1200 });
  });
});

describe('registry and configuration', () => {
  it('card → the test provider by default; at_pickup → pay at pickup', () => {
    expect(getPaymentProvider('card', {})).toMatchObject({ id: 'test', testMode: true, settlement: 'online' });
    expect(getPaymentProvider('card', { PAYMENT_PROVIDER: '' })).toMatchObject({ id: 'test' });
    expect(getPaymentProvider('card', { PAYMENT_PROVIDER: 'test' })).toBe(getPaymentProvider('card', {}));
    expect(getPaymentProvider('at_pickup', { PAYMENT_PROVIDER: 'test' })).toMatchObject({ id: 'at_pickup' });
  });

  it('reads process.env when not given an environment', () => {
    const saved = process.env.PAYMENT_PROVIDER;
    try {
      process.env.PAYMENT_PROVIDER = 'nope';
      expect(() => getPaymentProvider('card')).toThrow(PaymentConfigError);
    } finally {
      if (saved === undefined) delete process.env.PAYMENT_PROVIDER;
      else process.env.PAYMENT_PROVIDER = saved;
    }
  });

  it('an unknown PAYMENT_PROVIDER is a startup error naming the variable', () => {
    expect(() => checkPaymentConfig({ PAYMENT_PROVIDER: 'strpe' })).toThrow(PaymentConfigError);
    expect(() => checkPaymentConfig({ PAYMENT_PROVIDER: 'strpe' })).toThrow(/PAYMENT_PROVIDER="strpe".*test/);
    expect(() => checkPaymentConfig({ PAYMENT_PROVIDER: 'at_pickup' })).toThrow(/cannot take card payments/);
    expect(() => checkPaymentConfig({})).not.toThrow();
  });

  it('a registered provider plugs in by configuration, built once', async () => {
    let built = 0;
    registerPaymentProvider('fakepsp', () => {
      built++;
      return { ...createTestProvider(), id: 'fakepsp', testMode: false, methods: ['token'] };
    });
    const p = getPaymentProvider('card', { PAYMENT_PROVIDER: 'fakepsp' });
    expect(p).toMatchObject({ id: 'fakepsp', testMode: false });
    expect(getPaymentProviderById('fakepsp')).toBe(p);
    expect(built).toBe(1);
    // Re-registering (a module reload) replaces it.
    registerPaymentProvider('fakepsp', () => ({ ...createTestProvider(), id: 'fakepsp', testMode: false, methods: ['token'] }));
    expect(getPaymentProviderById('fakepsp')).not.toBe(p);
  });

  it('refuses a malformed id, a provider whose id differs, and an unknown id', () => {
    expect(() => registerPaymentProvider('Stripe!', createTestProvider)).toThrow(PaymentConfigError);
    registerPaymentProvider('liar', createTestProvider);
    expect(() => getPaymentProviderById('liar')).toThrow(/calls itself "test"/);
    expect(() => getPaymentProviderById('ghost')).toThrow(PaymentConfigError);
  });

  it('the shared test provider keeps its payments in its own tables: a new instance (a restart) captures them', async () => {
    const conn = await useTestDatabase();
    try {
      const ref = await authorized(getPaymentProvider('card', {}));
      const afterRestart = createTestProvider({ store: createDatabaseTestProviderStore() });
      const captureKey = key();
      expect(await afterRestart.capture(ref, 4990, captureKey)).toMatchObject({ capturedCents: 4990 });
      // Its idempotency keys too: the same capture replays; the books hold no card data.
      expect(await getPaymentProviderById('test').capture(ref, 4990, captureKey)).toMatchObject({ capturedCents: 4990 });
      await expect(afterRestart.capture(ref, 4990, key())).rejects.toMatchObject({ code: 'payment_already_captured' });
      const keys = await conn.db.execute<{ fingerprint: string; result: unknown }>(sql`SELECT fingerprint, result FROM test_provider_keys`);
      expect(JSON.stringify(keys.rows)).not.toContain('4242424242424242');
    } finally {
      await conn.drop();
    }
  });
});

describe('messages', () => {
  const fr = getDictionary('fr').payments;
  const en = getDictionary('en').payments;

  it('every test card outcome and decline code has a text in both languages', () => {
    for (const texts of [fr, en]) {
      for (const c of TEST_CARDS) expect(texts[`testOutcome_${c.outcome}`]).toBeTruthy();
    }
    expect(declineMessage('insufficient_funds', en)).toMatch(/insufficient funds/);
    expect(declineMessage('insufficient_funds', fr)).toMatch(/solde/);
    expect(declineMessage('card_not_supported_in_test_mode', en)).toMatch(/test mode/i);
  });

  it('an unknown code falls back to the generic refusal', () => {
    expect(declineMessage('do_not_honor', en)).toBe(en.decline_generic);
    expect(declineMessage('toString', en)).toBe(en.decline_generic);
  });

  it('says nothing was charged, and names an outage', () => {
    expect(declinedCheckoutMessage('card_declined', en)).toBe(`${en.decline_card_declined} ${en.nothingCharged}`);
    expect(paymentErrorMessage(new PaymentUnavailableError('test'), fr)).toBe(fr.unavailable);
    expect(paymentErrorMessage(new Error('boom'), fr)).toBeUndefined();
  });
});
