import net from 'node:net';
import { CallbackRouteError, CredentialsSignin } from '@auth/core/errors';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { databaseOutagePage, databaseOutageResponse, withDatabaseOutage } from '@/lib/http/outage';
import { isDatabaseUnavailable } from './unavailable';

/**
 * What Auth.js throws when a provider's authorize() fails: `new CallbackRouteError(e, { provider })`
 * (@auth/core's lib/actions/callback). Its declared constructor admits only a message string; this
 * is the runtime signature it is called with.
 */
const AuthJsCallbackRouteError = CallbackRouteError as unknown as new (err: Error, options: { provider: string }) => Error;
const wrappedByAuthJs = (e: unknown) => new AuthJsCallbackRouteError(e as Error, { provider: 'credentials' });

async function closedPort(): Promise<number> {
  const srv = net.createServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', () => r()));
  const port = (srv.address() as net.AddressInfo).port;
  await new Promise<void>((r) => srv.close(() => r()));
  return port;
}

describe('a database that cannot be reached', () => {
  it('is told apart from a bug: a refused connection, as pg raises it and as Drizzle wraps it', async () => {
    const pool = new pg.Pool({ connectionString: `postgres://nobody@127.0.0.1:${await closedPort()}/none`, connectionTimeoutMillis: 2_000 });
    const refused = await pool.query('SELECT 1').catch((e: unknown) => e);
    await pool.end();
    expect(isDatabaseUnavailable(refused)).toBe(true);
    expect(isDatabaseUnavailable(Object.assign(new Error('Failed query: SELECT 1'), { cause: refused }))).toBe(true);
    expect(isDatabaseUnavailable(Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }))).toBe(true);
    expect(isDatabaseUnavailable(new Error('Connection terminated unexpectedly'))).toBe(true);
    // Thrown inside Auth.js's authorize() (the sign-in's user lookup), it arrives wrapped in a
    // CallbackRouteError, itself an AuthError: it must not read as a wrong password.
    expect(isDatabaseUnavailable(wrappedByAuthJs(refused))).toBe(true);
  });

  it('is not confused with a refusal or a bug', () => {
    expect(isDatabaseUnavailable(Object.assign(new Error('duplicate key'), { code: '23505' }))).toBe(false);
    expect(isDatabaseUnavailable(new TypeError("Cannot read properties of undefined (reading 'id')"))).toBe(false);
    expect(isDatabaseUnavailable(undefined)).toBe(false);
    expect(isDatabaseUnavailable(new CredentialsSignin())).toBe(false);
    expect(isDatabaseUnavailable(wrappedByAuthJs(new TypeError('boom')))).toBe(false);
  });

  it('answers 503 with Retry-After: the API in JSON, pages with a page that reloads itself, in the visitor language', async () => {
    const api = databaseOutageResponse();
    expect(api.status).toBe(503);
    expect(api.headers.get('retry-after')).toBe('5');
    const page = databaseOutagePage('fr');
    expect(page.status).toBe(503);
    const html = await page.text();
    expect(html).toContain('<meta http-equiv="refresh" content="5">');
    expect(html).toContain('réessaie toute seule');
    const handler = withDatabaseOutage(async () => {
      throw Object.assign(new Error('Failed query'), { cause: Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }) });
    });
    expect((await handler()).status).toBe(503);
    const buggy = withDatabaseOutage(async () => {
      throw new TypeError('a bug');
    });
    await expect(buggy()).rejects.toThrow('a bug');
  });
});
