import 'server-only';
import { resolvePlace, type ResolvedPlace } from './places';
import { listStoresByDistance, type StoreWithDistance } from './queries';

type Param = string | string[] | undefined;
export type LocatorParams = { near?: Param; lat?: Param; lng?: Param };

export type LocatorSearch = {
  /** What was typed, trimmed and cut to 100 characters (shown back in the search box). */
  near: string;
  /** Where the stores are ordered from, or null: the list in its usual order. */
  origin: { lat: number; lng: number } | null;
  /** The place the search found (for the heading), or null for a position or no search. */
  place: ResolvedPlace | null;
  /** A search that found no place: the postcode (five digits) or the text to say so about. */
  unknown: { postcode: string } | { place: string } | null;
  /** The stores nearest first from `origin`; null without one. */
  stores: StoreWithDistance[] | null;
};

function single(value: Param): string {
  return (Array.isArray(value) ? value[0] : value)?.trim() ?? '';
}

function coordinates(params: LocatorParams): { lat: number; lng: number } | null {
  const lat = Number.parseFloat(single(params.lat));
  const lng = Number.parseFloat(single(params.lng));
  return Number.isFinite(lat) && Number.isFinite(lng) && Math.abs(lat) <= 90 && Math.abs(lng) <= 180 ? { lat, lng } : null;
}

/**
 * The store locator's search (`?near=<postcode or town>`, or `?lat=…&lng=…` from "Use my
 * location"): a place typed wins over a position. Bad input is not an error: an unknown place
 * says so, and unusable coordinates show every store.
 */
export async function searchStores(params: LocatorParams): Promise<LocatorSearch> {
  const near = single(params.near).slice(0, 100);
  let origin = near ? null : coordinates(params);
  let place: ResolvedPlace | null = null;
  let unknown: LocatorSearch['unknown'] = null;
  if (near) {
    place = await resolvePlace(near);
    if (place) origin = { lat: place.lat, lng: place.lng };
    else {
      const postcode = /\d{5}/.exec(near)?.[0];
      unknown = postcode ? { postcode } : { place: near };
    }
  }
  const stores = origin ? await listStoresByDistance(origin.lat, origin.lng) : null;
  return { near, origin, place, unknown, stores };
}
