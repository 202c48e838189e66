import { describe, expect, it } from 'vitest';
import { refererPath } from './referer';

const from = (headers: Record<string, string>) => refererPath({ headers: new Headers(headers) });

describe('refererPath: the page of this site a request came from', () => {
  it('a page of this host: its path and query, without the fragment', () => {
    expect(from({ host: 'shop.test', referer: 'http://shop.test/en/stores?service=drive#x' })).toBe('/en/stores?service=drive');
  });

  it('behind a load balancer, the public host it forwards counts as this site', () => {
    expect(from({ host: '10.0.0.5:3000', 'x-forwarded-host': 'comptoir.example, lb.internal', referer: 'https://comptoir.example/en/stores' })).toBe(
      '/en/stores',
    );
  });

  it('another site, a look-alike host, or no URL at all: null (never an open redirect)', () => {
    expect(from({ host: 'shop.test', referer: 'https://evil.example/stores' })).toBeNull();
    expect(from({ host: 'shop.test', referer: 'http://shop.test.evil.example/stores' })).toBeNull();
    expect(from({ host: 'shop.test', referer: 'not a url' })).toBeNull();
    expect(from({ host: 'shop.test' })).toBeNull();
  });
});
