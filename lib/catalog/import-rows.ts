import { sql } from 'drizzle-orm';
import type { Db } from '@/lib/db';
import { arrayLiteral } from '@/lib/db/sql';

/*
 * The catalogue's side of an import (lib/import): departments, products, SKUs, prices and pictures
 * written set-wise, one statement per step whatever the file's size — the rows travel as one array
 * per column and are read back with unnest(…) WITH ORDINALITY, so a refusal names its row.
 *
 * Each write is an INSERT … ON CONFLICT … DO UPDATE … WHERE (…) IS DISTINCT FROM (…): a row the
 * file leaves as it is is not rewritten, so importing the same file twice changes nothing, and
 * migration 0019's triggers announce (expire the cached pages of) only what really changed.
 * New rows are inserted in the file's order, so their ids follow it (the seed relies on that).
 *
 * No 'server-only' here: the seed (lib/db/seed, run by tsx outside Next) loads through it.
 */

// Raw SQL throughout: unnest of column arrays, INSERT … ON CONFLICT … WHERE IS DISTINCT FROM, counted in one statement.

/** Positions (0-based, in the rows given) that a step refused, by reason. */
export type Unmatched = number[];

const texts = (values: readonly (string | null | undefined)[]) => arrayLiteral(values.map((v) => v ?? null));
const ints = (values: readonly (number | null | undefined)[]) => arrayLiteral(values.map((v) => v ?? null));
const bools = (values: readonly (boolean | null | undefined)[]) => arrayLiteral(values.map((v) => (v === undefined || v === null ? null : v ? 't' : 'f')));

async function count(db: Db, query: ReturnType<typeof sql>): Promise<number> {
  const result = await db.execute<{ n: number }>(query);
  return Number(result.rows[0]?.n ?? 0);
}

async function ordinals(db: Db, query: ReturnType<typeof sql>): Promise<number[]> {
  const result = await db.execute<{ ord: number }>(query);
  return result.rows.map((r) => Number(r.ord) - 1);
}

export type CategoryImport = { slug: string; name_fr: string; name_en: string; position?: number };

export async function importCategories(db: Db, rows: CategoryImport[]): Promise<{ changed: number }> {
  const changed = await count(
    db,
    sql`WITH input AS (
          SELECT * FROM unnest(${texts(rows.map((r) => r.slug))}::text[], ${texts(rows.map((r) => r.name_fr))}::text[],
                               ${texts(rows.map((r) => r.name_en))}::text[], ${ints(rows.map((r) => r.position))}::int[])
                 WITH ORDINALITY AS i(slug, name_fr, name_en, position, ord)),
        written AS (
          INSERT INTO categories (slug, name_fr, name_en, position)
          SELECT i.slug, i.name_fr, i.name_en, coalesce(i.position, c.position, 0)
          FROM input i LEFT JOIN categories c ON c.slug = i.slug ORDER BY i.ord
          ON CONFLICT (slug) DO UPDATE SET name_fr = excluded.name_fr, name_en = excluded.name_en, position = excluded.position
          WHERE (categories.name_fr, categories.name_en, categories.position) IS DISTINCT FROM (excluded.name_fr, excluded.name_en, excluded.position)
          RETURNING 1)
        SELECT count(*)::int AS n FROM written`,
  );
  return { changed };
}

export type ProductImport = {
  slug: string;
  department: string;
  brand: string;
  name_fr: string;
  name_en: string;
  description_fr: string;
  description_en: string;
  withdrawn?: boolean;
};

/** Products, by slug; rows naming an unknown department come back in `unknownDepartment`, and nothing is written. */
export async function importProducts(db: Db, rows: ProductImport[]): Promise<{ changed: number; unknownDepartment: Unmatched }> {
  const input = sql`SELECT * FROM unnest(${texts(rows.map((r) => r.slug))}::text[], ${texts(rows.map((r) => r.department))}::text[],
      ${texts(rows.map((r) => r.brand))}::text[], ${texts(rows.map((r) => r.name_fr))}::text[], ${texts(rows.map((r) => r.name_en))}::text[],
      ${texts(rows.map((r) => r.description_fr))}::text[], ${texts(rows.map((r) => r.description_en))}::text[], ${bools(rows.map((r) => r.withdrawn))}::boolean[])
    WITH ORDINALITY AS i(slug, department, brand, name_fr, name_en, description_fr, description_en, withdrawn, ord)`;
  const unknownDepartment = await ordinals(
    db,
    sql`SELECT i.ord FROM (${input}) i WHERE NOT EXISTS (SELECT 1 FROM categories c WHERE c.slug = i.department) ORDER BY i.ord`,
  );
  if (unknownDepartment.length > 0) return { changed: 0, unknownDepartment };
  // A withdrawn product keeps the moment it was first withdrawn; pictures are the 'pictures' kind's.
  const changed = await count(
    db,
    sql`WITH written AS (
          INSERT INTO products (slug, category_id, brand, name_fr, name_en, description_fr, description_en, images, withdrawn_at)
          SELECT i.slug, c.id, i.brand, i.name_fr, i.name_en, i.description_fr, i.description_en, coalesce(p.images, '[]'::jsonb),
                 CASE WHEN i.withdrawn IS NULL THEN p.withdrawn_at WHEN i.withdrawn THEN coalesce(p.withdrawn_at, now()) END
          FROM (${input}) i JOIN categories c ON c.slug = i.department LEFT JOIN products p ON p.slug = i.slug
          ORDER BY i.ord
          ON CONFLICT (slug) DO UPDATE SET category_id = excluded.category_id, brand = excluded.brand, name_fr = excluded.name_fr,
            name_en = excluded.name_en, description_fr = excluded.description_fr, description_en = excluded.description_en,
            withdrawn_at = excluded.withdrawn_at
          WHERE (products.category_id, products.brand, products.name_fr, products.name_en, products.description_fr, products.description_en, products.withdrawn_at IS NULL)
            IS DISTINCT FROM (excluded.category_id, excluded.brand, excluded.name_fr, excluded.name_en, excluded.description_fr, excluded.description_en, excluded.withdrawn_at IS NULL)
          RETURNING 1)
        SELECT count(*)::int AS n FROM written`,
  );
  return { changed, unknownDepartment: [] };
}

export type SkuImport = { product: string; ean: string; size: string | null; colour: string | null; priceCents: number; position?: number };

/** SKUs, by EAN (a SKU may move to another product); rows naming an unknown product come back, nothing written. */
export async function importSkus(db: Db, rows: SkuImport[]): Promise<{ changed: number; unknownProduct: Unmatched }> {
  const input = sql`SELECT * FROM unnest(${texts(rows.map((r) => r.product))}::text[], ${texts(rows.map((r) => r.ean))}::text[],
      ${texts(rows.map((r) => r.size))}::text[], ${texts(rows.map((r) => r.colour))}::text[], ${ints(rows.map((r) => r.priceCents))}::int[],
      ${ints(rows.map((r) => r.position))}::int[])
    WITH ORDINALITY AS i(product, ean, size, colour, price_cents, position, ord)`;
  const unknownProduct = await ordinals(
    db,
    sql`SELECT i.ord FROM (${input}) i WHERE NOT EXISTS (SELECT 1 FROM products p WHERE p.slug = i.product) ORDER BY i.ord`,
  );
  if (unknownProduct.length > 0) return { changed: 0, unknownProduct };
  const changed = await count(
    db,
    sql`WITH written AS (
          INSERT INTO skus (product_id, ean13, size, colour, price_cents, position)
          SELECT p.id, i.ean, i.size, i.colour, i.price_cents, coalesce(i.position, s.position, 0)
          FROM (${input}) i JOIN products p ON p.slug = i.product LEFT JOIN skus s ON s.ean13 = i.ean
          ORDER BY i.ord
          ON CONFLICT (ean13) DO UPDATE SET product_id = excluded.product_id, size = excluded.size, colour = excluded.colour,
            price_cents = excluded.price_cents, position = excluded.position
          WHERE (skus.product_id, skus.size, skus.colour, skus.price_cents, skus.position)
            IS DISTINCT FROM (excluded.product_id, excluded.size, excluded.colour, excluded.price_cents, excluded.position)
          RETURNING 1)
        SELECT count(*)::int AS n FROM written`,
  );
  return { changed, unknownProduct: [] };
}

export type PriceImport = { ean: string; priceCents: number };

/** One price for every channel, by EAN; unknown EANs come back, nothing written. */
export async function importPrices(db: Db, rows: PriceImport[]): Promise<{ changed: number; unknownEan: Unmatched }> {
  const input = sql`SELECT * FROM unnest(${texts(rows.map((r) => r.ean))}::text[], ${ints(rows.map((r) => r.priceCents))}::int[])
    WITH ORDINALITY AS i(ean, price_cents, ord)`;
  const unknownEan = await ordinals(db, sql`SELECT i.ord FROM (${input}) i WHERE NOT EXISTS (SELECT 1 FROM skus s WHERE s.ean13 = i.ean) ORDER BY i.ord`);
  if (unknownEan.length > 0) return { changed: 0, unknownEan };
  const changed = await count(
    db,
    sql`WITH written AS (
          UPDATE skus s SET price_cents = i.price_cents FROM (${input}) i
          WHERE s.ean13 = i.ean AND s.price_cents IS DISTINCT FROM i.price_cents
          RETURNING 1)
        SELECT count(*)::int AS n FROM written`,
  );
  return { changed, unknownEan: [] };
}

export type PicturesImport = { product: string; urls: string[]; rows: number };

/**
 * A product's pictures, in order: the file's rows for a product are its whole list. `changed`
 * counts the rows of the products whose list changed.
 */
export async function importPictures(db: Db, products: PicturesImport[]): Promise<{ changed: number; unknownProduct: Unmatched }> {
  const input = sql`SELECT * FROM unnest(${texts(products.map((p) => p.product))}::text[], ${texts(products.map((p) => JSON.stringify(p.urls)))}::jsonb[],
      ${ints(products.map((p) => p.rows))}::int[])
    WITH ORDINALITY AS i(product, images, rows, ord)`;
  const unknownProduct = await ordinals(
    db,
    sql`SELECT i.ord FROM (${input}) i WHERE NOT EXISTS (SELECT 1 FROM products p WHERE p.slug = i.product) ORDER BY i.ord`,
  );
  if (unknownProduct.length > 0) return { changed: 0, unknownProduct };
  const changed = await count(
    db,
    sql`WITH written AS (
          UPDATE products p SET images = i.images FROM (${input}) i
          WHERE p.slug = i.product AND p.images IS DISTINCT FROM i.images
          RETURNING i.rows)
        SELECT coalesce(sum(rows), 0)::int AS n FROM written`,
  );
  return { changed, unknownProduct: [] };
}

/** SKU ids by EAN, for another domain's import (stock): one statement for the whole file. */
export async function skuIdsByEan(db: Db, eans: readonly string[]): Promise<Map<string, number>> {
  const result = await db.execute<{ ean13: string; id: number }>(
    sql`SELECT s.ean13, s.id FROM skus s WHERE s.ean13 = ANY (${texts([...new Set(eans)])}::text[])`,
  );
  return new Map(result.rows.map((r) => [r.ean13, Number(r.id)]));
}
