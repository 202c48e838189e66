import { randomBytes } from 'node:crypto';
import { PaymentRequestError } from './errors';

/*
 * Process-memory bookkeeping for the built-in providers. Real providers keep this on their side;
 * ours live in one process, so a restart forgets them (the order's payment ledger in lib/orders
 * remains the record of what happened).
 */

/** Entries kept per map before the oldest are dropped, so a long-running test shop stays bounded. */
const MAX_ENTRIES = 100_000;

export function remember<K, V>(map: Map<K, V>, key: K, value: V): V {
  map.delete(key);
  map.set(key, value);
  if (map.size > MAX_ENTRIES) {
    const oldest = map.keys().next();
    if (!oldest.done) map.delete(oldest.value);
  }
  return value;
}

/** `test_pi_3f9c…`: unguessable, and says at a glance which provider issued it. */
export function newReference(prefix: string): string {
  return `${prefix}${randomBytes(12).toString('hex')}`;
}

export type IdempotentEntry = { fingerprint: string; result: unknown };

/**
 * Same key and same request → the first result again; same key, other request → refused, as
 * Stripe does (replaying a decline for a new card, or a capture for another amount, would lie).
 */
export function replayOrRun<T>(keys: Map<string, IdempotentEntry>, key: string, fingerprint: string, run: () => T): T {
  if (!key) throw new PaymentRequestError('idempotency_conflict', 'An idempotency key is required.');
  const seen = keys.get(key);
  if (seen) {
    if (seen.fingerprint !== fingerprint) {
      throw new PaymentRequestError('idempotency_conflict', `Idempotency key "${key}" was already used for a different request.`);
    }
    return seen.result as T;
  }
  // run() may throw (an outage): nothing is remembered, so a retry with the same key runs again.
  const result = run();
  remember(keys, key, { fingerprint, result });
  return result;
}

/** Whole cents, at least 1, at most €999,999.99 (Stripe's ceiling for EUR). */
export function assertAmount(amountCents: number, what = 'amount'): void {
  if (!Number.isSafeInteger(amountCents) || amountCents < 1 || amountCents > 99_999_999) {
    throw new PaymentRequestError('invalid_amount', `The ${what} must be a whole number of cents from 1 to 99999999 (got ${amountCents}).`);
  }
}
