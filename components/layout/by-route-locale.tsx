'use client';

import { useParams } from 'next/navigation';
import type { ReactNode } from 'react';
import type { Locale } from '@/lib/i18n/config';

/**
 * Shows the variant for the route's language. For server components that Next renders without
 * params (not-found boundaries, rendered into every page): the server renders each language's
 * variant, and only this chooser, not the strings of every language, ships as script.
 */
export function ByRouteLocale(variants: Record<Locale, ReactNode>) {
  const { locale } = useParams<{ locale?: string }>();
  return locale === 'en' ? variants.en : variants.fr;
}
