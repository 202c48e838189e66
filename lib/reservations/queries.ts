import 'server-only';
import { and, asc, eq, gt, sql, type SQL } from 'drizzle-orm';
import { getDb, type Db } from '@/lib/db';
import type { Locale } from '@/lib/i18n/config';
import { userRowsSql } from '@/lib/auth/read';
import { skuRowsSql } from '@/lib/catalog/read';
import { stockLevels } from '@/lib/inventory/read';
import { distanceKmSql, storeFacts, storeRowsSql } from '@/lib/stores/read';
import { normalizePickupCode } from './pickup-code';
import { reservations, type ReservationStatus } from './schema';
import { jsonColumn } from '@/lib/db/sql';

/*
 * Reads for the shopper (their own reservations only) and the pickup desk (its shop only). The
 * status shown is the truth even between two sweeps: an open reservation past its deadline reads
 * as expired.
 */

export type ReservationLine = {
  skuId: number;
  productSlug: string;
  productName: string;
  image: string | null;
  size: string | null;
  colour: string | null;
  ean13: string;
  quantity: number;
  unitPriceCents: number;
};

export type Reservation = {
  id: number;
  code: string;
  status: ReservationStatus;
  customer: { id: number; name: string; email: string };
  store: { id: number; slug: string; name: string; address: string; postcode: string; town: string };
  createdAt: string;
  readyAt: string | null;
  expiresAt: string;
  collectedAt: string | null;
  cancelledAt: string | null;
  expiredAt: string | null;
  lines: ReservationLine[];
  totalCents: number;
  units: number;
};

type Row = {
  id: number;
  code: string;
  status: ReservationStatus;
  customer_id: number;
  customer_name: string;
  customer_email: string;
  store_id: number;
  store_slug: string;
  store_name: string;
  address: string;
  postcode: string;
  town: string;
  created_at: Date | string;
  ready_at: Date | string | null;
  expires_at: Date | string;
  collected_at: Date | string | null;
  cancelled_at: Date | string | null;
  expired_at: Date | string | null;
  lines: ReservationLine[] | string;
};

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

function toReservation(r: Row): Reservation {
  const lines = jsonColumn<ReservationLine[]>(r.lines);
  return {
    id: r.id,
    code: r.code,
    status: r.status,
    customer: { id: r.customer_id, name: r.customer_name, email: r.customer_email },
    store: { id: r.store_id, slug: r.store_slug, name: r.store_name, address: r.address, postcode: r.postcode, town: r.town },
    createdAt: iso(r.created_at)!,
    readyAt: iso(r.ready_at),
    expiresAt: iso(r.expires_at)!,
    collectedAt: iso(r.collected_at),
    cancelledAt: iso(r.cancelled_at),
    expiredAt: iso(r.expired_at),
    lines,
    totalCents: lines.reduce((s, l) => s + l.quantity * l.unitPriceCents, 0),
    units: lines.reduce((s, l) => s + l.quantity, 0),
  };
}

async function select(locale: Locale, where: SQL, order: SQL, limit = 100, within?: Db): Promise<Reservation[]> {
  const db = within ?? (await getDb());
  const name = locale === 'fr' ? sql`k.name_fr` : sql`k.name_en`;
  // Raw SQL: each reservation's lines aggregated as JSON, and the status as it truly is now, in one statement.
  // Accounts, stores and the catalogue are read through their domains' read.ts.
  const result = await db.execute<Row>(sql`
    SELECT r.id, r.code,
           CASE WHEN r.status IN ('placed', 'ready') AND r.expires_at <= now() THEN 'expired' ELSE r.status END AS status,
           r.customer_id, u.name AS customer_name, u.email AS customer_email,
           r.store_id, s.slug AS store_slug, s.name AS store_name, s.address, s.postcode, s.town,
           r.created_at, r.ready_at, r.expires_at, r.collected_at, r.cancelled_at,
           COALESCE(r.expired_at, CASE WHEN r.status IN ('placed', 'ready') AND r.expires_at <= now() THEN r.expires_at END) AS expired_at,
           (SELECT COALESCE(json_agg(json_build_object(
                     'skuId', k.id, 'productSlug', k.product_slug, 'productName', ${name}, 'image', k.image,
                     'size', k.size, 'colour', k.colour, 'ean13', k.ean13,
                     'quantity', l.quantity, 'unitPriceCents', l.unit_price_cents) ORDER BY l.id), '[]'::json)
            FROM reservation_lines l JOIN ${skuRowsSql} k ON k.id = l.sku_id
            WHERE l.reservation_id = r.id) AS lines
    FROM reservations r
    JOIN ${userRowsSql} u ON u.id = r.customer_id
    JOIN ${storeRowsSql} s ON s.location_id = r.store_id
    WHERE ${where}
    ORDER BY ${order}
    LIMIT ${limit}`);
  return result.rows.map(toReservation);
}

/** One reservation by id, read in the caller's transaction: what its messages are written from. */
export async function getReservationInTransaction(tx: Db, id: number, locale: Locale): Promise<Reservation | null> {
  const [r] = await select(locale, sql`r.id = ${id}`, sql`r.id`, 1, tx);
  return r ?? null;
}

function validId(id: number): boolean {
  return Number.isSafeInteger(id) && id > 0 && id <= 2_147_483_647;
}

/** One of the shopper's own reservations; null for anyone else's (the caller answers 404). */
export async function getCustomerReservation(id: number, customerId: number, locale: Locale): Promise<Reservation | null> {
  if (!validId(id)) return null;
  const [r] = await select(locale, sql`r.id = ${id} AND r.customer_id = ${customerId}`, sql`r.id`);
  return r ?? null;
}

/** "My reservations": open ones first (soonest deadline first), then the rest, newest first. */
export async function listCustomerReservations(customerId: number, locale: Locale): Promise<Reservation[]> {
  return select(
    locale,
    sql`r.customer_id = ${customerId}`,
    sql`(r.status IN ('placed', 'ready') AND r.expires_at > now()) DESC,
        CASE WHEN r.status IN ('placed', 'ready') THEN r.expires_at END ASC, r.created_at DESC`,
    50,
  );
}

/** A reservation of this shop, for the desk; null when it belongs to another shop. */
export async function getStoreReservation(id: number, storeId: number, locale: Locale): Promise<Reservation | null> {
  if (!validId(id)) return null;
  const [r] = await select(locale, sql`r.id = ${id} AND r.store_id = ${storeId}`, sql`r.id`);
  return r ?? null;
}

/** Found by the pickup code the shopper shows (typed, or scanned from the QR code). */
export async function findStoreReservationByCode(code: string, storeId: number, locale: Locale): Promise<Reservation | null> {
  const normalized = normalizePickupCode(code);
  if (!/^[A-Z0-9]{4,12}$/.test(normalized)) return null;
  const [r] = await select(locale, sql`r.code = ${normalized} AND r.store_id = ${storeId}`, sql`r.id`);
  return r ?? null;
}

/**
 * The desk's day: every open reservation (to prepare, or waiting for the customer), then what
 * was collected, cancelled or expired today (Europe/Paris), most recent first.
 */
export async function listStoreReservationsForToday(storeId: number, locale: Locale): Promise<Reservation[]> {
  const today = sql`(now() AT TIME ZONE 'Europe/Paris')::date`;
  return select(
    locale,
    sql`r.store_id = ${storeId} AND (
          (r.status IN ('placed', 'ready') AND r.expires_at > now())
          OR (r.updated_at AT TIME ZONE 'Europe/Paris')::date = ${today}
          OR (r.status IN ('placed', 'ready') AND (r.expires_at AT TIME ZONE 'Europe/Paris')::date = ${today}))`,
    sql`(r.status IN ('placed', 'ready') AND r.expires_at > now()) DESC, (r.status = 'placed') DESC,
        r.expires_at ASC, r.updated_at DESC`,
    300,
  );
}

export type ReservableStore = {
  storeId: number;
  slug: string;
  name: string;
  town: string;
  distanceKm: number | null;
  available: number;
  holdHours: number;
};

/**
 * Shops where this SKU can be reserved now: click & reserve offered and units available, nearest
 * to `near` first (or by name without a position).
 */
export async function listReservableStores(skuId: number, near: { lat: number; lng: number } | null, limit = 20): Promise<ReservableStore[]> {
  if (!validId(skuId)) return [];
  const db = await getDb();
  const distanceKm = near ? distanceKmSql(storeFacts.lat, storeFacts.lng, near.lat, near.lng) : sql<number | null>`NULL::float`;
  return db
    .select({
      storeId: storeFacts.locationId,
      slug: storeFacts.slug,
      name: storeFacts.name,
      town: storeFacts.town,
      distanceKm,
      available: stockLevels.available,
      holdHours: storeFacts.reservationHoldHours,
    })
    .from(storeFacts)
    .innerJoin(stockLevels, and(eq(stockLevels.locationId, storeFacts.locationId), eq(stockLevels.skuId, skuId)))
    .where(and(eq(storeFacts.clickReserve, true), gt(stockLevels.available, 0)))
    .orderBy(sql`${distanceKm} NULLS LAST`, asc(storeFacts.name))
    .limit(limit);
}

/** Whether this reservation is the shopper's: one index probe, for the proxy's 404 before streaming. */
export async function isCustomerReservation(id: number, customerId: number): Promise<boolean> {
  if (!validId(id) || !validId(customerId)) return false;
  const db = await getDb();
  const [mine] = await db
    .select({ id: reservations.id })
    .from(reservations)
    .where(and(eq(reservations.id, id), eq(reservations.customerId, customerId)));
  return mine !== undefined;
}
