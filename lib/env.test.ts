import { describe, expect, it } from 'vitest';
import { assertValidEnvironment, environmentProblems } from './env';

const good = {
  NODE_ENV: 'production',
  AUTH_SECRET: 'x'.repeat(43),
  DATABASE_URL: 'postgres://comptoir:secret@db.internal:5432/comptoir',
  LIVE_EVENTS: 'redis',
  REDIS_URL: 'redis://cache.internal:6379',
  NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64'),
  RESERVATION_SWEEP_SECONDS: '30',
  TRUSTED_PROXY_HOPS: '1',
  PAYMENT_PROVIDER: 'test',
  SMTP_URL: 'smtp://comptoir:hunter2@mail.internal:587',
  MESSAGES_FROM: 'Comptoir <bonjour@shop.example>',
};

describe('server environment', () => {
  it('accepts a fleet configuration and an empty development one', () => {
    expect(environmentProblems(good)).toEqual([]);
    expect(environmentProblems({ NODE_ENV: 'development' })).toEqual([]);
    expect(environmentProblems({ NODE_ENV: 'development', DATABASE_URL: '' })).toEqual([]); // empty = unset
  });

  it.each([
    [{ AUTH_SECRET: undefined }, /^AUTH_SECRET is required/],
    [{ AUTH_SECRET: 'short' }, /^AUTH_SECRET must be at least 32 characters/],
    [{ DATABASE_URL: 'mysql://db/comptoir' }, /^DATABASE_URL must be a PostgreSQL URL/],
    [{ LIVE_EVENTS: 'kafka' }, /^LIVE_EVENTS must be "postgres" \(the default\) or "redis"/],
    [{ DATABASE_URL: undefined }, /^LIVE_EVENTS "redis" needs DATABASE_URL/],
    [{ REDIS_URL: '127.0.0.1:6379' }, /^REDIS_URL must be a Redis URL/],
    [{ NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: 'not-a-key' }, /^NEXT_SERVER_ACTIONS_ENCRYPTION_KEY must be an AES key/],
    [{ RESERVATION_SWEEP_SECONDS: '0' }, /^RESERVATION_SWEEP_SECONDS must be a positive number/],
    [{ RESERVATION_SWEEP_SECONDS: 'thirty' }, /^RESERVATION_SWEEP_SECONDS must be a positive number/],
    [{ DATABASE_POOL_SIZE: '2.5' }, /^DATABASE_POOL_SIZE must be a whole number/],
    [{ PUBLIC_SITE_URL: 'shop.example.com' }, /^PUBLIC_SITE_URL must be an http\(s\) URL/],
    [{ PAYMENT_PROVIDER: 'paypal' }, /paypal/],
    [{ TRUSTED_PROXY_HOPS: 'one' }, /^TRUSTED_PROXY_HOPS must be a whole number/],
    [{ SMTP_URL: 'http://comptoir:hunter2@mail.internal' }, /^SMTP_URL must be an SMTP URL/],
    [{ MESSAGE_TRANSPORT: 'sendgrid' }, /^MESSAGE_TRANSPORT must be "smtp" or "file"/],
    [{ MESSAGE_TRANSPORT: 'smtp', SMTP_URL: undefined }, /^MESSAGE_TRANSPORT "smtp" needs SMTP_URL/],
    [{ MESSAGES_FROM: 'Comptoir' }, /^MESSAGES_FROM must be an address/],
  ])('names the variable that is wrong: %o', (change, message) => {
    const problems = environmentProblems({ ...good, ...change });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(message);
  });

  it('never shows the SMTP password, even in a malformed SMTP_URL', () => {
    const problems = environmentProblems({ ...good, SMTP_URL: 'smtp//comptoir:hunter2@mail.internal' });
    expect(problems).toHaveLength(1);
    expect(problems.join('\n')).not.toContain('hunter2');
  });

  it('lists every problem at once', () => {
    expect(() => assertValidEnvironment({ ...good, AUTH_SECRET: 'short', REDIS_URL: 'nope' })).toThrow(
      /AUTH_SECRET must be at least 32[\s\S]*REDIS_URL must be a Redis URL/,
    );
  });
});
