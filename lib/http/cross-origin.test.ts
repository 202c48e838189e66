import { describe, expect, it } from 'vitest';
import { checkActionOrigin, checkSameOrigin, isPossibleServerAction, refuseCrossOrigin } from './cross-origin';

const req = (method: string, headers: Record<string, string>) => ({ method, headers: new Headers(headers) });

describe('cross-origin check', () => {
  it('lets reads through whatever their origin', () => {
    expect(checkSameOrigin(req('GET', { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site', host: 'shop.example' })).ok).toBe(true);
  });

  it('lets a post from a page of this site through (Sec-Fetch-Site, or Origin matching Host or X-Forwarded-Host)', () => {
    expect(checkSameOrigin(req('POST', { 'sec-fetch-site': 'same-origin', host: 'shop.example' })).ok).toBe(true);
    expect(checkSameOrigin(req('POST', { origin: 'https://shop.example', host: 'shop.example' })).ok).toBe(true);
    expect(checkSameOrigin(req('POST', { origin: 'https://shop.example', host: '10.0.0.7:3101', 'x-forwarded-host': 'shop.example' })).ok).toBe(true);
    expect(checkSameOrigin(req('POST', { host: 'shop.example' })).ok).toBe(true); // a program: no cookies of a victim
  });

  it.each([
    [{ 'sec-fetch-site': 'cross-site', origin: 'https://evil.example' }, /Origin https:\/\/evil.example/],
    [{ 'sec-fetch-site': 'same-site', origin: 'https://blog.shop.example' }, /Origin https:\/\/blog.shop.example/],
    [{ origin: 'https://evil.example' }, /Origin https:\/\/evil.example/],
    [{ origin: 'null' }, /malformed Origin/],
    [{ 'sec-fetch-site': 'cross-site' }, /a cross-site request/],
  ])('refuses a post from elsewhere with a 403 that says why: %o', async (headers, reason) => {
    const res = refuseCrossOrigin(req('POST', { host: 'shop.example', ...headers }));
    expect(res?.status).toBe(403);
    expect(((await res!.json()) as { error: string }).error).toMatch(reason);
  });
});

describe('server action origin (Next.js’s own rule, checked first so a refusal is a 403)', () => {
  const headers = (h: Record<string, string>) => ({ headers: new Headers({ host: 'shop.example', ...h }) });

  it('lets through an Origin naming the host (or the first X-Forwarded-Host), and no Origin at all', () => {
    expect(checkActionOrigin(headers({ origin: 'https://shop.example' })).ok).toBe(true);
    expect(checkActionOrigin(headers({ origin: 'https://shop.example', host: '10.0.0.7:3101', 'x-forwarded-host': 'shop.example, lb' })).ok).toBe(true);
    expect(checkActionOrigin(headers({})).ok).toBe(true);
  });

  it.each(['https://evil.example', 'null', 'not a url', 'https://shop.example.evil.example'])(
    'refuses Origin %s, even with Sec-Fetch-Site: same-origin',
    (origin) => {
      expect(checkActionOrigin(headers({ origin, 'sec-fetch-site': 'same-origin' })).ok).toBe(false);
    },
  );

  it('knows a server action as Next.js does: a Next-Action header, or a form post', () => {
    expect(isPossibleServerAction({ method: 'POST', headers: new Headers({ 'next-action': 'abc', 'content-type': 'text/plain' }) })).toBe(true);
    expect(isPossibleServerAction({ method: 'POST', headers: new Headers({ 'content-type': 'multipart/form-data; boundary=x' }) })).toBe(true);
    expect(isPossibleServerAction({ method: 'POST', headers: new Headers({ 'content-type': 'application/x-www-form-urlencoded' }) })).toBe(true);
    expect(isPossibleServerAction({ method: 'GET', headers: new Headers({ 'next-action': 'abc' }) })).toBe(false);
    expect(isPossibleServerAction({ method: 'POST', headers: new Headers({ 'content-type': 'application/json' }) })).toBe(false);
  });
});
