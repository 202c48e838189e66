import 'server-only';
import { and, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import { QueryBuilder } from 'drizzle-orm/pg-core';
import { getDb, type Db } from '@/lib/db';
import type { Locale } from '@/lib/i18n/config';
import { categories, products, skus } from './schema';

/*
 * What the other domains may read of the catalogue: what a SKU is (its product's name, slug,
 * image, brand, its size, colour and barcode), its price, and whether it is on sale (its product
 * not withdrawn). Carts, orders, reservations, sales, inventory, messages and routing read it here
 * instead of naming `skus`, `products` or `categories` themselves (lib/db/boundaries.test.ts
 * checks), so a change to how the catalogue is kept is made here.
 *
 * Functions for plain lookups; a row source for raw SQL (`JOIN ${skuRowsSql} k ON k.id = l.sku_id`)
 * and a subquery for the query builder (`catalogSkus`). Both are a join of skus and products with
 * no aggregate, which PostgreSQL flattens into the caller's query: the caller's join still probes
 * the primary keys, its filters still reach the indexes.
 */

const validId = (id: number) => Number.isSafeInteger(id) && id > 0 && id <= 2_147_483_647;

/**
 * Every SKU with its product as a row source — `JOIN ${skuRowsSql} k ON k.id = l.sku_id` — with the
 * columns id, product_id, size, colour, ean13, price_cents, position, product_slug, name_fr,
 * name_en, brand, image (the first), withdrawn_at and category_id.
 */
export const skuRowsSql: SQL = sql`(SELECT ${skus.id} AS id, ${skus.productId} AS product_id, ${skus.size} AS size,
    ${skus.colour} AS colour, ${skus.ean13} AS ean13, ${skus.priceCents} AS price_cents, ${skus.position} AS position,
    ${products.slug} AS product_slug, ${products.nameFr} AS name_fr, ${products.nameEn} AS name_en, ${products.brand} AS brand,
    ${products.images}->>0 AS image, ${products.withdrawnAt} AS withdrawn_at, ${products.categoryId} AS category_id
  FROM ${skus} JOIN ${products} ON ${products.id} = ${skus.productId})`;

/**
 * The slugs the site answers for, as a row source with the columns kind ('p' a product on sale,
 * with its SKU ids in `skus`; 'c' a department), slug and skus.
 */
export const catalogSlugsSql: SQL = sql`(
  SELECT 'p' AS kind, ${products.slug} AS slug,
         (SELECT array_agg(${skus.id} ORDER BY ${skus.id}) FROM ${skus} WHERE ${skus.productId} = ${products.id}) AS skus
  FROM ${products} WHERE ${products.withdrawnAt} IS NULL
  UNION ALL
  SELECT 'c', ${categories.slug}, NULL FROM ${categories})`;

/**
 * Every SKU with its product for the query builder: `.from(catalogSkus)` or
 * `.innerJoin(catalogSkus, eq(catalogSkus.id, x.skuId))`. `id` is the SKU's; `search` is the
 * product's full-text document.
 */
export const catalogSkus = new QueryBuilder()
  .select({
    id: skus.id,
    productId: skus.productId,
    size: skus.size,
    colour: skus.colour,
    ean13: skus.ean13,
    priceCents: skus.priceCents,
    position: skus.position,
    slug: products.slug,
    nameFr: products.nameFr,
    nameEn: products.nameEn,
    brand: products.brand,
    images: products.images,
    withdrawnAt: products.withdrawnAt,
    search: products.search,
  })
  .from(skus)
  .innerJoin(products, eq(products.id, skus.productId))
  .as('catalog_skus');

/** Whether this SKU exists (withdrawn or not). */
export async function skuExists(db: Db, skuId: number): Promise<boolean> {
  if (!validId(skuId)) return false;
  const [sku] = await db.select({ id: skus.id }).from(skus).where(eq(skus.id, skuId));
  return sku !== undefined;
}

/** Whether this SKU is on sale: it exists and its product is not withdrawn. */
export async function isSkuOnSale(db: Db, skuId: number): Promise<boolean> {
  if (!validId(skuId)) return false;
  const [sku] = await db
    .select({ id: skus.id })
    .from(skus)
    .innerJoin(products, eq(products.id, skus.productId))
    .where(and(eq(skus.id, skuId), isNull(products.withdrawnAt)));
  return sku !== undefined;
}

/** The prices of these SKUs, in cents, by id (unknown ids left out), in the caller's transaction. */
export async function skuPrices(db: Db, ids: readonly number[]): Promise<Map<number, number>> {
  const wanted = [...new Set(ids)];
  if (wanted.length === 0) return new Map();
  const rows = await db.select({ id: skus.id, priceCents: skus.priceCents }).from(skus).where(inArray(skus.id, wanted));
  return new Map(rows.map((r) => [r.id, r.priceCents]));
}

/** What a SKU is, as an order, a return or a receipt shows it. */
export type SkuLabel = { productSlug: string; productName: string; image: string | null; size: string | null; colour: string | null; ean13: string };

/** What these SKUs are, by id (unknown ids left out), in the visitor's language: one query for a whole list. */
export async function getSkuLabels(ids: readonly number[], locale: Locale): Promise<Map<number, SkuLabel>> {
  const wanted = [...new Set(ids.filter(validId))];
  if (wanted.length === 0) return new Map();
  const db = await getDb();
  const rows = await db
    .select({
      id: skus.id,
      productSlug: products.slug,
      productName: locale === 'fr' ? products.nameFr : products.nameEn,
      image: sql<string | null>`${products.images}->>0`,
      size: skus.size,
      colour: skus.colour,
      ean13: skus.ean13,
    })
    .from(skus)
    .innerJoin(products, eq(products.id, skus.productId))
    .where(inArray(skus.id, wanted));
  return new Map(rows.map(({ id, ...label }) => [id, label]));
}
