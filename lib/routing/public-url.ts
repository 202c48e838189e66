import { DEFAULT_LOCALE, isLocale, type Locale } from '@/lib/i18n/config';

/*
 * The site's public addresses, for whatever leaves the page as an absolute URL: canonical links,
 * the JSON-LD of product and store pages, the sitemap, robots.txt and the links in messages — and
 * the one place a path gets its language (every link, redirect and form on the site goes through
 * `localizedPath`).
 *
 * One origin, configured (PUBLIC_SITE_URL, else AUTH_URL), never taken from the request's Host
 * header: kept pages and the cached sitemap are the same for every request, and a forged Host must
 * not end up in them.
 *
 * A URL per language: French, the shop's own language, at `/…` (every address the shop ever had
 * still works, and says the same thing), English at `/en/…`. `/fr/…` is not an address: proxy.ts
 * sends it (308) to the unprefixed one. Internally every page still lives at /<locale>/… (proxy.ts
 * rewrites to it), so each language keeps its own prerendered shell. Route handlers (/api), images
 * (/img) and Next's files are the same in every language and never take a prefix.
 */

const FALLBACK_ORIGIN = 'http://localhost:3000';

/** The public origin (scheme, host, port; a path prefix kept), without a trailing slash. */
export function siteOrigin(env: Record<string, string | undefined> = process.env): string {
  return (env.PUBLIC_SITE_URL || env.AUTH_URL || FALLBACK_ORIGIN).replace(/\/+$/, '');
}

/** Paths that are the same in every language: never prefixed. */
const UNLOCALIZED = /^\/(?:api|img|_next)(?:\/|$)/;
const PREFIX = /^\/([a-z]{2})(?=\/|$)/;

/**
 * The language a public path names by its prefix (`/en/…` → en, `/fr/…` → fr, which is not an
 * address but is recognised so it can be sent to the unprefixed one), and the path without it.
 * An unprefixed path names no language: `locale` is null.
 */
export function splitLocalePath(pathname: string): { locale: Locale | null; path: string } {
  const prefix = PREFIX.exec(pathname)?.[1];
  if (!isLocale(prefix)) return { locale: null, path: pathname };
  return { locale: prefix, path: pathname.slice(prefix.length + 1) || '/' };
}

/**
 * A page's path in one language: `/p/trail-42` → `/en/p/trail-42` in English, itself in French.
 * Takes a path in either language (it is translated: `/en/cart` in French is `/cart`), with its
 * query and fragment; leaves alone what is not a page of this site (`https://…`, `#id`, `tel:`,
 * `//host`), /api, /img and /_next. Without a locale, the path as it is.
 */
export function localizedPath(path: string, locale?: Locale): string {
  if (!locale || !path.startsWith('/') || path.startsWith('//') || path.startsWith('/\\')) return path;
  const end = path.search(/[?#]/);
  const pathname = end === -1 ? path : path.slice(0, end);
  const rest = end === -1 ? '' : path.slice(end);
  if (UNLOCALIZED.test(pathname)) return path;
  const bare = splitLocalePath(pathname).path;
  if (locale === DEFAULT_LOCALE) return `${bare}${rest}`;
  return `/${locale}${bare === '/' ? '' : bare}${rest}`;
}

/** The absolute address of a page (`path` starts with `/`), in a language. */
export function absoluteUrl(path: string, locale?: Locale): string {
  return `${siteOrigin()}${localizedPath(path, locale)}`;
}

/** hreflang keys: each language, and `x-default` for a visitor whose language the shop lacks. */
export type HrefLang = Locale | 'x-default';

/**
 * A page's addresses in every language, for hreflang (the page's metadata and the sitemap): each
 * language's twin, and `x-default` → the French one, the page a visitor of any other language gets.
 */
export function languageAlternates(path: string): Partial<Record<HrefLang, string>> {
  return { fr: absoluteUrl(path, 'fr'), en: absoluteUrl(path, 'en'), 'x-default': absoluteUrl(path, DEFAULT_LOCALE) };
}

/** Next.js `alternates` metadata of a page: its canonical address in its language, and its twins. */
export function pageAlternates(path: string, locale: Locale): { canonical: string; languages?: Partial<Record<HrefLang, string>> } {
  const languages = languageAlternates(path);
  return { canonical: absoluteUrl(path, locale), ...(Object.keys(languages).length ? { languages } : {}) };
}

const segment = (slug: string) => encodeURIComponent(slug);

/** A product's page; a SKU other than its first is a page of its own (`?sku=`, docs/rendering.md). */
export function productPath(slug: string, skuId?: number | null): string {
  return skuId ? `/p/${segment(slug)}?sku=${skuId}` : `/p/${segment(slug)}`;
}

export const categoryPath = (slug: string) => `/c/${segment(slug)}`;

export const storePath = (slug: string) => `/stores/${segment(slug)}`;

/** A search's page, its query alone: what a shopper shares, without tracking or display parameters. */
export function searchPath(q: string): string {
  return q ? `/search?q=${encodeURIComponent(q)}` : '/search';
}
