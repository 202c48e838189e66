/**
 * Writes the facts the Playwright journeys need about the freshly seeded database
 * (e2e/support/data.ts) — run by e2e/support/server.ts after setup and before `next start`,
 * while the database is still free to open.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { openConnection, setConnection, type Db } from '../../lib/db/client';
import { DEMO_ACCOUNTS, DEMO_STAFF_STORE_SLUGS } from '../../lib/db/seed/users';
import { PARIS_STORE_SLUG } from '../../lib/db/seed/stores';
// Run with --conditions=react-server (e2e/support/server.ts): domain modules import 'server-only'.
import { placeReservation } from '../../lib/reservations/commands';
import { ATTEMPTS, E2E_DATA_FILE, type E2eData, type PerProjectAttempt, type SkuRef, type StoreRef } from './data';
import { driveDeskJourneyData } from './drive-desk-data';
import { ordersJourneyData } from './orders-data';
import { substitutesJourneyData } from './substitutes-data';
import { cardJourneyData } from './card-data';
import { cartJourneyData } from './cart-data';
import { reserveJourneyData } from './reserve-data';
import { returnsJourneyData } from './returns-data';
import { tillJourneyData } from './till-data';
import { walletJourneyData } from './wallet-data';

async function store(db: Db, slug: string): Promise<StoreRef> {
  const r = await db.execute<StoreRef>(sql`SELECT location_id AS id, slug, name FROM stores WHERE slug = ${slug}`);
  if (!r.rows[0]) throw new Error(`e2e-data: no store ${slug}`);
  return r.rows[0];
}

/** Rows in order as one set per Playwright project and attempt: the desktop's attempts, then the phone's. */
function perProjectAttempt<T>(rows: T[]): PerProjectAttempt<T> {
  if (rows.length < 2 * ATTEMPTS) throw new Error(`e2e-data: ${rows.length} sets where ${2 * ATTEMPTS} are needed`);
  return { desktop: rows.slice(0, ATTEMPTS), phone: rows.slice(ATTEMPTS, 2 * ATTEMPTS) };
}

async function skus(db: Db, storeId: number, where: ReturnType<typeof sql>, count: number, order = sql`k.id`): Promise<SkuRef[]> {
  const r = await db.execute<SkuRef>(sql`
    SELECT k.id AS "skuId", k.ean13 AS ean, p.slug AS "productSlug", p.name_en AS "productName",
           st.on_hand AS "onHand", st.reserved
    FROM stock st JOIN skus k ON k.id = st.sku_id JOIN products p ON p.id = k.product_id
    WHERE st.location_id = ${storeId} AND ${where}
    ORDER BY ${order} LIMIT ${count}`);
  if (r.rows.length < count) throw new Error('e2e-data: not enough SKUs matching the journey needs');
  return r.rows;
}

/**
 * The pickup desk journey's facts at one store, a set per project and attempt. Its SKUs have plenty
 * on the shelf and nothing held, taken from the top of the id range: none of the other journeys'
 * SKUs (out of stock or reserved ones at this store; the shopper reservation journey's are at
 * another store).
 */
async function pickupDesk(db: Db, storeId: number): Promise<E2eData['pickupDesk']> {
  const sets = 2 * ATTEMPTS;
  const free = await db.execute<SkuRef & { priceCents: number }>(sql`
    SELECT k.id AS "skuId", k.ean13 AS ean, p.slug AS "productSlug", p.name_en AS "productName",
           st.on_hand AS "onHand", st.reserved, k.price_cents AS "priceCents"
    FROM stock st JOIN skus k ON k.id = st.sku_id JOIN products p ON p.id = k.product_id
    WHERE st.location_id = ${storeId} AND st.on_hand >= 4 AND st.reserved = 0
    ORDER BY k.id DESC LIMIT ${2 * sets}`);
  if (free.rows.length < 2 * sets) throw new Error('e2e-data: not enough free SKUs for the pickup desk journey');
  // The cancellations belong to seeded customers with room under the per-account limit (the demo
  // shopper reserves through the shop in the journey itself).
  const customers = await db.execute<{ id: number; name: string }>(sql`
    SELECT u.id, u.name FROM users u
    WHERE u.role = 'shopper' AND u.email <> ${DEMO_ACCOUNTS.shopper.email}
      AND (SELECT count(*) FROM reservations r WHERE r.customer_id = u.id AND r.status IN ('placed', 'ready')) < 3
    ORDER BY u.id LIMIT ${sets}`);
  if (customers.rows.length < sets) throw new Error('e2e-data: no customers to place the cancellation reservations for');
  const reserve = async (customer: { id: number; name: string }, skuId: number) => {
    const placed = await placeReservation({ customerId: customer.id, storeId, lines: [{ skuId, quantity: 1 }], idempotencyKey: randomUUID() });
    return { id: placed.id, code: placed.code, customerName: customer.name };
  };
  const all = [];
  for (let i = 0; i < sets; i++) all.push({ sku: free.rows[i]!, cancel: await reserve(customers.rows[i]!, free.rows[sets + i]!.skuId) });
  return perProjectAttempt(all);
}

/**
 * The import journeys' products: ones no other journey reads (none of their SKUs among `taken`),
 * each with the SKU its page shows first, whose price the journey imports. Two per attempt: the
 * first attempt has changed its price and picture already.
 */
async function importsJourneyData(db: Db, taken: number[]): Promise<E2eData['imports']> {
  const r = await db.execute<E2eData['imports'][number]['product']>(sql`
    SELECT k.id AS "skuId", k.ean13 AS ean, p.slug AS "productSlug", p.name_en AS "productName", k.price_cents AS "priceCents"
    FROM products p JOIN LATERAL (SELECT * FROM skus k WHERE k.product_id = p.id ORDER BY k.position, k.id LIMIT 1) k ON true
    WHERE p.withdrawn_at IS NULL AND NOT EXISTS (SELECT 1 FROM skus x WHERE x.product_id = p.id AND x.id = ANY (${`{${taken.join(',')}}`}::int[]))
      AND p.slug <> (SELECT slug FROM products ORDER BY id LIMIT 1)
    ORDER BY p.id DESC LIMIT ${2 * ATTEMPTS} OFFSET 3`);
  if (r.rows.length < 2 * ATTEMPTS) throw new Error('e2e-data: no products left for the import journey');
  return Array.from({ length: ATTEMPTS }, (_, n) => ({ product: r.rows[2 * n]!, other: r.rows[2 * n + 1]! }));
}

function skuIdsIn(value: unknown): number[] {
  if (Array.isArray(value)) return value.flatMap(skuIdsIn);
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([k, v]) => (k === 'skuId' && typeof v === 'number' ? [v] : skuIdsIn(v)));
}

async function main() {
  const connection = await openConnection();
  // The domain commands use the process-wide connection: this one, the only one the folder allows.
  setConnection(connection);
  try {
    const db = connection.db;
    const [lyonSlug, villeurbanneSlug] = DEMO_STAFF_STORE_SLUGS;
    const lyon = await store(db, lyonSlug);
    const delivery = await skus(db, lyon.id, sql`st.on_hand = 0 AND st.reserved = 0`, 2 * ATTEMPTS);
    const [reserved] = await skus(db, lyon.id, sql`st.reserved > 0`, 1);
    // From the other end of the catalogue, so they can never be the delivery journey's SKUs.
    const live = await skus(db, lyon.id, sql`st.on_hand = 0 AND st.reserved = 0`, 2 * ATTEMPTS, sql`k.id DESC`);
    const browse = await db.execute<{ slug: string }>(sql`
      SELECT p.slug FROM products p JOIN categories c ON c.id = p.category_id
      WHERE c.slug = 'chaussures' AND (SELECT count(*) FROM skus k WHERE k.product_id = p.id AND k.size IS NOT NULL) > 3
        -- its default SKU is sold at Lyon Part-Dieu, so the page shows a figure with its time
        AND EXISTS (SELECT 1 FROM stock st WHERE st.location_id = ${lyon.id} AND st.sku_id =
                    (SELECT k.id FROM skus k WHERE k.product_id = p.id ORDER BY k.position, k.id LIMIT 1))
      ORDER BY p.id LIMIT 1`);
    // Exactly one unit to sell: the pickup desk takes full shelves, the delivery and live journeys
    // empty ones, and the browsing journey reads its own product, so none of them reads these.
    const lastUnit = await skus(db, lyon.id, sql`st.on_hand = 1 AND st.reserved = 0 AND p.slug <> ${browse.rows[0]!.slug}`, 2 * ATTEMPTS);
    // Out of stock at Lyon, past the SKUs above (the delivery and live journeys' own).
    const apiSku = (
      await skus(db, lyon.id, sql`st.on_hand = 0 AND st.reserved = 0 AND k.id <> ALL (${`{${skuIdsIn([delivery, live]).join(',')}}`}::int[])`, 1)
    )[0];
    const base: Omit<E2eData, 'returns' | 'substitutes' | 'wallet' | 'imports'> = {
      lyon,
      villeurbanne: await store(db, villeurbanneSlug),
      paris: await store(db, PARIS_STORE_SLUG),
      browseProductSlug: browse.rows[0]!.slug,
      deliverySkus: perProjectAttempt(delivery),
      reservedSku: reserved!,
      pickupDesk: await pickupDesk(db, lyon.id),
      liveSkus: perProjectAttempt(live),
      lastUnitSkus: perProjectAttempt(lastUnit),
      apiSku: apiSku!,
      reserve: await reserveJourneyData(db),
      driveDesk: await driveDeskJourneyData(db),
      orders: await ordersJourneyData(db),
      cart: await cartJourneyData(db),
      card: await cardJourneyData(db, lyon),
      till: await tillJourneyData(db),
    };
    // At the checkout journeys' drive store, away from every SKU above; then the wallet's, away from those.
    const withSubstitutes: Omit<E2eData, 'returns' | 'wallet' | 'imports'> = {
      ...base,
      substitutes: await substitutesJourneyData(db, base.orders.driveStore, skuIdsIn(base)),
    };
    const rest: Omit<E2eData, 'returns' | 'imports'> = { ...withSubstitutes, wallet: await walletJourneyData(db, skuIdsIn(withSubstitutes)) };
    // Last: the returns journey takes a SKU none of the others has (every `skuId` above).
    const withReturns: Omit<E2eData, 'imports'> = { ...rest, returns: await returnsJourneyData(db, skuIdsIn(rest)) };
    const data: E2eData = { ...withReturns, imports: await importsJourneyData(db, skuIdsIn(withReturns)) };
    fs.mkdirSync(path.dirname(E2E_DATA_FILE), { recursive: true });
    fs.writeFileSync(E2E_DATA_FILE, JSON.stringify(data, null, 2));
    console.log(`e2e-data: wrote ${E2E_DATA_FILE}`);
  } finally {
    setConnection(undefined);
    await connection.close();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
