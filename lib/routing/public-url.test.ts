import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { absoluteUrl, languageAlternates, localizedPath, pageAlternates, productPath, splitLocalePath } from './public-url';

beforeEach(() => vi.stubEnv('PUBLIC_SITE_URL', 'https://shop.example.com'));
afterEach(() => vi.unstubAllEnvs());

describe('localizedPath: a page in one language', () => {
  it('leaves French unprefixed and puts English under /en/', () => {
    expect(localizedPath('/p/trail-42', 'fr')).toBe('/p/trail-42');
    expect(localizedPath('/p/trail-42', 'en')).toBe('/en/p/trail-42');
    expect(localizedPath('/', 'en')).toBe('/en');
    expect(localizedPath('/', 'fr')).toBe('/');
  });

  it('keeps the query string and the fragment', () => {
    expect(localizedPath(productPath('trail-42', 7), 'en')).toBe('/en/p/trail-42?sku=7');
    expect(localizedPath('/stores?near=69003&service=drive', 'en')).toBe('/en/stores?near=69003&service=drive');
    expect(localizedPath('/?x=1', 'en')).toBe('/en?x=1');
    expect(localizedPath('/staff/stores/3/pickup#slot-4', 'en')).toBe('/en/staff/stores/3/pickup#slot-4');
  });

  it('translates a path already in a language, both ways, and is idempotent', () => {
    expect(localizedPath('/en/cart', 'fr')).toBe('/cart');
    expect(localizedPath('/en', 'fr')).toBe('/');
    expect(localizedPath('/en/cart?x=1', 'en')).toBe('/en/cart?x=1');
    expect(localizedPath('/fr/cart', 'en')).toBe('/en/cart');
    expect(localizedPath('/fr/cart', 'fr')).toBe('/cart');
    expect(localizedPath(localizedPath('/account', 'en'), 'en')).toBe('/en/account');
  });

  it('leaves route handlers, images, external and in-page links, and a path without a language alone', () => {
    for (const path of [
      '/api/locale?to=en',
      '/api',
      '/img/p/1.webp',
      '/_next/static/x.js',
      'https://example.com/p',
      '//evil.example/x',
      '#main',
      'tel:+33100',
      '?page=2',
    ])
      expect(localizedPath(path, 'en')).toBe(path);
    expect(localizedPath('/p/trail-42')).toBe('/p/trail-42');
  });

  it('does not take a page whose first segment merely starts like a language for a prefix', () => {
    expect(localizedPath('/enseignes', 'en')).toBe('/en/enseignes');
    expect(splitLocalePath('/enseignes')).toEqual({ locale: null, path: '/enseignes' });
    expect(splitLocalePath('/en/p/x')).toEqual({ locale: 'en', path: '/p/x' });
    expect(splitLocalePath('/fr')).toEqual({ locale: 'fr', path: '/' });
  });
});

describe('hreflang twins', () => {
  it('names both languages at absolute addresses, and x-default → the French page', () => {
    expect(languageAlternates(productPath('trail-42', 7))).toEqual({
      fr: 'https://shop.example.com/p/trail-42?sku=7',
      en: 'https://shop.example.com/en/p/trail-42?sku=7',
      'x-default': 'https://shop.example.com/p/trail-42?sku=7',
    });
  });

  it("gives each page's metadata its canonical address in its own language and both twins", () => {
    expect(pageAlternates('/c/velo', 'en')).toEqual({
      canonical: 'https://shop.example.com/en/c/velo',
      languages: { fr: 'https://shop.example.com/c/velo', en: 'https://shop.example.com/en/c/velo', 'x-default': 'https://shop.example.com/c/velo' },
    });
    expect(pageAlternates('/', 'fr').canonical).toBe('https://shop.example.com/');
    expect(absoluteUrl('/', 'en')).toBe('https://shop.example.com/en');
  });
});
