import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '@/lib/db/client';
import { onPostgres, useTestDatabase } from '@/test/support/db';
import { PEER_HEADER, setPeerStampInstalled, stampPeerAddress } from '@/lib/http/client-address';
import {
  accountKey,
  beginSignIn,
  clientAddress,
  minutesUntil,
  SIGN_IN_LIMITS,
  SignInThrottledError,
  signInSucceeded,
  trimSignInAttempts,
  waitText,
  type ThrottleRule,
} from './throttle';

let conn: Awaited<ReturnType<typeof useTestDatabase>>;
beforeAll(async () => {
  conn = await useTestDatabase();
});
afterAll(async () => {
  setPeerStampInstalled(false);
  await conn?.drop();
});

async function attempt(email: string, address: string): Promise<'turn' | ThrottleRule> {
  try {
    await beginSignIn(email, address);
    return 'turn';
  } catch (err) {
    if (err instanceof SignInThrottledError) return err.limitedBy;
    throw err;
  }
}

async function refusal(email: string, address: string): Promise<SignInThrottledError> {
  const err = await beginSignIn(email, address).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(SignInThrottledError);
  return err as SignInThrottledError;
}

/** Moves an account's recorded attempts into the past, as if the attacker had paced them. */
async function age(email: string, seconds: number): Promise<void> {
  await queryRows(`UPDATE sign_in_attempts SET attempted_at = attempted_at - make_interval(secs => $2) WHERE account = $1`, [accountKey(email), seconds]);
}

/** The owner signs in once from `address`: it becomes the account's own. */
async function ownerSignsIn(email: string, address: string): Promise<void> {
  await signInSucceeded(await beginSignIn(email, address));
}

describe('sign-in throttle', () => {
  it('one account from one address: 10 turns, then that address waits 15 minutes', async () => {
    for (let i = 0; i < SIGN_IN_LIMITS.perAccountAndAddress; i++) expect(await attempt('Ana@Example.com', '10.0.0.1')).toBe('turn');
    const throttled = await refusal(' ana@example.COM ', '10.0.0.1');
    expect(throttled.limitedBy).toBe('account');
    expect(throttled.code).toBe('throttled');
    expect(minutesUntil(throttled.retryAt)).toBe(15);
    expect(waitText(throttled.retryAt)).toBe('15 min');
    // The refusal wrote nothing: still exactly ten attempts on record.
    const [row] = await queryRows<{ n: number }>('SELECT count(*)::int AS n FROM sign_in_attempts WHERE account = $1', [accountKey('ana@example.com')]);
    expect(row!.n).toBe(SIGN_IN_LIMITS.perAccountAndAddress);
    // Another account from the same address is not affected.
    expect(await attempt('bob@example.com', '10.0.0.1')).toBe('turn');
  });

  it('ten wrong passwords from ten addresses do not lock the account: its own address gets in at once, a new one after seconds', async () => {
    await ownerSignsIn('owner@example.com', '192.0.2.1');
    for (let i = 0; i < 10; i++) expect(await attempt('owner@example.com', `198.51.100.${i}`)).toBe('turn');
    expect(await attempt('owner@example.com', '192.0.2.1')).toBe('turn');
    // A fresh address waits for seconds, not 15 minutes, and is told so.
    const fresh = await refusal('owner@example.com', '203.0.113.50');
    expect(fresh.limitedBy).toBe('delay');
    expect(fresh.retryAt.getTime() - Date.now()).toBeLessThanOrEqual(4_000);
    expect(waitText(fresh.retryAt)).toMatch(/^\d s$/);
    await age('owner@example.com', 5);
    expect(await attempt('owner@example.com', '203.0.113.50')).toBe('turn');
  });

  it('a long attack spread over many addresses: the delays grow to 5 minutes at most, and the owner still gets in', async () => {
    await ownerSignsIn('target@example.com', '192.0.2.2');
    for (let i = 0; i < 40; i++) {
      expect(await attempt('target@example.com', `198.51.101.${i}`)).toBe('turn');
      await age('target@example.com', 301); // each guesser waited out the longest delay
    }
    await queryRows(`UPDATE sign_in_attempts SET attempted_at = clock_timestamp() - interval '10 seconds' WHERE account = $1 AND address = '198.51.101.39'`, [
      accountKey('target@example.com'),
    ]);
    await queryRows(`UPDATE sign_in_attempts SET attempted_at = clock_timestamp() - interval '14 minutes' WHERE account = $1 AND address <> '198.51.101.39'`, [
      accountKey('target@example.com'),
    ]);
    const guesser = await refusal('target@example.com', '198.51.101.200');
    expect(guesser.limitedBy).toBe('delay');
    expect(waitText(guesser.retryAt)).toMatch(/^(4|5) min$/);
    expect(await attempt('target@example.com', '192.0.2.2')).toBe('turn');
  });

  it('a success clears its own address and remembers it, not the failures from elsewhere', async () => {
    for (let i = 0; i < 6; i++) await beginSignIn('cleo@example.com', '10.0.1.1');
    for (let i = 0; i < 3; i++) await beginSignIn('cleo@example.com', `10.0.2.${i}`);
    await signInSucceeded(await beginSignIn('cleo@example.com', '10.0.1.1'));
    const left = await queryRows<{ address: string }>('SELECT address FROM sign_in_attempts WHERE account = $1 ORDER BY address', [
      accountKey('cleo@example.com'),
    ]);
    expect(left.map((r) => r.address)).toEqual(['10.0.2.0', '10.0.2.1', '10.0.2.2']);
    const known = await queryRows<{ address: string }>('SELECT address FROM sign_in_known_addresses WHERE account = $1', [accountKey('cleo@example.com')]);
    expect(known.map((r) => r.address)).toEqual(['10.0.1.1']);
  });

  it('limits one address across many accounts (credential stuffing)', async () => {
    for (let i = 0; i < SIGN_IN_LIMITS.perAddress; i++) expect(await attempt(`user${i}@example.com`, '192.0.2.9')).toBe('turn');
    expect(await attempt('someone-new@example.com', '192.0.2.9')).toBe('address');
    expect(await attempt('someone-new@example.com', '192.0.2.10')).toBe('turn');
  });

  it('forgets attempts once the window has passed', async () => {
    await age('ana@example.com', 16 * 60);
    expect(await attempt('ana@example.com', '10.0.0.1')).toBe('turn');
    expect(await trimSignInAttempts()).toBeGreaterThanOrEqual(SIGN_IN_LIMITS.perAccountAndAddress);
  });

  it.runIf(onPostgres)('PostgreSQL: 40 attempts at once on one account get exactly 10 turns, from one address or from 40 — five rounds', async () => {
    for (let round = 0; round < 5; round++) {
      const spread = await Promise.all(Array.from({ length: 40 }, (_, i) => attempt(`race${round}@example.com`, `198.51.100.${i}`)));
      expect(spread.filter((r) => r === 'turn')).toHaveLength(10);
      expect(spread.filter((r) => r === 'delay')).toHaveLength(30);
      const one = await Promise.all(Array.from({ length: 40 }, () => attempt(`race-one${round}@example.com`, `198.51.102.${round}`)));
      expect(one.filter((r) => r === 'turn')).toHaveLength(10);
      expect(one.filter((r) => r === 'account')).toHaveLength(30);
    }
  });
});

describe('the client address', () => {
  it('with no trusted proxy, the socket address: a client-written X-Forwarded-For changes nothing', () => {
    setPeerStampInstalled(true);
    const from = (xff?: string) => clientAddress(new Headers({ [PEER_HEADER]: '10.9.9.9', ...(xff ? { 'x-forwarded-for': xff } : {}) }), 0);
    expect(from()).toBe('10.9.9.9');
    expect(from('10.9.9.10')).toBe('10.9.9.9');
    expect(from('10.9.9.10, 10.9.9.11')).toBe('10.9.9.9');
  });

  it('after 50 failures from one address, a forged X-Forwarded-For does not open a new count', async () => {
    setPeerStampInstalled(true);
    const headers = (xff?: string) => new Headers({ [PEER_HEADER]: '10.9.9.9', ...(xff ? { 'x-forwarded-for': xff } : {}) });
    for (let i = 0; i < SIGN_IN_LIMITS.perAddress; i++) await beginSignIn(`stuffed${i}@example.com`, clientAddress(headers(), 0));
    expect(await attempt('victim@example.com', clientAddress(headers('10.9.9.10'), 0))).toBe('address');
  });

  it('behind n trusted proxies, the n-th X-Forwarded-For entry from the end', () => {
    setPeerStampInstalled(true);
    const headers = new Headers({ [PEER_HEADER]: '10.0.0.2', 'x-forwarded-for': '6.6.6.6, 203.0.113.7, 10.0.0.1' });
    expect(clientAddress(headers, 1)).toBe('10.0.0.1');
    expect(clientAddress(headers, 2)).toBe('203.0.113.7');
    expect(clientAddress(new Headers({ [PEER_HEADER]: '::ffff:10.0.0.2' }), 1)).toBe('10.0.0.2');
  });

  it('believes the peer header only where this process stamps it; unknown otherwise', () => {
    setPeerStampInstalled(false);
    expect(clientAddress(new Headers({ [PEER_HEADER]: '10.9.9.9', 'x-forwarded-for': '10.9.9.10' }), 0)).toBe('unknown');
    expect(clientAddress(undefined, 0)).toBe('unknown');
  });

  it('the server stamps the socket address over whatever the client sent', async () => {
    await stampPeerAddress();
    const server = http.createServer((req, res) => res.end(String(req.headers[PEER_HEADER])));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const res = await fetch(`http://127.0.0.1:${port}/`, { headers: { [PEER_HEADER]: '6.6.6.6', 'x-forwarded-for': '6.6.6.6' } });
      expect(await res.text()).toBe('127.0.0.1');
    } finally {
      server.close();
    }
  });
});
