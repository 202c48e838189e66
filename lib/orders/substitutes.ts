import 'server-only';
import { sql } from 'drizzle-orm';
import { getDb, intArray } from '@/lib/db';
import { skuRowsSql } from '@/lib/catalog/read';
import type { Locale } from '@/lib/i18n/config';
import { stockLevelsSql } from '@/lib/inventory/read';

/** A product staff may propose for a missing one: same department, on sale, free on this store's shelf. */
export type SubstituteCandidate = {
  skuId: number;
  productName: string;
  size: string | null;
  colour: string | null;
  priceCents: number;
  available: number;
};

/** How many candidates a picker is shown per line: the closest in price first. */
const PER_LINE = 8;

/**
 * The candidates for each of `skuIds` at one store (by original SKU). What picking accepts is
 * decided again, under the order's lock, by lib/orders/picking.ts; this only fills the picker's list.
 * Raw SQL: one ranked read over the catalogue's and the stock's row sources (a window per original).
 */
export async function listSubstituteCandidates(storeId: number, skuIds: readonly number[], locale: Locale): Promise<Map<number, SubstituteCandidate[]>> {
  const ids = [...new Set(skuIds)].filter((id) => Number.isSafeInteger(id) && id > 0);
  const out = new Map<number, SubstituteCandidate[]>(ids.map((id) => [id, []]));
  if (ids.length === 0 || !Number.isSafeInteger(storeId)) return out;
  const db = await getDb();
  const name = locale === 'fr' ? sql`k.name_fr` : sql`k.name_en`;
  const r = await db.execute<{
    for_sku: number;
    id: number;
    name: string;
    size: string | null;
    colour: string | null;
    price_cents: number;
    available: number;
  }>(sql`
    SELECT for_sku, id, name, size, colour, price_cents, available FROM (
      SELECT o.id AS for_sku, k.id, ${name} AS name, k.size, k.colour, k.price_cents, st.available,
             row_number() OVER (PARTITION BY o.id ORDER BY abs(k.price_cents - o.price_cents), k.id) AS rank
      FROM ${skuRowsSql} o
      JOIN ${skuRowsSql} k ON k.category_id = o.category_id AND k.id <> o.id AND k.withdrawn_at IS NULL
      JOIN ${stockLevelsSql} st ON st.location_id = ${storeId} AND st.sku_id = k.id AND st.available > 0
      WHERE o.id = ANY(${intArray(ids)}::int[])) ranked
    WHERE rank <= ${PER_LINE}
    ORDER BY for_sku, rank`);
  for (const c of r.rows) {
    out.get(Number(c.for_sku))?.push({
      skuId: Number(c.id),
      productName: c.name,
      size: c.size,
      colour: c.colour,
      priceCents: Number(c.price_cents),
      available: Number(c.available),
    });
  }
  return out;
}
