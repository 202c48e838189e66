/**
 * Cache tags of catalogue and store reads. A `'use cache'` read tags what it shows; the database
 * announces the same tags when those rows change (migration 0019), and every server process
 * expires them (lib/cache/catalog-expiry.ts). Keep the two vocabularies identical.
 */
export const TAGS = {
  /** Lists of the catalogue: home, departments, the header's department list. */
  catalog: 'catalog',
  /** The store list and the locator. */
  stores: 'stores',
} as const;

export const productTag = (slug: string) => `product:${slug}`;
export const categoryTag = (slug: string) => `category:${slug}`;
export const storeTag = (slug: string) => `store:${slug}`;
