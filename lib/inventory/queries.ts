import 'server-only';
import { and, asc, eq, sql } from 'drizzle-orm';
import { getDb } from '@/lib/db/client';
import { skuRowsSql } from '@/lib/catalog/read';
import { distanceKmSql, locationFacts, locationRowsSql, storeFacts, storeRowsSql, webWarehouseId, webWarehouseIdSql } from '@/lib/stores/read';
import type { StoreAvailability } from './availability';
import { stock } from './schema';

type Row = {
  store_id: number;
  slug: string;
  name: string;
  town: string;
  km: number | null;
  available: number | null;
  as_of: Date | string | null;
  click_reserve: boolean;
};

function toAvailability(r: Row): StoreAvailability {
  return {
    storeId: r.store_id,
    slug: r.slug,
    name: r.name,
    town: r.town,
    distanceKm: r.km === null ? null : Number(r.km),
    available: r.available,
    asOf: r.as_of === null ? null : new Date(r.as_of).toISOString(),
    clickReserve: r.click_reserve,
  };
}

/**
 * Availability of one SKU in the stores nearest to a point, nearest first. A store without a
 * stock row for the SKU does not sell it (available null). One query: distances for every store
 * (a few hundred rows) and a primary-key probe into stock for each of the nearest.
 */
export async function listNearbyAvailability(opts: {
  skuId: number;
  lat: number;
  lng: number;
  limit?: number;
  excludeStoreId?: number | null;
}): Promise<StoreAvailability[]> {
  const db = await getDb();
  const km = distanceKmSql(sql`s.lat`, sql`s.lng`, opts.lat, opts.lng);
  // Raw SQL: the nearest stores in a derived table first, then one stock probe each (not a stock join over every store).
  const result = await db.execute<Row>(sql`
    SELECT s.location_id AS store_id, s.slug, s.name, s.town, s.click_reserve, near.km,
           st.on_hand - st.reserved AS available, st.updated_at AS as_of
    FROM (
      SELECT s.location_id, ${km} AS km FROM ${storeRowsSql} s
      WHERE s.location_id IS DISTINCT FROM ${opts.excludeStoreId ?? null}::int
      ORDER BY km LIMIT ${opts.limit ?? 5}
    ) near
    JOIN ${storeRowsSql} s ON s.location_id = near.location_id
    LEFT JOIN stock st ON st.location_id = s.location_id AND st.sku_id = ${opts.skuId}
    ORDER BY near.km`);
  return result.rows.map(toAvailability);
}

/** Availability of one SKU at one store (the shopper's store), with the store's position. */
export async function getStoreAvailability(skuId: number, storeId: number): Promise<(StoreAvailability & { lat: number; lng: number }) | null> {
  const db = await getDb();
  const [row] = await db
    .select({
      storeId: storeFacts.locationId,
      slug: storeFacts.slug,
      name: storeFacts.name,
      town: storeFacts.town,
      clickReserve: storeFacts.clickReserve,
      lat: storeFacts.lat,
      lng: storeFacts.lng,
      available: sql<number | null>`${stock.onHand} - ${stock.reserved}`,
      asOf: stock.updatedAt,
    })
    .from(storeFacts)
    .leftJoin(stock, and(eq(stock.locationId, storeFacts.locationId), eq(stock.skuId, skuId)))
    .where(eq(storeFacts.locationId, storeId));
  return row ? { ...row, distanceKm: null, asOf: row.asOf?.toISOString() ?? null } : null;
}

/** Units of a SKU the web warehouse can ship, when that figure is from, and which location it is (for live updates). */
export async function getWarehouseAvailability(skuId: number): Promise<{ locationId: number | null; available: number; asOf: string | null }> {
  const db = await getDb();
  const [row] = await db
    .select({ locationId: locationFacts.id, available: sql<number | null>`${stock.onHand} - ${stock.reserved}`, asOf: stock.updatedAt })
    .from(locationFacts)
    .leftJoin(stock, and(eq(stock.locationId, locationFacts.id), eq(stock.skuId, skuId)))
    .where(eq(locationFacts.kind, 'warehouse'))
    .orderBy(asc(locationFacts.id))
    .limit(1);
  return { locationId: row?.locationId ?? null, available: row?.available ?? 0, asOf: row?.asOf?.toISOString() ?? null };
}

export type AvailabilityFigure = { storeId: number; skuId: number; available: number | null; asOf: string | null };

/**
 * The current figure of every (location, SKU) pair asked for, in one query: what a live page
 * re-reads after (re)connecting to the event stream, since NOTIFY has no replay. `warehouse` adds
 * the web warehouse (the one getWarehouseAvailability reads). Unknown ids are left out; a location
 * that does not sell the SKU has available null.
 */
export async function getAvailabilitySnapshot(opts: { skuIds: number[]; locationIds: number[]; warehouse?: boolean }): Promise<AvailabilityFigure[]> {
  if (opts.skuIds.length === 0 || (opts.locationIds.length === 0 && !opts.warehouse)) return [];
  const db = await getDb();
  const list = (ids: number[]) =>
    ids.length
      ? sql.join(
          ids.map((id) => sql`${id}::int`),
          sql`, `,
        )
      : sql`NULL::int`;
  // Raw SQL: a CTE of the wanted locations (the warehouse by kind) crossed with the SKUs, stock left-joined.
  const result = await db.execute<{ store_id: number; sku_id: number; available: number | null; as_of: Date | string | null }>(sql`
    WITH wanted AS (
      SELECT id FROM ${locationRowsSql} l WHERE id IN (${list(opts.locationIds)})
      UNION
      SELECT id FROM (SELECT ${webWarehouseIdSql} AS id) w WHERE w.id IS NOT NULL AND ${opts.warehouse ?? false}::boolean
    )
    SELECT w.id AS store_id, k.id AS sku_id, st.on_hand - st.reserved AS available, st.updated_at AS as_of
    FROM wanted w CROSS JOIN ${skuRowsSql} k
    LEFT JOIN stock st ON st.location_id = w.id AND st.sku_id = k.id
    WHERE k.id IN (${list(opts.skuIds)})
    ORDER BY w.id, k.id`);
  return result.rows.map((r) => ({
    storeId: r.store_id,
    skuId: r.sku_id,
    available: r.available,
    asOf: r.as_of === null ? null : new Date(r.as_of).toISOString(),
  }));
}

/** The web warehouse's location id (the one getWarehouseAvailability reads), or null when there is none. */
export async function getWarehouseLocationId(): Promise<number | null> {
  return webWarehouseId(await getDb());
}
