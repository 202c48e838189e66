import { describe, expect, it } from 'vitest';
import { fieldErrorKeys, signInSchema, signUpSchema } from './schemas';
import { destinationAfterSignIn, safeCallbackPath } from './callback-url';
import { resolveAuthSecret } from './config';

describe('signUpSchema', () => {
  const ok = { name: 'Camille', email: ' Camille@Example.com ', password: 'rue-de-la-paix' };

  it('accepts a reasonable sign-up and trims the email', () => {
    expect(signUpSchema.parse(ok)).toEqual({ ...ok, email: 'Camille@Example.com' });
  });

  it.each([
    ['short', 'abc12345'],
    ['only letters', 'abcdefghijkl'],
    ['only accented letters', 'éléphantrose'],
    ['only digits', '12345678901'],
  ])('refuses a password that is %s, explaining the rule', (_, password) => {
    const r = signUpSchema.safeParse({ ...ok, password });
    expect(r.success).toBe(false);
    if (!r.success) expect(fieldErrorKeys(r.error)).toEqual({ password: 'passwordRule' });
  });

  it('refuses a bad email and an empty or long name', () => {
    const r = signUpSchema.safeParse({ name: ' ', email: 'camille@', password: ok.password });
    expect(r.success).toBe(false);
    if (!r.success) expect(fieldErrorKeys(r.error)).toEqual({ name: 'nameRequired', email: 'emailInvalid' });
    const long = signUpSchema.safeParse({ ...ok, name: 'x'.repeat(81) });
    expect(long.success ? {} : fieldErrorKeys(long.error)).toEqual({ name: 'nameTooLong' });
  });

  it('lets sign-in through with any non-empty password (older accounts)', () => {
    expect(signInSchema.safeParse({ email: 'a@b.fr', password: 'short' }).success).toBe(true);
    expect(signInSchema.safeParse({ email: 'a@b.fr', password: '' }).success).toBe(false);
  });
});

describe('callback URLs', () => {
  it.each([
    ['/staff/stores/3?q=42', '/staff/stores/3?q=42'],
    ['/account', '/account'],
    ['https://evil.example/x', null],
    ['//evil.example', null],
    ['/\\evil.example', null],
    ['javascript:alert(1)', null],
    ['', null],
    [undefined, null],
  ])('%s → %s', (input, expected) => {
    expect(safeCallbackPath(input)).toBe(expected);
  });

  it('sends people home by role when there is no usable callback', () => {
    expect(destinationAfterSignIn(null, 'shopper')).toBe('/account');
    expect(destinationAfterSignIn(null, 'staff')).toBe('/staff');
    expect(destinationAfterSignIn(null, 'catalogue')).toBe('/admin');
    expect(destinationAfterSignIn('//evil.example', 'admin')).toBe('/staff');
    expect(destinationAfterSignIn('/sign-in', 'shopper')).toBe('/account');
    expect(destinationAfterSignIn('/p/trail-runner', 'staff')).toBe('/p/trail-runner');
    // A page in English is kept as it is; the sign-in page in English is still no destination.
    expect(destinationAfterSignIn('/en/account/card', 'shopper')).toBe('/en/account/card');
    expect(destinationAfterSignIn('/en/sign-in?callbackUrl=%2Fen', 'shopper')).toBe('/account');
    expect(destinationAfterSignIn('/en/sign-up', 'staff')).toBe('/staff');
  });
});

describe('resolveAuthSecret', () => {
  it('uses AUTH_SECRET, falls back only outside production or for an explicit local demo', () => {
    expect(resolveAuthSecret({ NODE_ENV: 'production', AUTH_SECRET: 's' } as NodeJS.ProcessEnv)).toBe('s');
    expect(resolveAuthSecret({ NODE_ENV: 'production' } as NodeJS.ProcessEnv)).toBeUndefined();
    expect(resolveAuthSecret({ NODE_ENV: 'production', COMPTOIR_LOCAL_DEMO: '1' } as NodeJS.ProcessEnv)).toBeTruthy();
    expect(resolveAuthSecret({ NODE_ENV: 'development' } as NodeJS.ProcessEnv)).toBeTruthy();
  });
});
