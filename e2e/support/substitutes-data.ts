import { sql } from 'drizzle-orm';
import type { Db } from '../../lib/db/client';
import type { SkuRef, StoreRef } from './data';

/*
 * The drive substitutions journey's facts (e2e/drive-substitutes.spec.ts), at the checkout
 * journeys' own drive store (e2e/support/orders-data.ts: cut-off 0, a slot every quarter hour, its
 * staff member): two SKUs on its shelf, nothing held, each with the substitute the picker will
 * choose — the first of the picking list (lib/orders/substitutes.ts: same department, free on this
 * shelf, closest in price). None is the checkout journey's SKU, and the four are four products.
 */
export type PricedSku = SkuRef & { priceCents: number };
export type SubstitutesJourneyData = { store: StoreRef; lines: [{ sku: PricedSku; substitute: PricedSku }, { sku: PricedSku; substitute: PricedSku }] };

const skuColumns = sql`k.id AS "skuId", k.ean13 AS ean, p.slug AS "productSlug", p.name_en AS "productName", st.on_hand AS "onHand", st.reserved, k.price_cents AS "priceCents"`;

export async function substitutesJourneyData(db: Db, store: StoreRef, avoid: number[]): Promise<SubstitutesJourneyData> {
  const avoided = sql.join(
    avoid.map((id) => sql`${id}`),
    sql`, `,
  );
  // Each candidate SKU with its closest-priced substitute of another product, both free on this shelf.
  const pairs = await db.execute<{ sku_id: number; sub_id: number; sku_product: number; sub_product: number }>(sql`
    SELECT k.id AS sku_id, s.id AS sub_id, k.product_id AS sku_product, s.product_id AS sub_product
    FROM stock st JOIN skus k ON k.id = st.sku_id JOIN products p ON p.id = k.product_id
    CROSS JOIN LATERAL (
      SELECT k2.id, k2.product_id, st2.on_hand - st2.reserved AS free
      FROM skus k2 JOIN products p2 ON p2.id = k2.product_id JOIN stock st2 ON st2.sku_id = k2.id AND st2.location_id = ${store.id}
      WHERE p2.category_id = p.category_id AND k2.id <> k.id AND p2.withdrawn_at IS NULL AND st2.on_hand - st2.reserved > 0
      ORDER BY abs(k2.price_cents - k.price_cents), k2.id LIMIT 1) s
    WHERE st.location_id = ${store.id} AND st.reserved = 0 AND st.on_hand BETWEEN 4 AND 40 AND p.withdrawn_at IS NULL
      AND k.id NOT IN (${avoided}) AND s.id NOT IN (${avoided}) AND s.product_id <> k.product_id AND s.free >= 3
    ORDER BY md5(k.id::text)`);
  const chosen: { sku: number; sub: number }[] = [];
  const products = new Set<number>();
  for (const p of pairs.rows) {
    if (products.has(p.sku_product) || products.has(p.sub_product)) continue;
    chosen.push({ sku: p.sku_id, sub: p.sub_id });
    products.add(p.sku_product).add(p.sub_product);
    if (chosen.length === 2) break;
  }
  if (chosen.length < 2) throw new Error('e2e-data: no SKUs with substitutes for the drive substitutions journey');
  const ref = async (id: number): Promise<PricedSku> =>
    (
      await db.execute<PricedSku>(sql`
        SELECT ${skuColumns} FROM stock st JOIN skus k ON k.id = st.sku_id JOIN products p ON p.id = k.product_id
        WHERE st.location_id = ${store.id} AND k.id = ${id}`)
    ).rows[0]!;
  const line = async (c: { sku: number; sub: number }) => ({ sku: await ref(c.sku), substitute: await ref(c.sub) });
  return { store, lines: [await line(chosen[0]!), await line(chosen[1]!)] };
}
