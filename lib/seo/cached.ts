import 'server-only';
import { cacheLife, cacheTag } from 'next/cache';
import { CATALOG_TAG, STORES_TAG } from '@/lib/catalog/tags';
import { sitemapPaths, sitemapUrls, sitemapXml } from './sitemap';

/**
 * sitemap.xml, kept like the pages it lists (docs/rendering.md): a product added, withdrawn or
 * renamed and a department changed announce `catalog`, a store changed `stores` (migration 0019),
 * and either expires it; the cache life bounds anything else.
 */
export async function cachedSitemapXml(): Promise<string> {
  'use cache';
  cacheLife('hours');
  cacheTag(CATALOG_TAG, STORES_TAG);
  return sitemapXml(sitemapUrls(await sitemapPaths()));
}
