import 'server-only';
import { and, eq, isNull, sql, type SQL } from 'drizzle-orm';
import { getDb, type Db } from '@/lib/db';
import type { Locale } from '@/lib/i18n/config';
import { skuRowsSql } from '@/lib/catalog/read';
import { stockLevelsSql } from '@/lib/inventory/read';
import { distanceKmSql, driveStoreIdOf, storeRowsSql, webWarehouseIdSql } from '@/lib/stores/read';
import { StoreWithoutDriveError } from './errors';
import { cartLines, carts } from './schema';
import type { Cart, CartAvailability, CartLine, CartRef, DriveStoreOption, FulfilmentMode, Origin } from './types';
import { jsonColumn } from '@/lib/db/sql';

/*
 * Cart reads: one query each. A cart is found by account or by token, never by an id from a form;
 * an anonymous token never finds a customer's cart.
 */

const MAX_INT = 2_147_483_647;

function refWhere(ref: CartRef): SQL | null {
  if ('customerId' in ref) {
    return Number.isSafeInteger(ref.customerId) && ref.customerId > 0 && ref.customerId <= MAX_INT ? eq(carts.customerId, ref.customerId) : null;
  }
  return typeof ref.token === 'string' && ref.token.length >= 32 && ref.token.length <= 128 ? and(eq(carts.token, ref.token), isNull(carts.customerId))! : null;
}

export async function findCartId(ref: CartRef): Promise<number | null> {
  const where = refWhere(ref);
  if (!where) return null;
  const db = await getDb();
  const [cart] = await db.select({ id: carts.id }).from(carts).where(where);
  return cart?.id ?? null;
}

type CartRow = { id: number; fulfilment: FulfilmentMode; drive_store_id: number | null; lines: CartLine[] | string };

/** The cart with its lines at today's prices, oldest line first; null when the visitor has none. */
export async function getCart(ref: CartRef, locale: Locale): Promise<Cart | null> {
  const where = refWhere(ref);
  if (!where) return null;
  const db = await getDb();
  const name = locale === 'fr' ? sql`k.name_fr` : sql`k.name_en`;
  // Raw SQL: the cart's lines aggregated as JSON in the statement that finds the cart.
  const r = await db.execute<CartRow>(sql`
    SELECT carts.id, carts.fulfilment, carts.drive_store_id,
           (SELECT COALESCE(json_agg(json_build_object(
                     'skuId', k.id, 'productSlug', k.product_slug, 'productName', ${name}, 'brand', k.brand,
                     'image', k.image, 'size', k.size, 'colour', k.colour, 'quantity', l.quantity,
                     'unitPriceCents', k.price_cents, 'lineTotalCents', k.price_cents * l.quantity)
                   ORDER BY l.added_at, l.sku_id), '[]'::json)
            FROM cart_lines l JOIN ${skuRowsSql} k ON k.id = l.sku_id
            WHERE l.cart_id = carts.id) AS lines
    FROM carts WHERE ${where}`);
  const row = r.rows[0];
  if (!row) return null;
  const lines = jsonColumn<CartLine[]>(row.lines);
  return {
    id: row.id,
    fulfilment: row.fulfilment,
    driveStoreId: row.drive_store_id,
    lines,
    subtotalCents: lines.reduce((s, l) => s + l.lineTotalCents, 0),
    units: lines.reduce((s, l) => s + l.quantity, 0),
  };
}

/** Units in the visitor's cart, for the header badge. */
export async function getCartCount(ref: CartRef | null): Promise<number> {
  const where = ref && refWhere(ref);
  if (!where) return 0;
  const db = await getDb();
  const [count] = await db
    .select({ units: sql<number>`COALESCE(sum(${cartLines.quantity}), 0)::int` })
    .from(carts)
    .innerJoin(cartLines, eq(cartLines.cartId, carts.id))
    .where(where);
  return count?.units ?? 0;
}

/**
 * Can each line be served by the chosen mode? Home delivery ships from the web warehouse; drive
 * pickup takes from the store's own shelf. Available = on hand − reserved, at least the line's
 * quantity. A drive store must offer drive (StoreWithoutDriveError otherwise). Pass a transaction
 * as `executor` to read inside one (checkout).
 */
export async function cartAvailability(cartId: number, mode: FulfilmentMode, storeId: number | null = null, executor?: Db): Promise<CartAvailability> {
  if (mode === 'drive' && (storeId === null || !Number.isSafeInteger(storeId) || storeId <= 0 || storeId > MAX_INT)) {
    throw new StoreWithoutDriveError();
  }
  const db = executor ?? (await getDb());
  const location = mode === 'delivery' ? webWarehouseIdSql : driveStoreIdOf(storeId!);
  // From the location, so an empty cart still answers with the location (or its absence).
  // Raw SQL: one derived row (the location) left-joined to the lines and their stock.
  const r = await db.execute<{ location_id: number | null; sku_id: number | null; quantity: number | null; available: number }>(sql`
    SELECT loc.id AS location_id, l.sku_id, l.quantity, COALESCE(st.available, 0)::int AS available
    FROM (SELECT ${location} AS id) loc
    LEFT JOIN cart_lines l ON l.cart_id = ${Number.isSafeInteger(cartId) ? cartId : 0}::int
    LEFT JOIN ${stockLevelsSql} st ON st.location_id = loc.id AND st.sku_id = l.sku_id
    ORDER BY l.added_at, l.sku_id`);
  const locationId = r.rows[0]?.location_id ?? null;
  if (mode === 'drive' && locationId === null) throw new StoreWithoutDriveError();
  const lines = r.rows
    .filter((row) => row.sku_id !== null && row.quantity !== null)
    .map((row) => ({
      skuId: row.sku_id!,
      quantity: row.quantity!,
      available: Math.max(0, row.available),
      ok: locationId !== null && row.available >= row.quantity!,
    }));
  return { mode, locationId, lines, allAvailable: lines.length > 0 && lines.every((l) => l.ok) };
}

type StoreRow = { store_id: number; slug: string; name: string; town: string; km: number | null; missing: number };

const toOption = (s: StoreRow): DriveStoreOption => ({
  storeId: s.store_id,
  slug: s.slug,
  name: s.name,
  town: s.town,
  distanceKm: s.km === null ? null : Number(s.km),
  missingLines: s.missing,
});

function driveStoresSql(cartId: number, origin: Origin | null, onlyComplete: boolean, limit: number): SQL {
  const km = origin ? distanceKmSql(sql`s.lat`, sql`s.lng`, origin.lat, origin.lng) : sql`NULL::float`;
  // Lines the store cannot serve in full: no stock row, or fewer available than the quantity.
  const missing = sql`(SELECT count(*)::int FROM cart_lines l
      LEFT JOIN ${stockLevelsSql} st ON st.location_id = s.location_id AND st.sku_id = l.sku_id
      WHERE l.cart_id = ${cartId} AND COALESCE(st.available, 0) < l.quantity)`;
  // Raw SQL: a derived table filtered on its computed count, ordered by distance with nulls last.
  return sql`
    SELECT * FROM (
      SELECT s.location_id AS store_id, s.slug, s.name, s.town, ${km} AS km, ${missing} AS missing
      FROM ${storeRowsSql} s WHERE s.drive
    ) d
    ${onlyComplete ? sql`WHERE d.missing = 0` : sql``}
    ORDER BY d.km NULLS LAST, d.name
    LIMIT ${limit}`;
}

/**
 * The drive stores nearest to `origin` that hold every line of the cart in full, nearest first,
 * with their distance. Empty for an empty cart (there is nothing to have).
 */
export async function nearestDriveStoresWithAll(cartId: number, origin: Origin | null, limit = 3): Promise<DriveStoreOption[]> {
  if (!Number.isSafeInteger(cartId) || cartId <= 0 || cartId > MAX_INT) return [];
  const db = await getDb();
  // Raw SQL: driveStoresSql's derived table (below), kept only when the cart has lines.
  const r = await db.execute<StoreRow>(sql`
    SELECT d.* FROM (${driveStoresSql(cartId, origin, true, limit)}) d
    WHERE EXISTS (SELECT 1 FROM cart_lines WHERE cart_id = ${cartId})
    ORDER BY d.km NULLS LAST, d.name`);
  return r.rows.map(toOption);
}

/** Every drive store (nearest first from `origin`, else by name) with how many lines it lacks: the store picker. */
export async function listDriveStoresForCart(cartId: number | null, origin: Origin | null, limit = 200): Promise<DriveStoreOption[]> {
  const db = await getDb();
  const id = cartId !== null && Number.isSafeInteger(cartId) && cartId > 0 && cartId <= MAX_INT ? cartId : 0;
  // Raw SQL: driveStoresSql's derived table (below).
  const r = await db.execute<StoreRow>(driveStoresSql(id, origin, false, limit));
  return r.rows.map(toOption);
}
