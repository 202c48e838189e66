import type { Metadata } from 'next';
import { connection } from 'next/server';
import { isLocale } from '@/lib/i18n/config';
import { getDictionary } from '@/lib/i18n/dictionary';
import { interpolate } from '@/lib/i18n/format';
import { listStoresCached } from '@/lib/stores/cached';
import { searchStores, type LocatorParams } from '@/lib/stores/locator';
import type { StoreSummary } from '@/lib/stores/queries';
import { offering, parseServiceFilter } from '@/lib/stores/service-filter';
import { StoreLocator } from '../store-locator';

/**
 * A store search: `/stores?near=<postcode or town>` or `/stores?lat=…&lng=…` (the proxy rewrites
 * it here: lib/routing/store-paths.ts; this path is not public). It depends on the query, so it is
 * rendered per request; the stores' hours come from the cache, "open now" and "my store" are worked
 * out in the browser as on the kept list.
 */
type Params = Promise<{ locale: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { locale } = await params;
  const t = getDictionary(isLocale(locale) ? locale : 'fr');
  return { title: t.stores.title, description: t.stores.intro };
}

export default async function StoreSearchPage({
  params,
  searchParams,
}: {
  params: Params;
  searchParams: Promise<LocatorParams & { service?: string | string[] }>;
}) {
  const [{ locale: raw }, query] = await Promise.all([params, searchParams]);
  // Per request, database read and all: never part of a prerender (the search reads the clock
  // through the database driver, which a prerender refuses).
  await connection();
  const locale = isLocale(raw) ? raw : 'fr';
  const t = getDictionary(locale).stores;
  const found = await searchStores(query);
  const heading = found.place ? interpolate(t.nearestTo, { place: `${found.place.name} (${found.place.postcode})` }) : found.origin ? t.nearYou : t.allStores;
  const problem = !found.unknown
    ? null
    : 'postcode' in found.unknown
      ? interpolate(t.unknownPostcode, { query: found.unknown.postcode })
      : interpolate(t.unknownPlace, { query: found.unknown.place });
  const service = parseServiceFilter(query.service);
  const listed: (StoreSummary & { distanceKm: number | null })[] = found.stores ?? (await listStoresCached()).map((s) => ({ ...s, distanceKm: null }));
  const stores = offering(listed, service);
  // What the filter's links keep of the search: the place typed, or the position given.
  const search = Object.fromEntries(
    (['near', 'lat', 'lng'] as const).flatMap((k) => {
      const v = query[k];
      const one = Array.isArray(v) ? v[0] : v;
      return one === undefined ? [] : [[k, one.slice(0, 100)]];
    }),
  );
  return (
    <StoreLocator
      locale={locale}
      stores={stores}
      heading={heading}
      near={found.near}
      problem={problem}
      origin={found.origin}
      service={service}
      search={search}
    />
  );
}
