'use client';

import { createContext, use, type ReactNode } from 'react';
import { DEFAULT_LOCALE, type Locale } from '@/lib/i18n/config';

const RouteLocale = createContext<Locale>(DEFAULT_LOCALE);

/**
 * The page's language for client components, given by the root layout from the route's
 * `[locale]` (proxy.ts serves /en/… from /en/… and a French URL from /fr/…). A context rather than
 * useParams(): reading the params would make every page with a param the build does not know
 * (an order number, a store id) wait for the request, where the language is known at build time.
 */
export function RouteLocaleProvider({ locale, children }: { locale: Locale; children: ReactNode }) {
  return <RouteLocale value={locale}>{children}</RouteLocale>;
}

/** The page's language in a client component: links, router pushes and GET forms use it. */
export function useRouteLocale(): Locale {
  return use(RouteLocale);
}
