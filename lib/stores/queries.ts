import 'server-only';
import { and, asc, eq, gte, inArray } from 'drizzle-orm';
import { getDb } from '@/lib/db/client';
import { hhmm, parisNow, type Closure, type OpeningInterval } from './hours';
import { storeClosures, storeHours, stores } from './schema';

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

import { distanceKmSql } from './read';

// Other domains take these from './read'; re-exported for this domain's own callers and tests.
export { distanceKmSql, offersDrive, webWarehouseId } from './read';

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
