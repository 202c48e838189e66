import 'server-only';
import { unstable_cache } from 'next/cache';
import type { Locale } from '@/lib/i18n/config';
import { getProductBySlug, listCategories } from './queries';

/** Tag to revalidate when a product's catalogue data changes (not its stock). */
export const productTag = (slug: string) => `product:${slug}`;

/**
 * Catalogue data changes rarely and is the same for every visitor, so product reads are cached
 * (per slug and locale); stock is never cached — it is read fresh and streamed in.
 */
export function getProduct(slug: string, locale: Locale) {
  return unstable_cache(() => getProductBySlug(slug, locale), ['product', slug, locale], {
    tags: [productTag(slug), 'catalog'],
    revalidate: 3600,
  })();
}

/** The department list in the header of every page. */
export function getCategories(locale: Locale) {
  return unstable_cache(() => listCategories(locale), ['categories', locale], { tags: ['catalog'], revalidate: 3600 })();
}
