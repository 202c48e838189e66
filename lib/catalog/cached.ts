import 'server-only';
import { cacheLife, cacheTag } from 'next/cache';
import type { Locale } from '@/lib/i18n/config';
import { getProductBySlug, listCategories } from './queries';

/** Tag to revalidate when a product's catalogue data changes (not its stock). */
export const productTag = (slug: string) => `product:${slug}`;

/**
 * Catalogue data changes rarely and is the same for every visitor, so product reads are cached
 * (per slug and locale); stock is never cached — it is read fresh and streamed in.
 */
export async function getProduct(slug: string, locale: Locale) {
  'use cache';
  cacheTag(productTag(slug), 'catalog');
  cacheLife('hours');
  return getProductBySlug(slug, locale);
}

/** The department list in the header of every page. */
export async function getCategories(locale: Locale) {
  'use cache';
  cacheTag('catalog');
  cacheLife('hours');
  return listCategories(locale);
}
