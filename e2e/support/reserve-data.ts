import { sql } from 'drizzle-orm';
import type { Db } from '../../lib/db/client';
import { PARIS_STORE_SLUG } from '../../lib/db/seed/stores';
import type { E2eData, SkuRef, StoreRef } from './data';

/**
 * The shopper reservation journey's facts (e2e/reserve.spec.ts): Paris Les Halles, a click &
 * reserve shop where no other journey changes stock, and one SKU per Playwright project with at
 * least 4 units on the shelf and none held, outside the shoes department the browsing journeys read.
 */
export async function reserveJourneyData(db: Db): Promise<E2eData['reserve']> {
  const store = await db.execute<StoreRef & { click_reserve: boolean }>(sql`
    SELECT location_id AS id, slug, name, click_reserve FROM stores WHERE slug = ${PARIS_STORE_SLUG}`);
  const paris = store.rows[0];
  if (!paris?.click_reserve) throw new Error(`e2e-data: ${PARIS_STORE_SLUG} must offer click & reserve`);
  const r = await db.execute<SkuRef>(sql`
    SELECT k.id AS "skuId", k.ean13 AS ean, p.slug AS "productSlug", p.name_en AS "productName",
           st.on_hand AS "onHand", st.reserved
    FROM stock st JOIN skus k ON k.id = st.sku_id JOIN products p ON p.id = k.product_id
    JOIN categories c ON c.id = p.category_id
    WHERE st.location_id = ${paris.id} AND st.on_hand BETWEEN 4 AND 40 AND st.reserved = 0 AND c.slug <> 'chaussures'
    ORDER BY k.id LIMIT 2`);
  const [desktop, phone] = r.rows;
  if (!desktop || !phone) throw new Error('e2e-data: not enough SKUs for the reservation journey');
  return { store: { id: paris.id, slug: paris.slug, name: paris.name }, skus: { desktop, phone } };
}
