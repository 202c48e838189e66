import { describe, expect, it } from 'vitest';
import { localeRoute, type LocaleRequest } from './locale-route';

const get = (pathname: string, over: Partial<LocaleRequest> = {}): LocaleRequest => ({
  method: 'GET',
  pathname,
  search: '',
  cookie: undefined,
  acceptLanguage: null,
  ...over,
});

describe("the proxy's language rule", () => {
  it('serves /en/… in English whatever the cookie and the browser say', () => {
    for (const over of [{}, { cookie: 'fr' }, { acceptLanguage: 'fr-FR,fr;q=0.9' }, { method: 'POST' }])
      expect(localeRoute(get('/en/p/trail-42', over))).toEqual({ kind: 'serve', locale: 'en', path: '/p/trail-42' });
    expect(localeRoute(get('/en'))).toEqual({ kind: 'serve', locale: 'en', path: '/' });
  });

  it('serves an unprefixed URL in French to a visitor with no preference (a crawler) or a French one', () => {
    for (const over of [{}, { acceptLanguage: 'fr-FR,fr;q=0.9,en;q=0.8' }, { cookie: 'fr', acceptLanguage: 'en-GB,en' }, { acceptLanguage: 'de-DE' }])
      expect(localeRoute(get('/p/trail-42', over))).toEqual({ kind: 'serve', locale: 'fr', path: '/p/trail-42' });
  });

  it('sends /fr/… to the unprefixed URL for good (308), query kept', () => {
    expect(localeRoute(get('/fr/p/trail-42', { search: '?sku=7' }))).toEqual({ kind: 'redirect', location: '/p/trail-42?sku=7', status: 308 });
    expect(localeRoute(get('/fr', { cookie: 'en' }))).toEqual({ kind: 'redirect', location: '/', status: 308 });
  });

  it("sends an unprefixed URL to its /en/ twin (307) for the switch's English cookie, which wins over the browser, query kept", () => {
    expect(localeRoute(get('/stores', { cookie: 'en', acceptLanguage: 'fr-FR', search: '?near=69003' }))).toEqual({
      kind: 'redirect',
      location: '/en/stores?near=69003',
      status: 307,
    });
    expect(localeRoute(get('/', { cookie: 'en' }))).toEqual({ kind: 'redirect', location: '/en', status: 307 });
  });

  it('without a cookie, follows a browser that prefers English', () => {
    expect(localeRoute(get('/account/orders', { acceptLanguage: 'en-GB,en;q=0.9,fr;q=0.8' }))).toEqual({
      kind: 'redirect',
      location: '/en/account/orders',
      status: 307,
    });
    expect(localeRoute(get('/staff', { method: 'HEAD', acceptLanguage: 'en' }))).toEqual({ kind: 'redirect', location: '/en/staff', status: 307 });
  });

  it('never redirects a form or a server action posted to a French page: it is answered in French', () => {
    expect(localeRoute(get('/p/trail-42', { method: 'POST', cookie: 'en', acceptLanguage: 'en' }))).toEqual({
      kind: 'serve',
      locale: 'fr',
      path: '/p/trail-42',
    });
  });

  it('ignores a cookie that names no language of the shop', () => {
    expect(localeRoute(get('/c/velo', { cookie: 'de', acceptLanguage: 'en' }))).toEqual({ kind: 'redirect', location: '/en/c/velo', status: 307 });
    expect(localeRoute(get('/c/velo', { cookie: 'de' }))).toEqual({ kind: 'serve', locale: 'fr', path: '/c/velo' });
  });
});
