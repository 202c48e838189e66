import 'server-only';
import { and, asc, eq, gte, inArray, sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import { getDb, type Db } from '@/lib/db/client';
import { hhmm, parisNow, type Closure, type OpeningInterval } from './hours';
import { locations, storeClosures, storeHours, stores } from './schema';

export const STORE_SERVICES = ['clickReserve', 'drive', 'returnsDesk', 'phoneOrders'] as const;
export type StoreService = (typeof STORE_SERVICES)[number];

export type StoreSummary = {
  id: number;
  slug: string;
  name: string;
  format: 'hyper' | 'city' | 'outlet';
  address: string;
  postcode: string;
  town: string;
  lat: number;
  lng: number;
  phone: string | null;
  services: StoreService[];
};
export type StoreWithDistance = StoreSummary & { distanceKm: number };
export type StoreSchedule = { hours: OpeningInterval[]; closures: Closure[] };

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

const summaryColumns = {
  id: stores.locationId,
  slug: stores.slug,
  name: stores.name,
  format: stores.format,
  address: stores.address,
  postcode: stores.postcode,
  town: stores.town,
  lat: stores.lat,
  lng: stores.lng,
  phone: stores.phone,
  clickReserve: stores.clickReserve,
  drive: stores.drive,
  returnsDesk: stores.returnsDesk,
  phoneOrders: stores.phoneOrders,
};

type SummaryRow = Omit<StoreSummary, 'services'> & Record<StoreService, boolean>;

function toSummary<R extends SummaryRow>(row: R): Omit<R, StoreService> & { services: StoreService[] } {
  const { clickReserve, drive, returnsDesk, phoneOrders, ...rest } = row;
  const flags = { clickReserve, drive, returnsDesk, phoneOrders };
  return { ...rest, services: STORE_SERVICES.filter((s) => flags[s]) };
}

export async function listStores(): Promise<StoreSummary[]> {
  const db = await getDb();
  const rows = await db.select(summaryColumns).from(stores).orderBy(asc(stores.town), asc(stores.name));
  return rows.map(toSummary);
}

/** Stores nearest first from a point (limit: all by default). */
export async function listStoresByDistance(lat: number, lng: number, limit?: number): Promise<StoreWithDistance[]> {
  const db = await getDb();
  const distanceKm = distanceKmSql(stores.lat, stores.lng, lat, lng);
  const query = db
    .select({ ...summaryColumns, distanceKm })
    .from(stores)
    .orderBy(distanceKm, asc(stores.name));
  const rows = await (limit === undefined ? query : query.limit(limit));
  return rows.map(toSummary);
}

export async function getStoreBySlug(slug: string): Promise<StoreSummary | null> {
  const db = await getDb();
  const [row] = await db.select(summaryColumns).from(stores).where(eq(stores.slug, slug)).limit(1);
  return row ? toSummary(row) : null;
}

export async function getStoreById(id: number): Promise<StoreSummary | null> {
  const db = await getDb();
  const [row] = await db.select(summaryColumns).from(stores).where(eq(stores.locationId, id)).limit(1);
  return row ? toSummary(row) : null;
}

/**
 * Weekly hours and exceptional closures from today (Paris date) on, for many stores in two
 * queries rather than two per store.
 */
export async function getStoreSchedules(storeIds: readonly number[], now = new Date()): Promise<Map<number, StoreSchedule>> {
  const schedules = new Map<number, StoreSchedule>(storeIds.map((id) => [id, { hours: [], closures: [] }]));
  if (storeIds.length === 0) return schedules;
  const db = await getDb();
  const ids = [...storeIds];
  const [hours, closures] = await Promise.all([
    db.select().from(storeHours).where(inArray(storeHours.storeId, ids)).orderBy(storeHours.weekday, storeHours.opens),
    db
      .select()
      .from(storeClosures)
      .where(and(inArray(storeClosures.storeId, ids), gte(storeClosures.day, parisNow(now).date)))
      .orderBy(storeClosures.day),
  ]);
  for (const h of hours) {
    schedules.get(h.storeId)?.hours.push({ weekday: h.weekday, opens: hhmm(h.opens), closes: hhmm(h.closes) });
  }
  for (const c of closures) {
    schedules.get(c.storeId)?.closures.push({ day: c.day, reasonFr: c.reasonFr, reasonEn: c.reasonEn });
  }
  return schedules;
}

export async function getStoreHours(storeId: number, now = new Date()): Promise<StoreSchedule> {
  return (await getStoreSchedules([storeId], now)).get(storeId) ?? { hours: [], closures: [] };
}

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
