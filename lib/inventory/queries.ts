import 'server-only';
import { sql } from 'drizzle-orm';
import { getDb } from '@/lib/db/client';
import { distanceKmSql } from '@/lib/stores/queries';
import type { StoreAvailability } from './availability';

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
  const result = await db.execute<Row>(sql`
    SELECT s.location_id AS store_id, s.slug, s.name, s.town, s.click_reserve, near.km,
           st.on_hand - st.reserved AS available, st.updated_at AS as_of
    FROM (
      SELECT s.location_id, ${km} AS km FROM stores s
      WHERE s.location_id IS DISTINCT FROM ${opts.excludeStoreId ?? null}::int
      ORDER BY km LIMIT ${opts.limit ?? 5}
    ) near
    JOIN stores s ON s.location_id = near.location_id
    LEFT JOIN stock st ON st.location_id = s.location_id AND st.sku_id = ${opts.skuId}
    ORDER BY near.km`);
  return result.rows.map(toAvailability);
}

/** Availability of one SKU at one store (the shopper's store), with the store's position. */
export async function getStoreAvailability(
  skuId: number,
  storeId: number,
): Promise<(StoreAvailability & { lat: number; lng: number }) | null> {
  const db = await getDb();
  const result = await db.execute<Row & { lat: number; lng: number }>(sql`
    SELECT s.location_id AS store_id, s.slug, s.name, s.town, s.click_reserve, s.lat, s.lng, NULL::float AS km,
           st.on_hand - st.reserved AS available, st.updated_at AS as_of
    FROM stores s
    LEFT JOIN stock st ON st.location_id = s.location_id AND st.sku_id = ${skuId}
    WHERE s.location_id = ${storeId}`);
  const row = result.rows[0];
  return row ? { ...toAvailability(row), lat: row.lat, lng: row.lng } : null;
}

/** Units of a SKU the web warehouse can ship, and when that figure is from. */
export async function getWarehouseAvailability(skuId: number): Promise<{ available: number; asOf: string | null }> {
  const db = await getDb();
  const result = await db.execute<{ available: number | null; as_of: Date | string | null }>(sql`
    SELECT st.on_hand - st.reserved AS available, st.updated_at AS as_of
    FROM locations l LEFT JOIN stock st ON st.location_id = l.id AND st.sku_id = ${skuId}
    WHERE l.kind = 'warehouse' ORDER BY l.id LIMIT 1`);
  const row = result.rows[0];
  return { available: row?.available ?? 0, asOf: row?.as_of ? new Date(row.as_of).toISOString() : null };
}
