import { sql } from 'drizzle-orm';
import type { Db } from '../../lib/db/client';
import { DEMO_ACCOUNTS, DEMO_STAFF_STORE_SLUGS } from '../../lib/db/seed/users';
// Run with --conditions=react-server (e2e/support/server.ts): domain modules import 'server-only'.
import { adjustPoints, joinLoyalty } from '../../lib/loyalty/commands';
import { upsertAccount, upsertStaff } from './accounts';
import type { SkuRef, StoreRef } from './data';

/*
 * The till journey's facts (e2e/till.spec.ts, desktop project): at Lyon Part-Dieu (the demo staff
 * member's first store), a SKU with a few units on the shelf and nothing held, worth more than the
 * €5 a 100-point redemption takes off — drawn by a hash of the id away from the top of the id
 * range (the pickup desk's) and from the empty or one-unit shelves (the delivery, live and
 * last-unit journeys'); and a loyalty member of its own with 300 points.
 */
export const TILL_MEMBER_PASSWORD = 'till-member-4242';
export const TILL_CLOSE_STAFF_PASSWORD = 'till-close-staff-4242';
/** The till-close retry's store: a city shop no other journey takes (the returns journey skips it). */
export const TILL_CLOSE_RETRY_STORE_SLUG = 'lyon-confluence';

export type TillWebMember = { name: string; email: string; password: string; cardNumber: string; points: number };
/** A till of its own, its staff member (who signs in there) and a SKU on its shelf. */
export type TillCloseAttempt = { store: StoreRef; sku: SkuRef & { priceCents: number }; staff: { name: string; email: string; password: string } };

export type TillData = {
  store: StoreRef;
  sku: SkuRef & { priceCents: number };
  member: { name: string; email: string; cardNumber: string };
  /**
   * The across-channels journey's members, one per attempt (`testInfo.retry`: the first attempt
   * leaves its member with more points and a store purchase on the timeline): 99 points each, one
   * short of a redemption, so the till can take 100 off only once a web order has earned them points.
   */
  webMembers: TillWebMember[];
  /** Not on this shop's shelf, a few units at the web warehouse: ordered at the till for home delivery. */
  homeSku: SkuRef & { priceCents: number };
  /**
   * The cash-and-close journey (e2e/till-close.spec.ts), one per attempt (a day closes once per
   * store, so a retry closes another store's day): a store whose till no other journey uses, a
   * staff member of it, and a SKU on its shelf.
   */
  close: TillCloseAttempt[];
};

async function member(db: Db, who: { name: string; email: string }, points: number, key: string): Promise<string> {
  // Fixed keys: with E2E_SKIP_SETUP=1 this step runs again on the same database.
  const customerId = await upsertAccount(db, { ...who, password: TILL_MEMBER_PASSWORD }, 'shopper');
  const { cardNumber } = await joinLoyalty(customerId, { tx: db });
  await db.transaction((tx) => adjustPoints(tx, { customerId, points, reason: `e2e: ${key}`, staffId: null, key }));
  return cardNumber;
}

export async function tillJourneyData(db: Db): Promise<TillData> {
  const stores = await db.execute<StoreRef>(sql`SELECT location_id AS id, slug, name FROM stores WHERE slug = ${DEMO_STAFF_STORE_SLUGS[0]}`);
  const store = stores.rows[0];
  if (!store) throw new Error('e2e-data: no store for the till journey');
  const skus = await db.execute<SkuRef & { priceCents: number }>(sql`
    SELECT k.id AS "skuId", k.ean13 AS ean, p.slug AS "productSlug", p.name_en AS "productName",
           st.on_hand AS "onHand", st.reserved, k.price_cents AS "priceCents"
    FROM stock st JOIN skus k ON k.id = st.sku_id JOIN products p ON p.id = k.product_id
    WHERE st.location_id = ${store.id} AND st.on_hand BETWEEN 5 AND 40 AND st.reserved = 0 AND k.price_cents >= 1000
      AND k.id NOT IN (SELECT sku_id FROM stock WHERE location_id = ${store.id} ORDER BY sku_id DESC LIMIT 50)
    ORDER BY md5('till' || k.id::text) LIMIT 1`);
  const sku = skus.rows[0];
  if (!sku) throw new Error('e2e-data: no SKU for the till journey');

  const homeSkus = await db.execute<SkuRef & { priceCents: number }>(sql`
    SELECT k.id AS "skuId", k.ean13 AS ean, p.slug AS "productSlug", p.name_en AS "productName",
           w.on_hand AS "onHand", w.reserved, k.price_cents AS "priceCents"
    FROM skus k JOIN products p ON p.id = k.product_id
    JOIN stock w ON w.sku_id = k.id AND w.location_id = (SELECT id FROM locations WHERE kind = 'warehouse' ORDER BY id LIMIT 1)
    LEFT JOIN stock st ON st.sku_id = k.id AND st.location_id = ${store.id}
    WHERE (st.sku_id IS NULL OR st.on_hand - st.reserved = 0) AND w.on_hand - w.reserved >= 5
      AND k.id NOT IN (SELECT id FROM skus ORDER BY id DESC LIMIT 50)
    ORDER BY md5('till-home' || k.id::text) LIMIT 1`);
  const homeSku = homeSkus.rows[0];
  if (!homeSku) throw new Error('e2e-data: no SKU missing at the till journey’s shop');

  const tillMember = { name: 'Noa Caisse', email: 'till-member@example.com' };
  const cardNumber = await member(db, tillMember, 300, 'e2e-till-welcome');
  const webMember = async (name: string, email: string, key: string): Promise<TillWebMember> => {
    const who = { name, email, password: TILL_MEMBER_PASSWORD, points: 99 };
    return { ...who, cardNumber: await member(db, who, who.points, key) };
  };
  const webMembers = [
    await webMember('Inès Canaux', 'till-web-member@example.com', 'e2e-till-web-welcome'),
    await webMember('Yanis Canaux', 'till-web-member-2@example.com', 'e2e-till-web-welcome-2'),
  ];
  const close = [
    // The demo staff member's second store (the till and wallet journeys sell at the first).
    await closeJourneyData(db, DEMO_STAFF_STORE_SLUGS[1], DEMO_ACCOUNTS.staff),
    // The retry's: a Lyon shop no other journey (nor the demo staff member) works in, with a staff member of its own.
    await closeJourneyData(db, TILL_CLOSE_RETRY_STORE_SLUG, {
      name: 'Lou Clôture',
      email: 'till-close-staff@example.com',
      password: TILL_CLOSE_STAFF_PASSWORD,
    }),
  ];
  return { store, sku, member: { ...tillMember, cardNumber }, webMembers, homeSku, close };
}

async function closeJourneyData(db: Db, slug: string, staff: TillCloseAttempt['staff']): Promise<TillCloseAttempt> {
  const stores = await db.execute<StoreRef>(sql`SELECT location_id AS id, slug, name FROM stores WHERE slug = ${slug}`);
  const store = stores.rows[0];
  if (!store) throw new Error(`e2e-data: no store ${slug} for the till close journey`);
  if (staff.email !== DEMO_ACCOUNTS.staff.email) await upsertStaff(db, staff, store.id);
  const skus = await db.execute<SkuRef & { priceCents: number }>(sql`
    SELECT k.id AS "skuId", k.ean13 AS ean, p.slug AS "productSlug", p.name_en AS "productName",
           st.on_hand AS "onHand", st.reserved, k.price_cents AS "priceCents"
    FROM stock st JOIN skus k ON k.id = st.sku_id JOIN products p ON p.id = k.product_id
    WHERE st.location_id = ${store.id} AND st.on_hand - st.reserved >= 5 AND k.price_cents BETWEEN 500 AND 9000
      AND k.id NOT IN (SELECT sku_id FROM stock WHERE location_id = ${store.id} ORDER BY sku_id DESC LIMIT 50)
    ORDER BY md5('till-close' || k.id::text) LIMIT 1`);
  const sku = skus.rows[0];
  if (!sku) throw new Error(`e2e-data: no SKU at ${slug} for the till close journey`);
  return { store, sku, staff: { name: staff.name, email: staff.email, password: staff.password } };
}
