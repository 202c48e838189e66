import { sql } from 'drizzle-orm';
import type { Db } from '../../lib/db/client';
import { HYPER_STORE_SLUG, PARIS_STORE_SLUG } from '../../lib/db/seed/stores';
import { DEMO_STAFF_STORE_SLUGS } from '../../lib/db/seed/users';
// Run with --conditions=react-server (e2e/support/server.ts): domain modules import 'server-only'.
import { joinLoyalty } from '../../lib/loyalty/commands';
import { upsertAccount, upsertStaff } from './accounts';
import { ATTEMPTS, type SkuRef, type StoreRef } from './data';
import { TILL_CLOSE_RETRY_STORE_SLUG } from './till-data';

/*
 * The returns journey's facts (e2e/returns.spec.ts). A shop of its own: a city shop (no drive)
 * that is none of the other journeys' (not the staff demo's, Paris, the hypermarket or the
 * till-close retry's), given a returns desk, no closure in the days offered, and a staff member of
 * its own. A SKU of its own: sold there, its shelf emptied (nothing held), and plenty in the web
 * warehouse. A shopper of their own, a loyalty member, so the order the journey places earns points
 * at delivery. A SKU and a shopper per attempt (CI retries a failed journey once): the first attempt
 * has bought, returned and restocked its own, so a retry with them would find the shelf no longer
 * empty. The journey buys through the web checkout itself: the test card provider keeps its
 * payments in the server's memory, so only a payment made through the server can be refunded by it.
 */
export const RETURNS_STAFF = { email: 'returns-journey@example.com', password: 'returns-journey-4242', name: 'Rémi Returns' } as const;
/** The shopper of attempt `n` (0 for the first). */
export const returnsShopper = (n: number) =>
  ({ email: n === 0 ? 'returns-shopper@example.com' : `returns-shopper-${n + 1}@example.com`, password: 'returns-shopper-4242', name: 'Rose Retour' }) as const;

export type ReturnsAttempt = { sku: SkuRef; shopper: { email: string; password: string } };
export type ReturnsJourneyData = {
  store: StoreRef;
  staff: { email: string; password: string };
  /** Indexed by the attempt (`testInfo.retry`). */
  attempts: ReturnsAttempt[];
};

export async function returnsJourneyData(db: Db, usedSkuIds: number[]): Promise<ReturnsJourneyData> {
  const taken = sql.join(
    [...DEMO_STAFF_STORE_SLUGS, PARIS_STORE_SLUG, HYPER_STORE_SLUG, TILL_CLOSE_RETRY_STORE_SLUG].map((s) => sql`${s}`),
    sql`, `,
  );
  const stores = await db.execute<StoreRef>(sql`
    SELECT location_id AS id, slug, name FROM stores WHERE NOT drive AND slug NOT IN (${taken})
    ORDER BY returns_desk DESC, location_id DESC LIMIT 1`);
  const store = stores.rows[0];
  if (!store) throw new Error('e2e-data: no shop for the returns journey');
  await db.execute(sql`UPDATE stores SET returns_desk = true WHERE location_id = ${store.id}`);
  await db.execute(sql`DELETE FROM store_closures WHERE store_id = ${store.id} AND day BETWEEN current_date - 1 AND current_date + 16`);

  const used = usedSkuIds.length
    ? sql`AND k.id NOT IN (${sql.join(
        usedSkuIds.map((id) => sql`${id}`),
        sql`, `,
      )})`
    : sql``;
  const skus = await db.execute<SkuRef>(sql`
    SELECT k.id AS "skuId", k.ean13 AS ean, p.slug AS "productSlug", p.name_en AS "productName", 0 AS "onHand", 0 AS reserved
    FROM stock st JOIN skus k ON k.id = st.sku_id JOIN products p ON p.id = k.product_id
    JOIN stock w ON w.sku_id = k.id AND w.location_id = (SELECT id FROM locations WHERE kind = 'warehouse' ORDER BY id LIMIT 1)
    WHERE st.location_id = ${store.id} AND st.reserved = 0 AND w.on_hand - w.reserved >= 5 AND k.price_cents BETWEEN 1000 AND 10000 ${used}
    ORDER BY md5('returns' || k.id::text) LIMIT ${ATTEMPTS}`);
  if (skus.rows.length < ATTEMPTS) throw new Error('e2e-data: not enough SKUs for the returns journey');

  await upsertStaff(db, RETURNS_STAFF, store.id);

  const attempts: ReturnsAttempt[] = [];
  for (const [n, sku] of skus.rows.entries()) {
    await db.execute(sql`UPDATE stock SET on_hand = 0 WHERE location_id = ${store.id} AND sku_id = ${sku.skuId}`);
    const shopper = returnsShopper(n);
    await joinLoyalty(await upsertAccount(db, shopper, 'shopper'));
    attempts.push({ sku, shopper });
  }
  return { store, staff: RETURNS_STAFF, attempts };
}
