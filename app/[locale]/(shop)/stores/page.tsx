import type { Metadata } from 'next';
import Link from 'next/link';
import { StoreMapLoader } from '@/components/map/store-map-loader';
import { StoreMapPreview } from '@/components/map/store-map-preview';
import { StoreCard } from '@/components/stores/store-card';
import { StoreSearchForm } from '@/components/stores/store-search-form';
import { isLocale } from '@/lib/i18n/config';
import { getDictionary } from '@/lib/i18n/dictionary';
import { interpolate } from '@/lib/i18n/format';
import { getI18n } from '@/lib/i18n/server';
import { openingStatus, parisNow } from '@/lib/stores/hours';
import { getMyStoreId } from '@/lib/stores/my-store';
import { resolvePlace } from '@/lib/stores/places';
import { getSchedules, listStoresCached } from '@/lib/stores/cached';
import { listStoresByDistance, type StoreSummary } from '@/lib/stores/queries';
import { makeMyStore } from './actions';

// From the route's language, not the request's (getI18n): the same text, but known at build time, so
// the title and description are prerendered into the shell's <head> instead of streamed into <body>
// with the page (where crawlers that do not run scripts, and Lighthouse's SEO audit, miss them).
export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  const t = getDictionary(isLocale(locale) ? locale : 'fr');
  return { title: t.stores.title, description: t.stores.intro };
}

type Params = { near?: string | string[]; lat?: string | string[]; lng?: string | string[] };

function single(value: string | string[] | undefined): string {
  return (Array.isArray(value) ? value[0] : value)?.trim() ?? '';
}

function coordinates(params: Params): { lat: number; lng: number } | null {
  const lat = Number.parseFloat(single(params.lat));
  const lng = Number.parseFloat(single(params.lng));
  return Number.isFinite(lat) && Number.isFinite(lng) && Math.abs(lat) <= 90 && Math.abs(lng) <= 180 ? { lat, lng } : null;
}

export default async function StoresPage({ searchParams }: { searchParams: Promise<Params> }) {
  const [{ locale, t }, params] = await Promise.all([getI18n(), searchParams]);
  const near = single(params.near).slice(0, 100);

  let origin = near ? null : coordinates(params);
  let heading = origin ? t.stores.nearYou : t.stores.allStores;
  let problem: string | null = null;
  if (near) {
    const place = await resolvePlace(near);
    if (place) {
      origin = { lat: place.lat, lng: place.lng };
      heading = interpolate(t.stores.nearestTo, { place: `${place.name} (${place.postcode})` });
    } else {
      const postcode = /\d{5}/.exec(near)?.[0];
      problem = postcode
        ? interpolate(t.stores.unknownPostcode, { query: postcode })
        : interpolate(t.stores.unknownPlace, { query: near });
    }
  }

  // The stores, their hours and closures come from the cache (tagged `stores` and each store's
  // tag); only the order from a position, the visitor's store and "open now" are per request.
  const list: (StoreSummary & { distanceKm: number | null })[] = origin
    ? await listStoresByDistance(origin.lat, origin.lng)
    : (await listStoresCached()).map((s) => ({ ...s, distanceKm: null }));
  const now = new Date();
  const [schedules, myStoreId] = await Promise.all([
    getSchedules(list.map(({ id, slug }) => ({ id, slug })), parisNow(now).date),
    getMyStoreId(),
  ]);
  const List = origin ? 'ol' : 'ul';
  const mapStores = list.map(({ id, slug, name, town, lat, lng }) => ({ id, slug, name, town, lat, lng }));

  return (
    <div className="flex flex-col gap-4">
      <div>
        <h1 className="text-2xl font-bold tracking-tight">{t.stores.title}</h1>
        <p className="mt-1 text-muted">{t.stores.intro}</p>
      </div>
      <StoreSearchForm near={near} t={t.stores} />
      {problem && (
        <p role="alert" className="rounded-lg border border-out/30 bg-out/5 px-4 py-3 text-sm font-medium text-out" data-testid="near-error">
          {problem}
        </p>
      )}
      <div className="grid gap-4 lg:grid-cols-[minmax(0,5fr)_minmax(0,7fr)] lg:items-start">
        <div className="lg:sticky lg:top-4 lg:order-2">
          <StoreMapLoader
            className="h-72 sm:h-96 lg:h-[min(36rem,calc(100dvh-2rem))]"
            mode="all"
            stores={mapStores}
            myStoreId={myStoreId}
            origin={origin}
            preview={<StoreMapPreview mode="all" stores={mapStores} myStoreId={myStoreId} origin={origin} />}
            texts={{
              label: t.stores.mapLabel,
              loading: t.stores.mapLoading,
              show: t.stores.mapShow,
              unavailable: t.stores.mapUnavailable,
              viewStore: t.stores.viewStore,
              isMyStore: t.stores.isMyStore,
              youAreHere: t.stores.youAreHere,
              gestureScroll: t.stores.mapGestureScroll,
              gestureTouch: t.stores.mapGestureTouch,
            }}
          />
        </div>
        <section aria-labelledby="store-results" className="flex flex-col gap-3 lg:order-1">
          <div className="flex flex-wrap items-baseline justify-between gap-x-3">
            <h2 id="store-results" className="text-lg font-bold">
              {heading}
            </h2>
            <p className="text-sm text-muted">{interpolate(t.stores.storeCount, { count: list.length })}</p>
          </div>
          {origin && (
            <Link href="/stores" className="self-start text-sm font-medium text-brand-700 underline">
              {t.stores.showAll}
            </Link>
          )}
          {list.length === 0 ? (
            <p className="text-muted">{t.stores.noStores}</p>
          ) : (
            <List aria-label={t.stores.storeList} className="flex flex-col gap-3" data-testid="store-list">
              {list.map((store) => {
                const schedule = schedules.get(store.id) ?? { hours: [], closures: [] };
                return (
                  <li key={store.id}>
                    <StoreCard
                      store={store}
                      distanceKm={store.distanceKm}
                      status={openingStatus(schedule.hours, schedule.closures, now)}
                      isMine={store.id === myStoreId}
                      locale={locale}
                      t={t.stores}
                      makeMyStore={makeMyStore}
                    />
                  </li>
                );
              })}
            </List>
          )}
        </section>
      </div>
    </div>
  );
}
