'use client';

import { useParams } from 'next/navigation';
import { DEFAULT_LOCALE, isLocale, type Locale } from '@/lib/i18n/config';

/**
 * The page's language in a client component: the route's `[locale]` (proxy.ts serves /en/… from
 * /en/… and a French URL from /fr/…). Known during prerendering too, so a link drawn into a kept
 * shell already carries its language.
 */
export function useRouteLocale(): Locale {
  const { locale } = useParams<{ locale?: string }>();
  return isLocale(locale) ? locale : DEFAULT_LOCALE;
}
