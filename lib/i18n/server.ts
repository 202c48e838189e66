import 'server-only';
import { cookies, headers } from 'next/headers';
import { connection } from 'next/server';
import { cache } from 'react';
import { LOCALE_COOKIE, LOCALE_HEADER, isLocale, resolveLocale, type Locale } from './config';
import { getDictionary } from './dictionary';
import { localizedPath } from '@/lib/routing/public-url';

/**
 * The language of this request, as the proxy chose it (it rewrote the URL to /<locale>/…).
 * Request-time only: the prerendered shell takes its language from the route's params instead.
 * Whatever a page renders after asking for the request's language is per request too — database
 * reads included — so this marks the request boundary for Next (`connection()`).
 */
export const getLocale = cache(async (): Promise<Locale> => {
  await connection();
  const h = await headers();
  const chosen = h.get(LOCALE_HEADER);
  if (isLocale(chosen)) return chosen;
  return resolveLocale((await cookies()).get(LOCALE_COOKIE)?.value, h.get('accept-language'));
});

export async function getI18n() {
  const locale = await getLocale();
  return { locale, t: getDictionary(locale) };
}

/**
 * A path in this request's language (`/account` → `/en/account` on an English page), for
 * `redirect()` in pages and actions: lib/routing/public-url.ts's localizedPath.
 */
export async function inRequestLocale(path: string): Promise<string> {
  return localizedPath(path, await getLocale());
}
