import { parseServiceFilter, type ServiceFilter } from '@/lib/stores/service-filter';

/**
 * Where a store locator URL is served from. The public URLs stay `/stores` and
 * `/stores?near=<place>` / `/stores?lat=…&lng=…`; behind them:
 * - `/stores` → `/stores/list/all`, and `/stores?service=drive` → `/stores/list/drive` (an unknown
 *   service: the whole list): the list of every store, kept whole in Next's cache (no query
 *   read, nothing per visitor: docs/rendering.md). Its page is a dynamic segment so the
 *   build (which never reads the database) leaves it to be made on its first request;
 * - with a search (`near`, `lat` or `lng` in the query, even empty or bad: that page says what is
 *   wrong) → `/stores/near`, rendered per request.
 * Neither path is a public URL: asked for directly they are a 404, like any path below a store.
 */
export const STORE_LIST_PATH = '/stores/list/all';
/** The kept list of the stores offering one service: `/stores?service=drive` → `/stores/list/drive`. */
export const storeListPath = (filter: ServiceFilter | null) => (filter ? `/stores/list/${filter}` : STORE_LIST_PATH);
export const STORE_SEARCH_PATH = '/stores/near';
const UNKNOWN = '/_unknown';

const SEARCH_PARAMS = ['near', 'lat', 'lng'] as const;

/** The path to serve instead of `pathname`, or null when it is not the locator's to decide. */
export function storeLocatorPath(pathname: string, query: URLSearchParams): string | null {
  if (pathname === '/stores' || pathname === '/stores/') {
    return SEARCH_PARAMS.some((p) => query.has(p)) ? STORE_SEARCH_PATH : storeListPath(parseServiceFilter(query.get('service')));
  }
  // The routes behind the public URLs, and anything below a store page (there is nothing).
  if (/^\/stores\/(?:list|near)(?:\/|$)/.test(pathname) || /^\/stores\/[^/]+\/[^/]/.test(pathname)) return UNKNOWN;
  return null;
}
