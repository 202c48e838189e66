import { sql } from 'drizzle-orm';
import type { Db } from '../../lib/db/client';
import { distanceKmSql } from '../../lib/stores/queries';
import { DEMO_STAFF_STORE_SLUGS } from '../../lib/db/seed/users';
import type { E2eData, SkuRef, StoreRef } from './data';

/*
 * The cart journey's facts (e2e/cart.spec.ts). The cart changes no stock, so its SKUs may be
 * anyone's; its drive stores are hypermarkets no other journey changes stock at (the staff ones
 * are left out). `driveSku` is in the web warehouse but sold out at `myDriveStore`, and the
 * nearest drive store that has it is `suggestedStore`.
 */
export async function cartJourneyData(db: Db): Promise<E2eData['cart']> {
  const sku = sql`k.id AS "skuId", k.ean13 AS ean, p.slug AS "productSlug", p.name_en AS "productName", st.on_hand AS "onHand", st.reserved`;
  const warehouse = sql`(SELECT id FROM locations WHERE kind = 'warehouse' ORDER BY id LIMIT 1)`;
  // Two different products, so each line is told apart by its name.
  const any = await db.execute<SkuRef>(sql`
    SELECT DISTINCT ON (p.id) ${sku} FROM stock st JOIN skus k ON k.id = st.sku_id JOIN products p ON p.id = k.product_id
    WHERE st.location_id = ${warehouse} AND st.on_hand - st.reserved >= 10
    ORDER BY p.id, k.id LIMIT 2 OFFSET 20`);
  const [anySku, otherSku] = any.rows;
  if (!anySku || !otherSku) throw new Error('e2e-data: no warehouse SKUs for the cart journey');

  const staffSlugs = sql.join(
    DEMO_STAFF_STORE_SLUGS.map((s) => sql`${s}`),
    sql`, `,
  );
  const drives = await db.execute<StoreRef & { lat: number; lng: number }>(sql`
    SELECT location_id AS id, slug, name, lat, lng FROM stores WHERE drive AND slug NOT IN (${staffSlugs}) ORDER BY location_id`);
  for (const mine of drives.rows) {
    const candidates = await db.execute<SkuRef>(sql`
      SELECT ${sku} FROM stock st JOIN skus k ON k.id = st.sku_id JOIN products p ON p.id = k.product_id
      WHERE st.location_id = ${warehouse} AND st.on_hand - st.reserved >= 3
        AND NOT EXISTS (SELECT 1 FROM stock m WHERE m.location_id = ${mine.id} AND m.sku_id = k.id AND m.on_hand - m.reserved > 0)
      ORDER BY k.id LIMIT 1 OFFSET 5`);
    const driveSku = candidates.rows[0];
    if (!driveSku) continue;
    const km = distanceKmSql(sql`s.lat`, sql`s.lng`, mine.lat, mine.lng);
    const nearest = await db.execute<StoreRef>(sql`
      SELECT s.location_id AS id, s.slug, s.name FROM stores s JOIN stock st ON st.location_id = s.location_id AND st.sku_id = ${driveSku.skuId}
      WHERE s.drive AND s.location_id <> ${mine.id} AND st.on_hand - st.reserved >= 1
      ORDER BY ${km}, s.name LIMIT 1`);
    if (!nearest.rows[0]) continue;
    return {
      anySku,
      otherSku,
      driveSku,
      myDriveStore: { id: mine.id, slug: mine.slug, name: mine.name },
      suggestedStore: nearest.rows[0],
    };
  }
  throw new Error('e2e-data: no drive store and SKU for the cart journey');
}
