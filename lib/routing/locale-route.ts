import { DEFAULT_LOCALE, resolveLocale, type Locale } from '@/lib/i18n/config';
import { localizedPath, splitLocalePath } from './public-url';

/*
 * The proxy's language rule (proxy.ts), apart so it can be tested without a server:
 *
 * - `/en/…` is English, always — whatever the cookie or the browser says: a shared or indexed
 *   English URL opens in English in any browser.
 * - `/fr/…` is not an address: a permanent redirect (308) to the unprefixed URL, query kept.
 * - An unprefixed URL is French — unless the visitor asked for English: the language switch's
 *   cookie (an explicit choice, which wins), else, with no cookie, a browser that prefers English.
 *   Then a temporary redirect (307) to the /en/ twin, query kept. Only for GET and HEAD: a form or
 *   a server action posted from a French page is answered in French, and is never redirected.
 *   Crawlers send no cookie and, mostly, no Accept-Language: they read the French page and follow
 *   its hreflang to the English one.
 *
 * Decided from the URL, the cookie and one header: no database read, so a redirect costs nothing
 * beyond its round trip, and the pages' cached shells (/<locale>/…) are the same as before.
 */

export type LocaleRoute =
  /** Serve `path` (the URL without its prefix) in `locale`: the proxy rewrites to /<locale><path>. */
  { kind: 'serve'; locale: Locale; path: string } | { kind: 'redirect'; location: string; status: 307 | 308 };

export type LocaleRequest = {
  method: string;
  pathname: string;
  /** The query string with its `?`, or '' */
  search: string;
  cookie: string | undefined;
  acceptLanguage: string | null | undefined;
};

export function localeRoute(req: LocaleRequest): LocaleRoute {
  const { locale, path } = splitLocalePath(req.pathname);
  if (locale === DEFAULT_LOCALE) return { kind: 'redirect', location: `${path}${req.search}`, status: 308 };
  if (locale) return { kind: 'serve', locale, path };
  if (req.method === 'GET' || req.method === 'HEAD') {
    const wanted = resolveLocale(req.cookie, req.acceptLanguage);
    if (wanted !== DEFAULT_LOCALE) return { kind: 'redirect', location: localizedPath(`${path}${req.search}`, wanted), status: 307 };
  }
  return { kind: 'serve', locale: DEFAULT_LOCALE, path };
}

/** The language a page URL is served in, for a request that was not redirected (`/en/…` or French). */
export function servedLocale(pathname: string): { locale: Locale; path: string } {
  const { locale, path } = splitLocalePath(pathname);
  return { locale: locale ?? DEFAULT_LOCALE, path };
}
