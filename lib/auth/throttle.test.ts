import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '@/lib/db/client';
import { onPostgres, useTestDatabase } from '@/lib/db/testing';
import { accountKey, beginSignIn, clientAddress, minutesUntil, SIGN_IN_LIMITS, SignInThrottledError, signInSucceeded, trimSignInAttempts } from './throttle';

let conn: Awaited<ReturnType<typeof useTestDatabase>>;
beforeAll(async () => {
  conn = await useTestDatabase();
});
afterAll(async () => conn?.drop());

async function outcome(email: string, address: string): Promise<'turn' | 'account' | 'address'> {
  try {
    await beginSignIn(email, address);
    return 'turn';
  } catch (err) {
    if (err instanceof SignInThrottledError) return err.limitedBy;
    throw err;
  }
}

describe('sign-in throttle', () => {
  it('gives 10 turns to an account in the window, then refuses with when to come back', async () => {
    for (let i = 0; i < SIGN_IN_LIMITS.perAccount; i++) expect(await outcome('Ana@Example.com', '10.0.0.1')).toBe('turn');
    const err = await beginSignIn(' ana@example.COM ', '10.0.0.2').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SignInThrottledError);
    const throttled = err as SignInThrottledError;
    expect(throttled.limitedBy).toBe('account');
    expect(throttled.code).toBe('throttled');
    expect(minutesUntil(throttled.retryAt)).toBe(15);
    // The refusal wrote nothing: still exactly ten attempts on record.
    const [row] = await queryRows<{ n: number }>('SELECT count(*)::int AS n FROM sign_in_attempts WHERE account = $1', [accountKey('ana@example.com')]);
    expect(row!.n).toBe(SIGN_IN_LIMITS.perAccount);
    // Another account from the same address is not affected.
    expect(await outcome('bob@example.com', '10.0.0.1')).toBe('turn');
  });

  it('a success clears its account failures', async () => {
    for (let i = 0; i < SIGN_IN_LIMITS.perAccount - 1; i++) await beginSignIn('cleo@example.com', '10.0.1.1');
    const turn = await beginSignIn('cleo@example.com', '10.0.1.1');
    await signInSucceeded(turn);
    for (let i = 0; i < SIGN_IN_LIMITS.perAccount; i++) expect(await outcome('cleo@example.com', '10.0.1.1')).toBe('turn');
    expect(await outcome('cleo@example.com', '10.0.1.1')).toBe('account');
  });

  it('limits one address across many accounts (credential stuffing)', async () => {
    for (let i = 0; i < SIGN_IN_LIMITS.perAddress; i++) expect(await outcome(`user${i}@example.com`, '192.0.2.9')).toBe('turn');
    expect(await outcome('someone-new@example.com', '192.0.2.9')).toBe('address');
    expect(await outcome('someone-new@example.com', '192.0.2.10')).toBe('turn');
  });

  it('forgets attempts once the window has passed', async () => {
    await queryRows(`UPDATE sign_in_attempts SET attempted_at = attempted_at - interval '16 minutes' WHERE account = $1`, [accountKey('ana@example.com')]);
    expect(await outcome('ana@example.com', '10.0.0.3')).toBe('turn');
    expect(await trimSignInAttempts()).toBe(SIGN_IN_LIMITS.perAccount);
  });

  it('reads the address a load balancer appended, not one a client typed', () => {
    expect(clientAddress(new Headers({ 'x-forwarded-for': '6.6.6.6, 203.0.113.7' }))).toBe('203.0.113.7');
    expect(clientAddress(new Headers({ 'x-real-ip': '203.0.113.8' }))).toBe('203.0.113.8');
    expect(clientAddress(undefined)).toBe('unknown');
  });

  it.runIf(onPostgres)('PostgreSQL: 40 attempts at once on one account get exactly 10 turns — five rounds', async () => {
    for (let round = 0; round < 5; round++) {
      const email = `race${round}@example.com`;
      const results = await Promise.all(Array.from({ length: 40 }, (_, i) => outcome(email, `198.51.100.${i}`)));
      expect(results.filter((r) => r === 'turn')).toHaveLength(SIGN_IN_LIMITS.perAccount);
      expect(results.filter((r) => r === 'account')).toHaveLength(40 - SIGN_IN_LIMITS.perAccount);
    }
  });
});
