/**
 * Cache tags of the catalogue's cached reads and cached page parts (lib/catalog/cached.ts, the
 * product, department, home and store pages). The database announces the same tags when those rows
 * change (migration 0019), and every server process expires them (lib/cache/catalog-expiry.ts):
 * keep the strings here and nowhere else.
 */

/** One product: its name, brand, description, pictures, SKUs and prices, its department. */
export const productTag = (slug: string) => `product:${slug}`;

/** One department: its name and the products it lists. */
export const categoryTag = (slug: string) => `category:${slug}`;

/** One store: its name, address, hours, closures and services. */
export const storeTag = (slug: string) => `store:${slug}`;

/** Lists across the catalogue: the department list (header, home) and the home page's products. */
export const CATALOG_TAG = 'catalog';

/** The store list and the locator. */
export const STORES_TAG = 'stores';

export const TAGS = { catalog: CATALOG_TAG, stores: STORES_TAG } as const;
