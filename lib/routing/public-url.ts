import type { Locale } from '@/lib/i18n/config';

/*
 * The site's public addresses, for whatever leaves the page as an absolute URL: canonical links,
 * the JSON-LD of product and store pages, the sitemap, robots.txt and the links in messages.
 *
 * One origin, configured (PUBLIC_SITE_URL, else AUTH_URL), never taken from the request's Host
 * header: kept pages and the cached sitemap are the same for every request, and a forged Host must
 * not end up in them.
 *
 * Today a URL serves both languages (proxy.ts picks the language from the cookie or
 * Accept-Language and rewrites to /<locale>/… internally), so a page's address is the same in
 * French and in English: `localizedPath` returns the path as it is. A URL per language changes that
 * one function (and `languageAlternates`, which then names each page's twin for hreflang).
 */

const FALLBACK_ORIGIN = 'http://localhost:3000';

/** The public origin (scheme, host, port; a path prefix kept), without a trailing slash. */
export function siteOrigin(env: Record<string, string | undefined> = process.env): string {
  return (env.PUBLIC_SITE_URL || env.AUTH_URL || FALLBACK_ORIGIN).replace(/\/+$/, '');
}

/** A page's path in one language. One URL per page for now: see above. */
export function localizedPath(path: string, _locale?: Locale): string {
  return path;
}

/** The absolute address of a page (`path` starts with `/`), in a language. */
export function absoluteUrl(path: string, locale?: Locale): string {
  return `${siteOrigin()}${localizedPath(path, locale)}`;
}

/**
 * A page's other-language twins for hreflang, by language. Empty while both languages share one
 * URL: a page naming itself as its own twin says nothing a search engine can use.
 */
export function languageAlternates(_path: string): Partial<Record<Locale, string>> {
  return {};
}

/** Next.js `alternates` metadata of a page: its canonical address (and, later, its twins). */
export function pageAlternates(path: string, locale: Locale): { canonical: string; languages?: Partial<Record<Locale, string>> } {
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
