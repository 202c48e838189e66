import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import { getDb } from '@/lib/db/client';
import { intArray, textArray } from '@/lib/db/sql';
import type { Locale } from '@/lib/i18n/config';
import { stockLevelsSql } from '@/lib/inventory/read';
import { toCard, type CardRow } from './card-row';
import type { FacetParams } from './facet-params';
import { PAGE_SIZE } from './queries';
import type { ProductCard } from './types';

/*
 * Facets of a list of products — a department's, or a search's matches — and the list they leave.
 *
 * Size, colour, price and availability are the SKU's: a product is kept when ONE of its SKUs
 * passes every filter (size M in navy means an M that is navy, not an M and a navy one), brand is
 * the product's. Within a facet the values add up (size M or L), facets narrow each other. A
 * value's count is how many products its link would show: every other facet's filters applied,
 * its own left out (the usual rule, so a shopper sees what a second size would add). A value of
 * the list that no product would keep counts 0; the page shows it disabled.
 *
 * "In stock at my store" is stock on that store's shelf (available = on hand − reserved, read
 * through lib/inventory/read.ts); "available for drive" the same at the visitor's drive store, a
 * drive picking from its own shelf (lib/cart's drive check reads it so too). Without a store the
 * filter is left aside and its count is null.
 */

/** The products a page lists: a department's, or a search's matches best first. */
export type FacetScope = { categoryId: number } | { productIds: readonly number[] };

/** The visitor's stores, when they have chosen one (the drive store offers drive). */
export type StockContext = { storeId: number | null; driveStoreId: number | null };
export const NO_STORE: StockContext = { storeId: null, driveStoreId: null };

export type FacetValue = { value: string; count: number };
/** A price band in euros, both bounds included (max null: no upper bound). */
export type PriceBand = { min: number; max: number | null; count: number };
export type Facets = {
  brand: FacetValue[];
  size: FacetValue[];
  colour: FacetValue[];
  price: PriceBand[];
  /** Products in stock at my store / for drive at my drive store (other filters applied); null without that store. */
  stock: { store: number | null; drive: number | null };
  /** Products every filter keeps. */
  total: number;
};

/** The price bands offered as links (euros); the form takes any other range. */
export const PRICE_BANDS: readonly { min: number; max: number | null }[] = [
  { min: 0, max: 20 },
  { min: 20, max: 50 },
  { min: 50, max: 100 },
  { min: 100, max: 200 },
  { min: 200, max: null },
];

const MAX_INT = 2_147_483_647;
const validId = (n: number | null | undefined): number | null => (Number.isSafeInteger(n) && n! > 0 && n! <= MAX_INT ? n! : null);
const cents = (euros: number) => Math.round(euros * 100);

function scopeWhere(scope: FacetScope): SQL {
  if ('categoryId' in scope) return sql`p.category_id = ${validId(scope.categoryId) ?? 0}`;
  return sql`p.id = ANY(${intArray(scope.productIds.filter((id) => validId(id) !== null))}::int[])`;
}

const oneOfList = (column: SQL, values: readonly string[]) => (values.length ? sql`${column} = ANY(${textArray(values)}::text[])` : sql`true`);

/**
 * Every SKU of the scope's products on sale, with whether it passes each filter (f_brand, f_size,
 * f_colour, f_price, f_stock) and its units at my store. One row source for the counts and the list.
 */
function skusWithFilters(scope: FacetScope, f: FacetParams, ctx: StockContext): SQL {
  const storeId = validId(ctx.storeId);
  const driveId = validId(ctx.driveStoreId);
  const price = [...(f.min !== null ? [sql`k.price_cents >= ${cents(f.min)}`] : []), ...(f.max !== null ? [sql`k.price_cents <= ${cents(f.max)}`] : [])];
  // A stock filter without its store is left aside: the page says to choose one.
  const stock =
    f.stock === 'store' && storeId ? sql`coalesce(ss.available, 0) > 0` : f.stock === 'drive' && driveId ? sql`coalesce(ds.available, 0) > 0` : sql`true`;
  return sql`
    SELECT k.id AS sku_id, k.product_id, p.brand, k.size, k.colour, k.price_cents,
           greatest(coalesce(ss.available, 0), 0) AS store_units,
           coalesce(ss.available, 0) > 0 AS at_store, coalesce(ds.available, 0) > 0 AS at_drive,
           ${oneOfList(sql`p.brand`, f.brand)} AS f_brand, ${oneOfList(sql`k.size`, f.size)} AS f_size,
           ${oneOfList(sql`k.colour`, f.colour)} AS f_colour,
           ${price.length ? sql.join(price, sql` AND `) : sql`true`} AS f_price, ${stock} AS f_stock
    FROM products p JOIN skus k ON k.product_id = p.id
    LEFT JOIN ${stockLevelsSql} ss ON ss.sku_id = k.id AND ss.location_id = ${storeId}::int
    LEFT JOIN ${stockLevelsSql} ds ON ds.sku_id = k.id AND ds.location_id = ${driveId}::int
    WHERE ${scopeWhere(scope)} AND p.withdrawn_at IS NULL`;
}

type Filter = 'f_brand' | 'f_size' | 'f_colour' | 'f_price' | 'f_stock';
const FILTERS: readonly Filter[] = ['f_brand', 'f_size', 'f_colour', 'f_price', 'f_stock'];
/** Every filter but `except`'s, as a WHERE condition on the row source. */
const allBut = (...except: Filter[]) => sql.raw(FILTERS.filter((x) => !except.includes(x)).join(' AND ') || 'true');

type CountsRow = { brand: unknown; size: unknown; colour: unknown; price: unknown; store: number | null; drive: number | null; total: number };
const json = <T>(v: unknown): T => (typeof v === 'string' ? (JSON.parse(v) as T) : (v as T));

/** Natural order of sizes: numbers by value (« 2,5 L » before « 10 L »), then clothing sizes XS…XXL, then the rest. */
const CLOTHING = ['XXS', 'XS', 'S', 'M', 'L', 'XL', 'XXL', 'XXXL'];
export function compareSizes(a: string, b: string): number {
  const rank = (s: string): [number, number, string] => {
    const n = /^(\d+(?:,\d+)?)/.exec(s);
    if (n) return [0, Number(n[1]!.replace(',', '.')), s];
    const c = CLOTHING.indexOf(s.toUpperCase());
    return c !== -1 ? [1, c, s] : [2, 0, s];
  };
  const [ga, na, sa] = rank(a);
  const [gb, nb, sb] = rank(b);
  return ga - gb || na - nb || sa.localeCompare(sb, 'fr');
}

/**
 * The facets of `scope` under the filters `f`: each value with the products its link would show,
 * the price bands, the availability counts at the visitor's stores, and how many products pass.
 */
export async function countFacets(scope: FacetScope, f: FacetParams, ctx: StockContext = NO_STORE): Promise<Facets> {
  const db = await getDb();
  const storeId = validId(ctx.storeId);
  const driveId = validId(ctx.driveStoreId);
  const bands = PRICE_BANDS.map(
    (b) => sql`(SELECT count(DISTINCT product_id)::int FROM m WHERE ${allBut('f_price')} AND price_cents >= ${cents(b.min)}
               ${b.max === null ? sql`` : sql`AND price_cents <= ${cents(b.max)}`})`,
  );
  const inStock = (column: 'at_store' | 'at_drive', id: number | null) =>
    id === null ? sql`NULL::int` : sql`(SELECT count(DISTINCT product_id)::int FROM m WHERE ${allBut('f_stock')} AND ${sql.raw(column)})`;
  // Raw SQL: one statement over a CTE of the scope's SKUs, each facet a FILTERed count over it with the other facets' filters.
  const result = await db.execute<CountsRow>(sql`
    WITH m AS MATERIALIZED (${skusWithFilters(scope, f, ctx)})
    SELECT ${counts('brand', 'f_brand')} AS brand, ${counts('size', 'f_size')} AS size, ${counts('colour', 'f_colour')} AS colour,
           json_build_array(${sql.join(bands, sql`, `)}) AS price,
           ${inStock('at_store', storeId)} AS store, ${inStock('at_drive', driveId)} AS drive,
           (SELECT count(DISTINCT product_id)::int FROM m WHERE ${allBut()}) AS total`);
  const row = result.rows[0]!;
  const bandCounts = json<number[]>(row.price);
  return {
    brand: json<FacetValue[]>(row.brand).sort((a, b) => a.value.localeCompare(b.value, 'fr')),
    size: json<FacetValue[]>(row.size).sort((a, b) => compareSizes(a.value, b.value)),
    colour: json<FacetValue[]>(row.colour),
    price: PRICE_BANDS.map((b, i) => ({ ...b, count: Number(bandCounts[i] ?? 0) })),
    stock: { store: row.store, drive: row.drive },
    total: row.total,
  };
}

function counts(column: 'brand' | 'size' | 'colour', own: Filter): SQL {
  return sql`(SELECT coalesce(json_agg(json_build_object('value', x.v, 'count', x.n) ORDER BY x.v), '[]'::json) FROM (
      SELECT ${sql.raw(column)} AS v, (count(DISTINCT product_id) FILTER (WHERE ${allBut(own)}))::int AS n
      FROM m WHERE ${sql.raw(column)} IS NOT NULL GROUP BY ${sql.raw(column)}) x)`;
}

/**
 * Only the availability counts (the rest of the facets read from the cache): what the unfiltered
 * department page asks per visitor, so the shared counts are not made per visitor.
 */
export async function countStockFacets(scope: FacetScope, f: FacetParams, ctx: StockContext): Promise<Facets['stock']> {
  const storeId = validId(ctx.storeId);
  const driveId = validId(ctx.driveStoreId);
  if (storeId === null && driveId === null) return { store: null, drive: null };
  const db = await getDb();
  // Raw SQL: the same row source as countFacets, two FILTERed counts over it.
  const result = await db.execute<{ store: number; drive: number }>(sql`
    SELECT (count(DISTINCT product_id) FILTER (WHERE ${allBut('f_stock')} AND at_store))::int AS store,
           (count(DISTINCT product_id) FILTER (WHERE ${allBut('f_stock')} AND at_drive))::int AS drive
    FROM (${skusWithFilters(scope, f, ctx)}) m`);
  const row = result.rows[0];
  return { store: storeId === null ? null : (row?.store ?? 0), drive: driveId === null ? null : (row?.drive ?? 0) };
}

type ListRow = CardRow & { total: number };

function orderBy(scope: FacetScope, sort: FacetParams['sort']): SQL {
  switch (sort) {
    case 'price-asc':
      return sql`min_price, id`;
    case 'price-desc':
      return sql`min_price DESC, id`;
    // The catalogue has no date of listing: ids are given in the order products are added.
    case 'newest':
      return sql`id DESC`;
    default:
      return 'categoryId' in scope ? sql`name_fr, id` : sql`array_position(${intArray(scope.productIds)}::int[], id), id`;
  }
}

/**
 * One page of the products the filters keep, in the chosen order, with the total. A card's price
 * range is that of its SKUs the filters keep (size M's price); with my store, its units there.
 */
export async function listFacetedProducts(
  scope: FacetScope,
  f: FacetParams,
  locale: Locale,
  ctx: StockContext = NO_STORE,
  pageSize = PAGE_SIZE,
): Promise<{ items: ProductCard[]; total: number }> {
  const db = await getDb();
  const storeId = validId(ctx.storeId);
  // Raw SQL: the CTE of the scope's SKUs with their filters, grouped into cards, a window count for the total.
  const result = await db.execute<ListRow>(sql`
    WITH m AS (${skusWithFilters(scope, f, ctx)}),
    cards AS (
      SELECT p.id, p.slug, p.name_fr, p.name_en, p.brand, p.images->>0 AS image,
             min(m.price_cents)::int AS min_price, max(m.price_cents)::int AS max_price,
             CASE WHEN ${storeId}::int IS NULL THEN NULL ELSE sum(m.store_units)::int END AS available
      FROM m JOIN products p ON p.id = m.product_id
      WHERE ${allBut()}
      GROUP BY p.id
    )
    SELECT *, count(*) OVER ()::int AS total FROM cards
    ORDER BY ${orderBy(scope, f.sort)}
    LIMIT ${pageSize} OFFSET ${(Math.max(1, f.page) - 1) * pageSize}`);
  return { items: result.rows.map((r) => toCard(r, locale)), total: result.rows[0]?.total ?? 0 };
}
