import 'server-only';
import { cacheLife, cacheTag } from 'next/cache';
import { STORES_TAG, storeTag } from '@/lib/catalog/tags';
import { parisNow } from './hours';
import { getStoreBySlug, getStoreSchedules, listStores, type StoreSchedule, type StoreSummary } from './queries';

/**
 * Store reads for the store pages, cached: a store's name, address, services, hours and closures
 * are the same for every visitor and change only when the store's rows do (tags in
 * lib/catalog/tags.ts). What depends on the clock ("open now", today's row) is worked out from
 * these in the browser (the store pages are kept whole); closures are read from a given Paris day
 * on, so the key changes daily.
 */

export async function listStoresCached(): Promise<StoreSummary[]> {
  'use cache';
  cacheLife('hours');
  cacheTag(STORES_TAG);
  return listStores();
}

export async function getStore(slug: string): Promise<StoreSummary | null> {
  'use cache';
  cacheLife('hours');
  cacheTag(storeTag(slug));
  return getStoreBySlug(slug);
}

/** Hours and closures (from `day`, a Paris date) of the stores named, by id. */
export async function getSchedules(stores: { id: number; slug: string }[], day: string): Promise<Map<number, StoreSchedule>> {
  'use cache';
  cacheLife('hours');
  cacheTag(STORES_TAG);
  // Callable with any arguments by a crafted POST, as every 'use cache' function (lib/catalog/cached.ts).
  const valid =
    Array.isArray(stores) &&
    stores.every((s) => Number.isSafeInteger(s?.id) && typeof s?.slug === 'string') &&
    typeof day === 'string' &&
    /^\d{4}-\d{2}-\d{2}$/.test(day) &&
    Number.isFinite(Date.parse(`${day}T12:00:00+01:00`));
  if (!valid) return new Map();
  for (let i = 0; i < stores.length; i += 100) cacheTag(...stores.slice(i, i + 100).map((s) => storeTag(s.slug)));
  // Noon on that day in Paris is still that day: getStoreSchedules keeps the closures from it on.
  return getStoreSchedules(
    stores.map((s) => s.id),
    new Date(`${day}T12:00:00+01:00`),
  );
}

/**
 * The stores' hours and closures from today (Paris) on, and that day: for pages kept whole, which
 * cannot read the clock outside a cache entry. The entry is remade within the hour once stale and
 * dropped after a day, so `day` is at most that old; the browser works out "open now" with its own
 * clock from what is shipped (lib/stores/hours.ts, closuresWithin).
 */
export async function getCurrentSchedules(stores: { id: number; slug: string }[]): Promise<{ day: string; schedules: Map<number, StoreSchedule> }> {
  'use cache';
  cacheLife('hours');
  cacheTag(STORES_TAG);
  const day = parisNow(new Date()).date;
  // Each store's tag on this entry too (getSchedules' own, nested, are carried up as well).
  const slugs = Array.isArray(stores) ? stores.flatMap((s) => (typeof s?.slug === 'string' ? [storeTag(s.slug)] : [])) : [];
  for (let i = 0; i < slugs.length; i += 100) cacheTag(...slugs.slice(i, i + 100));
  return { day, schedules: await getSchedules(stores, day) };
}
