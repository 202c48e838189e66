import 'server-only';
import { and, asc, eq, exists, isNull, sql } from 'drizzle-orm';
import { getDb } from '@/lib/db/client';
import type { Locale } from '@/lib/i18n/config';
import { stockLevelsSql } from '@/lib/inventory/read';
import { categories, products, skus } from './schema';
import { toCard, type CardRow } from './card-row';
import { localized, type CategorySummary, type ProductCard, type ProductDetail } from './types';

export const PAGE_SIZE = 24;

export async function listCategories(locale: Locale): Promise<CategorySummary[]> {
  const db = await getDb();
  const rows = await db.select().from(categories).orderBy(asc(categories.position), asc(categories.id));
  return rows.map((c) => ({ id: c.id, slug: c.slug, name: localized(c, locale) }));
}

export async function getCategoryBySlug(slug: string, locale: Locale): Promise<CategorySummary | null> {
  const db = await getDb();
  const [row] = await db.select().from(categories).where(eq(categories.slug, slug)).limit(1);
  return row ? { id: row.id, slug: row.slug, name: localized(row, locale) } : null;
}

type ListRow = CardRow & { available: number | null; total: number };

/**
 * Product cards of one category, one page at a time. With `storeId`, each card carries the units
 * available at that store, and `inStockOnly` keeps the products with at least one unit there.
 */
export async function listCategoryProducts(opts: {
  categoryId: number;
  locale: Locale;
  storeId?: number | null;
  inStockOnly?: boolean;
  page?: number;
}): Promise<{ items: ProductCard[]; total: number }> {
  const db = await getDb();
  const page = Math.max(1, opts.page ?? 1);
  const storeId = opts.storeId ?? null;
  const onlyInStock = Boolean(opts.inStockOnly && storeId);
  // Raw SQL: a CTE filtered on its own aggregate, and a window count giving the page and the total in one statement.
  const result = await db.execute<ListRow>(sql`
    WITH cards AS (
      SELECT p.id, p.slug, p.name_fr, p.name_en, p.brand, p.images->>0 AS image,
             min(k.price_cents)::int AS min_price, max(k.price_cents)::int AS max_price,
             CASE WHEN ${storeId}::int IS NULL THEN NULL
                  ELSE coalesce(sum(greatest(st.available, 0)), 0)::int END AS available
      FROM products p
      JOIN skus k ON k.product_id = p.id
      LEFT JOIN ${stockLevelsSql} st ON st.sku_id = k.id AND st.location_id = ${storeId}::int
      WHERE p.category_id = ${opts.categoryId} AND p.withdrawn_at IS NULL
      GROUP BY p.id
    )
    SELECT *, count(*) OVER ()::int AS total FROM cards
    WHERE NOT ${onlyInStock} OR available > 0
    ORDER BY name_fr, id
    LIMIT ${PAGE_SIZE} OFFSET ${(page - 1) * PAGE_SIZE}`);
  return { items: result.rows.map((r) => toCard(r, opts.locale)), total: result.rows[0]?.total ?? 0 };
}

/** A few products per category for the home page, stable between requests. */
export async function listFeaturedProducts(locale: Locale, limit = 8): Promise<ProductCard[]> {
  const db = await getDb();
  // Raw SQL: DISTINCT ON with window aggregates (one product per category, its price range).
  const result = await db.execute<ListRow>(sql`
    SELECT DISTINCT ON (p.category_id) p.id, p.slug, p.name_fr, p.name_en, p.brand, p.images->>0 AS image,
           min(k.price_cents) OVER (PARTITION BY p.id)::int AS min_price,
           max(k.price_cents) OVER (PARTITION BY p.id)::int AS max_price,
           NULL::int AS available, 0 AS total
    FROM products p JOIN skus k ON k.product_id = p.id
    WHERE p.withdrawn_at IS NULL
    ORDER BY p.category_id, p.id
    LIMIT ${limit}`);
  return result.rows.map((r) => toCard(r, locale));
}

/** The slugs of the products on sale (not withdrawn, with a SKU: those with a page), for the sitemap. */
export async function listProductSlugs(): Promise<string[]> {
  const db = await getDb();
  const rows = await db
    .select({ slug: products.slug })
    .from(products)
    .where(
      and(
        isNull(products.withdrawnAt),
        exists(
          db
            .select({ one: sql`1` })
            .from(skus)
            .where(eq(skus.productId, products.id)),
        ),
      ),
    )
    .orderBy(asc(products.slug));
  return rows.map((r) => r.slug);
}

// The shoppers' search lives in ./search.ts (synonyms, typos, accents, barcodes, ranking).
export { MAX_QUERY_LENGTH, searchProducts, suggestSearches } from './search';
export { suggest } from './suggest';

export async function getProductBySlug(slug: string, locale: Locale): Promise<ProductDetail | null> {
  const db = await getDb();
  const [row] = await db
    .select({ product: products, category: categories })
    .from(products)
    .innerJoin(categories, eq(categories.id, products.categoryId))
    .where(and(eq(products.slug, slug), isNull(products.withdrawnAt)))
    .limit(1);
  if (!row) return null;
  const skuRows = await db
    .select({ id: skus.id, ean13: skus.ean13, size: skus.size, colour: skus.colour, priceCents: skus.priceCents })
    .from(skus)
    .where(eq(skus.productId, row.product.id))
    .orderBy(asc(skus.position), asc(skus.id));
  const p = row.product;
  return {
    id: p.id,
    slug: p.slug,
    name: localized(p, locale),
    description: locale === 'fr' ? p.descriptionFr : p.descriptionEn,
    brand: p.brand,
    images: p.images,
    category: { id: row.category.id, slug: row.category.slug, name: localized(row.category, locale) },
    skus: skuRows,
  };
}
