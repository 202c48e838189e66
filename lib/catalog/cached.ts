import 'server-only';
import { cacheLife, cacheTag } from 'next/cache';
import { isLocale, type Locale } from '@/lib/i18n/config';
import { getCategoryBySlug, getProductBySlug, listCategories, listCategoryProducts, listFeaturedProducts } from './queries';
import { NO_FACETS } from './facet-params';
import { countFacets } from './facets';
import { CATALOG_TAG, categoryTag, productTag } from './tags';

/**
 * Catalogue reads, cached: the same for every visitor, changed only when the catalogue changes —
 * and each tagged with what changes it (lib/catalog/tags.ts), so those writes expire them. The
 * cache life ('hours': served for an hour, refreshed in the background, dropped after a day) only
 * bounds how long a change whose tags nobody expired could show. Stock is never read here.
 *
 * Next.js registers 'use cache' functions as server references that a crafted POST can call with
 * any arguments (e2e/http-fuzz.spec.ts finds them): the ones with numbers check their arguments
 * and answer an empty list instead of failing deep in SQL.
 */
const isPositive = (n: unknown): n is number => Number.isSafeInteger(n) && (n as number) > 0;

export async function getProduct(slug: string, locale: Locale) {
  'use cache';
  cacheLife('hours');
  cacheTag(productTag(slug));
  const product = await getProductBySlug(slug, locale);
  // The breadcrumb shows the department's name.
  if (product) cacheTag(categoryTag(product.category.slug));
  return product;
}

/** The department list in the header of every page and on the home page. */
export async function getCategories(locale: Locale) {
  'use cache';
  cacheLife('hours');
  cacheTag(CATALOG_TAG);
  return listCategories(locale);
}

export async function getCategory(slug: string, locale: Locale) {
  'use cache';
  cacheLife('hours');
  cacheTag(categoryTag(slug));
  return getCategoryBySlug(slug, locale);
}

/**
 * One page of a department's product cards, without stock (a visitor with "my store" gets the
 * per-store figures from an uncached read instead). Tagged with the department and every product
 * listed: a renamed or repriced product changes the card.
 */
export async function listCategoryCards(categorySlug: string, categoryId: number, locale: Locale, page: number) {
  'use cache';
  cacheLife('hours');
  if (typeof categorySlug !== 'string' || !isPositive(categoryId) || !isLocale(locale) || !isPositive(page)) return { items: [], total: 0 };
  cacheTag(categoryTag(categorySlug));
  const result = await listCategoryProducts({ categoryId, locale, page });
  if (result.items.length) cacheTag(...result.items.map((p) => productTag(p.slug)));
  return result;
}

/**
 * A department's facets with no filter on (brands, sizes, colours, price bands, with counts; no
 * stock): the same for every visitor, so the unfiltered page reads them from the cache and only
 * its availability counts per visitor (lib/catalog/facets.ts).
 */
export async function getCategoryFacets(categorySlug: string, categoryId: number) {
  'use cache';
  cacheLife('hours');
  if (typeof categorySlug !== 'string' || !isPositive(categoryId)) return null;
  cacheTag(categoryTag(categorySlug));
  return countFacets({ categoryId }, NO_FACETS);
}

/** The home page's popular products. */
export async function listFeatured(locale: Locale, limit: number) {
  'use cache';
  cacheLife('hours');
  cacheTag(CATALOG_TAG);
  if (!isLocale(locale) || !isPositive(limit) || limit > 48) return [];
  const items = await listFeaturedProducts(locale, limit);
  if (items.length) cacheTag(...items.map((p) => productTag(p.slug)));
  return items;
}
