import { sql } from 'drizzle-orm';
import type { Db } from '../../lib/db/client';
import { DEMO_STAFF_STORE_SLUGS } from '../../lib/db/seed/users';
import { upsertStaff } from './accounts';
import type { E2eData, SkuRef, StoreRef } from './data';

/*
 * The checkout journeys' facts (e2e/checkout-drive.spec.ts, e2e/checkout-delivery.spec.ts).
 *
 * Drive: "I'm here" opens an hour before the slot, and a slot within the hour is past any usual
 * cut-off. So one hypermarket becomes the journey's own (the last drive store by id: not the
 * staff demo's, not the cart journey's): its cut-off is 0, its plan and the seed's slots are
 * replaced by a 15-minute slot every quarter of an hour for the next 12 hours (the earliest one
 * always starts within the hour), no closure this week, and a staff member of its own.
 * Delivery: a SKU with plenty in the web warehouse, from the top of the id range.
 */
export const ORDERS_STAFF = { email: 'drive-journey@example.com', password: 'drive-journey-4242', name: 'Dominique Drive' } as const;

const skuColumns = sql`k.id AS "skuId", k.ean13 AS ean, p.slug AS "productSlug", p.name_en AS "productName", st.on_hand AS "onHand", st.reserved`;

export async function ordersJourneyData(db: Db): Promise<E2eData['orders']> {
  const staffSlugs = sql.join(
    DEMO_STAFF_STORE_SLUGS.map((s) => sql`${s}`),
    sql`, `,
  );
  const stores = await db.execute<StoreRef>(sql`
    SELECT location_id AS id, slug, name FROM stores WHERE drive AND slug NOT IN (${staffSlugs}) ORDER BY location_id DESC LIMIT 1`);
  const store = stores.rows[0];
  if (!store) throw new Error('e2e-data: no drive store for the checkout journey');
  const id = store.id;

  // Every claim on the store's slots (bookings and holds, lib/booking): a slot with claims is not deleted.
  await db.execute(sql`DELETE FROM capacity_claims WHERE slot_id IN (SELECT s.id FROM drive_slots s WHERE s.store_id = ${id})`);
  await db.execute(sql`DELETE FROM drive_slots WHERE store_id = ${id}`);
  await db.execute(sql`DELETE FROM drive_slot_plans WHERE store_id = ${id}`);
  await db.execute(sql`DELETE FROM drive_closures WHERE store_id = ${id}`);
  await db.execute(sql`DELETE FROM store_closures WHERE store_id = ${id} AND day BETWEEN current_date - 1 AND current_date + 8`);
  await db.execute(sql`
    INSERT INTO drive_settings (store_id, cutoff_minutes) VALUES (${id}, 0)
    ON CONFLICT (store_id) DO UPDATE SET cutoff_minutes = 0`);
  await db.execute(sql`
    INSERT INTO drive_slots (store_id, starts_at, ends_at, capacity)
    SELECT ${id}, t, t + interval '15 minutes', 20
    FROM generate_series(date_trunc('hour', now()) + interval '15 minutes', now() + interval '12 hours', interval '15 minutes') AS t
    WHERE t > now() + interval '2 minutes'`);

  const drive = await db.execute<SkuRef>(sql`
    SELECT ${skuColumns} FROM stock st JOIN skus k ON k.id = st.sku_id JOIN products p ON p.id = k.product_id
    WHERE st.location_id = ${id} AND st.on_hand BETWEEN 3 AND 40 AND st.reserved = 0
    ORDER BY k.id DESC LIMIT 1`);
  const delivery = await db.execute<SkuRef>(sql`
    SELECT ${skuColumns} FROM stock st JOIN skus k ON k.id = st.sku_id JOIN products p ON p.id = k.product_id
    WHERE st.location_id = (SELECT id FROM locations WHERE kind = 'warehouse' ORDER BY id LIMIT 1)
      AND st.on_hand - st.reserved >= 10 AND k.price_cents < 5000
    ORDER BY k.id DESC LIMIT 1`);
  if (!drive.rows[0] || !delivery.rows[0]) throw new Error('e2e-data: no SKUs for the checkout journeys');

  await upsertStaff(db, ORDERS_STAFF, id);

  return { driveStore: store, driveSku: drive.rows[0], deliverySku: delivery.rows[0], staff: ORDERS_STAFF };
}
