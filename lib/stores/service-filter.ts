import type { StoreService } from './queries';

/**
 * The store locator's service filter: `/stores?service=drive`, alone or with a search
 * (`/stores?near=69003&service=drive`). A link, so it works before any script and can be shared.
 * The URL's words are the shopper's (`returns-desk`), the values the stores' services.
 */
export const SERVICE_FILTERS = { drive: 'drive', 'returns-desk': 'returnsDesk', 'click-reserve': 'clickReserve' } as const satisfies Record<
  string,
  StoreService
>;
export type ServiceFilter = keyof typeof SERVICE_FILTERS;
export const SERVICE_FILTER_NAMES = Object.keys(SERVICE_FILTERS) as ServiceFilter[];

/** The filter a query's `service` names, or null (none, several, or a word that is not one). */
export function parseServiceFilter(value: string | string[] | null | undefined): ServiceFilter | null {
  const v = Array.isArray(value) ? value[0] : value;
  return v && Object.hasOwn(SERVICE_FILTERS, v) ? (v as ServiceFilter) : null;
}

/** The stores that offer the filter's service (all of them without a filter), in their order. */
export function offering<T extends { services: readonly StoreService[] }>(stores: readonly T[], filter: ServiceFilter | null): T[] {
  return filter ? stores.filter((s) => s.services.includes(SERVICE_FILTERS[filter])) : [...stores];
}

/** The locator's URL for a search (its near / lat / lng) with `filter`, or with none. */
export function locatorHref(search: Readonly<Record<string, string>>, filter: ServiceFilter | null): string {
  const params = new URLSearchParams();
  for (const key of ['near', 'lat', 'lng'] as const) if (search[key] !== undefined) params.set(key, search[key]);
  if (filter) params.set('service', filter);
  const query = params.toString();
  return query ? `/stores?${query}` : '/stores';
}
