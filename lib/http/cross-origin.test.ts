import { describe, expect, it } from 'vitest';
import { checkSameOrigin, refuseCrossOrigin } from './cross-origin';

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
