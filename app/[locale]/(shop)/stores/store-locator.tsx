import { IntentLink } from '@/components/layout/intent-link';
import { Suspense } from 'react';
import { StoreMapPreview } from '@/components/map/store-map-preview';
import { storeMapTexts } from '@/components/map/types';
import { storeCardsHtml } from '@/components/stores/store-cards-html';
import { StoreListLive } from '@/components/stores/store-list-live';
import { StoreLocatorMap } from '@/components/stores/store-locator-map';
import { StoreSearchForm } from '@/components/stores/store-search-form';
import type { Locale } from '@/lib/i18n/config';
import { getDictionary } from '@/lib/i18n/dictionary';
import { formatMessage } from '@/lib/i18n/format';
import { getCurrentSchedules } from '@/lib/stores/cached';
import { BROWSER_CLOSURE_DAYS, closuresWithin, distinctClosures, distinctWeeks, parisClock } from '@/lib/stores/hours';
import { pickOpeningTexts, weekdayNames } from '@/lib/stores/opening-text';
import type { StoreSummary } from '@/lib/stores/queries';
import { locatorHref, SERVICE_FILTER_NAMES, type ServiceFilter } from '@/lib/stores/service-filter';
import { makeMyStore } from './actions';

type Props = {
  locale: Locale;
  stores: (StoreSummary & { distanceKm: number | null })[];
  /** The list's heading: every store, nearest to a place, or near the shopper. */
  heading: string;
  /** What was searched (shown back in the search box), and what was wrong with it. */
  near?: string;
  problem?: string | null;
  origin?: { lat: number; lng: number } | null;
  /** The service the list is filtered on (`?service=`), and the search its filter links keep. */
  service?: ServiceFilter | null;
  search?: Readonly<Record<string, string>>;
};

const serviceLabel = {
  drive: 'serviceDrive',
  'returns-desk': 'serviceReturnsDesk',
  'click-reserve': 'serviceClickReserve',
} as const satisfies Record<ServiceFilter, string>;

/**
 * The store locator, as the kept list (./list/[view]) and a search (./near) show it. Nothing here
 * is per visitor or per second: each store's "open now" and which store is the visitor's are
 * worked out in the browser from the cached hours and the my-store cookie, by one component for the
 * whole list (StoreListLive); the cards are one piece of server HTML that React does not hydrate
 * (storeCardsHtml).
 *
 * The list is a Suspense boundary of its own although nothing in it waits: React sends a completed
 * boundary larger than its chunk size (12.8 kB of HTML) after the rest of the document, hidden, and
 * reveals it from a script. Fifty-odd cards are far larger, so they alone go last, and the heading,
 * search form and map picture (the largest paint) come first, in the document's first bytes.
 */
export async function StoreLocator({ locale, stores, heading, near = '', problem = null, origin = null, service = null, search = {} }: Props) {
  const t = getDictionary(locale);
  const { day, schedules } = await getCurrentSchedules(stores.map(({ id, slug }) => ({ id, slug })));
  const { weeks, index } = distinctWeeks(stores.map((s) => schedules.get(s.id)?.hours ?? []));
  const closed = distinctClosures(stores.map((s) => closuresWithin(schedules.get(s.id)?.closures ?? [], day, BROWSER_CLOSURE_DAYS)));
  const mapStores = stores.map(({ id, slug, name, town, lat, lng }) => ({ id, slug, name, town, lat, lng }));

  return (
    <div className="flex flex-col gap-4">
      <div>
        <h1 className="text-2xl font-bold tracking-tight">{t.stores.title}</h1>
        <p className="mt-1 text-muted">{t.stores.intro}</p>
      </div>
      <StoreSearchForm near={near} service={service} locale={locale} t={t.stores} />
      <nav aria-label={t.stores.filterByService} className="-mx-1 flex flex-wrap gap-2 px-1">
        {[null, ...SERVICE_FILTER_NAMES].map((filter) => (
          <IntentLink
            key={filter ?? 'all'}
            href={locatorHref(search, filter)}
            aria-current={filter === service ? 'page' : undefined}
            className="inline-flex min-h-11 items-center rounded-full border border-line bg-white px-4 text-sm font-medium text-ink hover:bg-brand-50 aria-[current=page]:border-brand-600 aria-[current=page]:bg-brand-600 aria-[current=page]:text-white"
          >
            {filter ? t.stores[serviceLabel[filter]] : t.stores.everyService}
          </IntentLink>
        ))}
      </nav>
      {problem && (
        <p role="alert" className="rounded-lg border border-out/30 bg-out/5 px-4 py-3 text-sm font-medium text-out" data-testid="near-error">
          {problem}
        </p>
      )}
      <div className="grid gap-4 lg:grid-cols-[minmax(0,5fr)_minmax(0,7fr)] lg:items-start">
        <div className="lg:sticky lg:top-4 lg:order-2">
          <StoreLocatorMap
            className="h-72 sm:h-96 lg:h-[min(36rem,calc(100dvh-2rem))]"
            mode="all"
            stores={mapStores}
            origin={origin}
            preview={<StoreMapPreview mode="all" stores={mapStores} origin={origin} priority />}
            texts={storeMapTexts(t.stores, { label: t.stores.mapLabel, unavailable: t.stores.mapUnavailable })}
          />
        </div>
        <section aria-labelledby="store-results" className="flex flex-col gap-3 lg:order-1">
          <div className="flex flex-wrap items-baseline justify-between gap-x-3">
            <h2 id="store-results" className="text-lg font-bold">
              {heading}
            </h2>
            <p className="text-sm text-muted">{formatMessage(t.stores.storeCount, { count: stores.length }, locale)}</p>
          </div>
          {origin && (
            <IntentLink href="/stores" className="self-start text-sm font-medium text-brand-700 underline">
              {t.stores.showAll}
            </IntentLink>
          )}
          {stores.length === 0 ? (
            <p className="text-muted">{t.stores.noStores}</p>
          ) : (
            <Suspense fallback={<ListPlaceholder />}>
              <StoreListLive
                as={origin ? 'ol' : 'ul'}
                label={t.stores.storeList}
                locale={locale}
                t={{ ...pickOpeningTexts(t.stores), isMyStore: t.stores.isMyStore, saving: t.stores.saving, notSaved: t.stores.myStoreNotSaved }}
                weeks={weeks}
                closures={closed.closures}
                clock={parisClock(day, BROWSER_CLOSURE_DAYS)}
                weekdays={weekdayNames(locale)}
                makeMyStore={makeMyStore}
                cardsHtml={storeCardsHtml(
                  stores.map((store, i) => ({ store, distanceKm: store.distanceKm, week: index[i] ?? 0, closures: closed.index[i] ?? 0 })),
                  locale,
                  t.stores,
                )}
              />
            </Suspense>
          )}
        </section>
      </div>
    </div>
  );
}

/** Shown only until the list is revealed, in the same frame when the page comes from the cache. */
function ListPlaceholder() {
  return (
    <div className="flex flex-col gap-3" aria-hidden="true">
      {[0, 1, 2].map((i) => (
        <div key={i} className="h-56 animate-pulse card bg-line/30" />
      ))}
    </div>
  );
}
