import 'server-only';
import { and, asc, eq, sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import { QueryBuilder } from 'drizzle-orm/pg-core';
import type { Db } from '@/lib/db';
import { locations, storeClosures, stores } from './schema';

/*
 * What the other domains may read of stores: a store's public facts (name, address, position,
 * services) for the lists and pages of reservations, returns, sales, drive, cart, inventory,
 * loyalty, customers and orders; the days a store is closed (drive and returns lay out their slots
 * and windows around them); the web warehouse (the location home deliveries ship from). They call
 * these instead of naming `stores`, `locations` or `store_closures` themselves
 * (lib/db/boundaries.test.ts checks), so a change to how stores are kept is made here.
 *
 * Functions for plain lookups; typed SQL fragments where the caller's statement must stay one
 * statement: row sources (`JOIN ${storeRowsSql} s ON s.location_id = …`), scalar subqueries
 * (`${storeNameOf(sql`r.store_id`)}`) and, for the query builder, the `storeFacts` subquery. The
 * row sources are plain projections of one table, which PostgreSQL flattens into the caller's
 * query: the join still walks the primary key. They name the tables in full inside their own
 * parentheses, so they cannot collide with the caller's aliases.
 */

const EARTH_RADIUS_KM = 6371;

/**
 * Great-circle (haversine) distance in km between a row's position and a point, as a Drizzle SQL
 * fragment: `distanceKmSql(stores.lat, stores.lng, 45.76, 4.83)`. Usable in select, where and
 * order by. With a few hundred stores computing it for every row is cheaper than any index.
 */
export function distanceKmSql(latCol: SQLWrapper, lngCol: SQLWrapper, lat: number, lng: number): SQL<number> {
  const lat0 = sql`${lat}::double precision`;
  const lng0 = sql`${lng}::double precision`;
  // least(1, …) keeps asin's argument in range when rounding pushes it a hair above 1.
  return sql<number>`(${2 * EARTH_RADIUS_KM} * asin(least(1, sqrt(
    power(sin(radians(${latCol} - ${lat0}) / 2), 2)
    + cos(radians(${lat0})) * cos(radians(${latCol})) * power(sin(radians(${lngCol} - ${lng0}) / 2), 2)
  ))))`.mapWith(Number);
}

// --- Fragments, for another domain's single statement -------------------------------------------

/**
 * Every store's public facts as a row source — `JOIN ${storeRowsSql} s ON s.location_id = x.store_id`
 * — with the columns location_id, slug, name, address, postcode, town, lat, lng, click_reserve,
 * drive, returns_desk, reservation_hold_hours.
 */
export const storeRowsSql: SQL = sql`(SELECT ${stores.locationId} AS location_id, ${stores.slug} AS slug, ${stores.name} AS name,
    ${stores.address} AS address, ${stores.postcode} AS postcode, ${stores.town} AS town, ${stores.lat} AS lat, ${stores.lng} AS lng,
    ${stores.clickReserve} AS click_reserve, ${stores.drive} AS drive, ${stores.returnsDesk} AS returns_desk,
    ${stores.reservationHoldHours} AS reservation_hold_hours
  FROM ${stores})`;

/** Every stock location (shops and the warehouse) as a row source: id, kind, name. */
export const locationRowsSql: SQL = sql`(SELECT ${locations.id} AS id, ${locations.kind} AS kind, ${locations.name} AS name FROM ${locations})`;

/** The days stores are closed as a row source: store_id, day, reason_fr, reason_en. */
export const storeClosuresSql: SQL = sql`(SELECT ${storeClosures.storeId} AS store_id, ${storeClosures.day} AS day,
    ${storeClosures.reasonFr} AS reason_fr, ${storeClosures.reasonEn} AS reason_en FROM ${storeClosures})`;

/** The name of the store a row points at (null when it points at none, or at the warehouse). */
export function storeNameOf(locationId: SQLWrapper): SQL<string | null> {
  return sql<string | null>`(SELECT ${stores.name} FROM ${stores} WHERE ${stores.locationId} = ${locationId})`;
}

/** The web warehouse's location id, as a scalar subquery (null when none is configured). */
export const webWarehouseIdSql: SQL<number | null> = sql<number | null>`(SELECT ${locations.id} FROM ${locations}
  WHERE ${locations.kind} = 'warehouse' ORDER BY ${locations.id} LIMIT 1)`;

/** The store's id when it offers drive pickup, else null, as a scalar subquery. */
export function driveStoreIdOf(storeId: SQLWrapper | number): SQL<number | null> {
  return sql<number | null>`(SELECT ${stores.locationId} FROM ${stores} WHERE ${stores.locationId} = ${storeId} AND ${stores.drive})`;
}

/**
 * Every store's public facts for the query builder: `db.select(…).from(storeFacts)` or
 * `.innerJoin(storeFacts, eq(storeFacts.locationId, …))`.
 */
export const storeFacts = new QueryBuilder()
  .select({
    locationId: stores.locationId,
    slug: stores.slug,
    name: stores.name,
    address: stores.address,
    postcode: stores.postcode,
    town: stores.town,
    lat: stores.lat,
    lng: stores.lng,
    clickReserve: stores.clickReserve,
    drive: stores.drive,
    returnsDesk: stores.returnsDesk,
    reservationHoldHours: stores.reservationHoldHours,
  })
  .from(stores)
  .as('store_facts');

/** Every stock location (shops and the warehouse) for the query builder: id, kind, name. */
export const locationFacts = new QueryBuilder().select({ id: locations.id, kind: locations.kind, name: locations.name }).from(locations).as('location_facts');

// --- Functions ------------------------------------------------------------------------------------

const validId = (id: number) => Number.isSafeInteger(id) && id > 0 && id <= 2_147_483_647;

/** The web warehouse (the location home deliveries ship from), or null when none is configured. */
export async function webWarehouseId(db: Db): Promise<number | null> {
  const [row] = await db.select({ id: locations.id }).from(locations).where(eq(locations.kind, 'warehouse')).orderBy(asc(locations.id)).limit(1);
  return row?.id ?? null;
}

/** Whether this store offers drive pickup (false for an unknown id). */
export async function offersDrive(db: Db, storeId: number): Promise<boolean> {
  const [row] = await db.select({ drive: stores.drive }).from(stores).where(eq(stores.locationId, storeId));
  return row?.drive ?? false;
}

/** Whether this store has a returns desk (false for an unknown id). */
export async function isReturnsDesk(db: Db, storeId: number): Promise<boolean> {
  if (!validId(storeId)) return false;
  const [row] = await db
    .select({ id: stores.locationId })
    .from(stores)
    .where(and(eq(stores.locationId, storeId), eq(stores.returnsDesk, true)));
  return row !== undefined;
}
