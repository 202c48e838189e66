import type { Metadata } from 'next';
import { IntentLink } from '@/components/layout/intent-link';
import { Suspense } from 'react';
import { notFound } from 'next/navigation';
import { StoreMapPreview } from '@/components/map/store-map-preview';
import { storeMapTexts } from '@/components/map/types';
import { LiveHoursTable } from '@/components/stores/live-hours-table';
import { LiveOpeningStatus } from '@/components/stores/live-opening-status';
import { StoreHoursProvider } from '@/components/stores/store-hours-context';
import { MakeMyStoreButton } from '@/components/stores/make-my-store-button';
import { JsonLdAfterLoad } from '@/components/seo/json-ld-after-load';
import { ServiceBadges } from '@/components/stores/service-badges';
import { StoreLocatorMap } from '@/components/stores/store-locator-map';
import { isLocale, type Locale } from '@/lib/i18n/config';
import { getDictionary } from '@/lib/i18n/dictionary';
import { formatDate } from '@/lib/i18n/format';
import { pageAlternates, storePath } from '@/lib/routing/public-url';
import { jsonLdGraph, serializeJsonLd, SPECIAL_HOURS_DAYS, STORE_LD_ID, storeLd } from '@/lib/seo/json-ld';
import { BROWSER_CLOSURE_DAYS, closuresWithin } from '@/lib/stores/hours';
import { pickOpeningTexts, weekdayLabels } from '@/lib/stores/opening-text';
import { getCurrentSchedules, getStore } from '@/lib/stores/cached';
import { makeMyStore } from '../actions';

/**
 * A store's page (docs/rendering.md). Nothing per visitor or per second: the store, its
 * hours and closures come from the cache (tagged store:<slug> and `stores`), so Next.js prerenders
 * it on its first request and serves it whole from its cache until a tag expires; "open now",
 * today's row and whether it is the visitor's store are worked out in the browser. The build never
 * reads the database: it renders only the placeholder's 404.
 *
 * Kept whole also means sent whole: React sends a completed Suspense boundary whose HTML takes the
 * page past its chunk size (12.8 kB, with the header) after the rest, hidden, and reveals it from a
 * script. So the page stays lean (at most five closures, the table's styles set once), and its
 * details are a boundary of their own: were a store's page ever that large, only they would go last.
 */
const BUILD_SAMPLE = '_';
const CLOSURES_SHOWN = 5;

type Props = { params: Promise<{ locale: string; slug: string }> };

export function generateStaticParams() {
  return [{ slug: BUILD_SAMPLE }];
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, slug } = await params;
  const store = slug === BUILD_SAMPLE ? null : await getStore(slug);
  return store
    ? {
        title: store.name,
        description: `${store.address}, ${store.postcode} ${store.town}`,
        alternates: pageAlternates(storePath(store.slug), isLocale(locale) ? locale : 'fr'),
      }
    : {};
}

const formatKey = { hyper: 'formatHyper', city: 'formatCity', outlet: 'formatOutlet' } as const;

export default async function StorePage({ params }: Props) {
  const { locale: raw, slug } = await params;
  if (slug === BUILD_SAMPLE) notFound();
  const store = await getStore(slug);
  if (!store) notFound();
  const locale: Locale = isLocale(raw) ? raw : 'fr';
  const t = getDictionary(locale);
  const { day, schedules } = await getCurrentSchedules([{ id: store.id, slug: store.slug }]);
  const schedule = schedules.get(store.id) ?? { hours: [], closures: [] };
  const closureDate = (day: string) => formatDate(new Date(`${day}T12:00:00Z`), locale, { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' });
  const mapStores = [{ id: store.id, slug: store.slug, name: store.name, town: store.town, lat: store.lat, lng: store.lng }];

  // The Store's JSON-LD, written into the head by the page's script: inline it would take the page
  // past React's chunk size (components/seo/json-ld-after-load.tsx).
  const ld = serializeJsonLd(
    jsonLdGraph(storeLd(store, { hours: schedule.hours, closures: closuresWithin(schedule.closures, day, SPECIAL_HOURS_DAYS) }, locale)),
  );

  return (
    <div className="flex flex-col gap-5">
      <JsonLdAfterLoad id={STORE_LD_ID} json={ld} />
      <nav aria-label={t.common.stores}>
        <IntentLink href="/stores" className="text-sm font-medium text-brand-700 hover:underline">
          ← {t.stores.backToStores}
        </IntentLink>
      </nav>

      <header className="flex flex-col gap-2">
        <p className="text-xs font-semibold tracking-wide text-muted uppercase">{t.stores[formatKey[store.format]]}</p>
        <h1 className="text-2xl font-bold tracking-tight">{store.name}</h1>
        <StoreHoursProvider locale={locale} t={pickOpeningTexts(t.stores)} weeks={[schedule.hours]}>
          <LiveOpeningStatus week={0} closures={closuresWithin(schedule.closures, day, BROWSER_CLOSURE_DAYS)} />
        </StoreHoursProvider>
        <div className="mt-1 flex flex-wrap gap-2">
          <MakeMyStoreButton
            action={makeMyStore}
            storeId={store.id}
            storeName={store.name}
            t={{ makeMyStore: t.stores.makeMyStore, isMyStore: t.stores.isMyStore, saving: t.stores.saving, notSaved: t.stores.myStoreNotSaved }}
          />
        </div>
      </header>

      <Suspense>
        <div className="grid gap-5 lg:grid-cols-2 lg:items-start">
          <div className="flex flex-col gap-5">
            <section aria-labelledby="store-contact" className="flex flex-col gap-3 card p-4">
              <h2 id="store-contact" className="sr-only">
                {t.stores.address}
              </h2>
              <div>
                <p className="text-sm font-semibold text-muted">{t.stores.address}</p>
                <address className="not-italic">
                  {store.address}
                  <br />
                  {store.postcode} {store.town}
                </address>
              </div>
              <div className="flex flex-wrap gap-2">
                <a
                  href={`https://www.google.com/maps/dir/?api=1&destination=${store.lat},${store.lng}`}
                  className="btn-primary"
                  target="_blank"
                  rel="noopener noreferrer"
                >
                  {t.stores.directions}
                </a>
                {store.phone && (
                  <a href={`tel:${store.phone.replace(/[^\d+]/g, '')}`} className="btn-secondary">
                    <span className="sr-only">{t.stores.phone}: </span>
                    {store.phone}
                  </a>
                )}
              </div>
              {store.services.length > 0 && (
                <div className="flex flex-col gap-1.5">
                  <p className="text-sm font-semibold text-muted">{t.stores.services}</p>
                  <ServiceBadges services={store.services} t={t.stores} />
                </div>
              )}
            </section>

            <section aria-labelledby="store-hours" className="card p-4">
              <h2 id="store-hours" className="mb-2 text-base font-bold">
                {t.stores.openingHours}
              </h2>
              <LiveHoursTable
                hours={schedule.hours}
                labels={weekdayLabels(locale)}
                t={{
                  openingHours: t.stores.openingHours,
                  hoursNote: t.stores.hoursNote,
                  day: t.stores.day,
                  hours: t.stores.hours,
                  today: t.stores.today,
                  closed: t.stores.closed,
                }}
              />
              <p className="mt-2 text-xs text-muted">{t.stores.hoursNote}</p>
            </section>

            {schedule.closures.length > 0 && (
              <section aria-labelledby="store-closures" className="card p-4">
                <h2 id="store-closures" className="mb-2 text-base font-bold">
                  {t.stores.closures}
                </h2>
                <ul
                  className="flex flex-col gap-1 text-sm [&_li]:flex [&_li]:flex-wrap [&_li]:justify-between [&_li]:gap-x-3 [&_span]:text-muted [&_time]:font-medium [&_time]:first-letter:uppercase"
                  data-testid="store-closures"
                >
                  {schedule.closures.slice(0, CLOSURES_SHOWN).map((c) => (
                    <li key={c.day}>
                      <time dateTime={c.day}>{closureDate(c.day)}</time>
                      <span>{locale === 'fr' ? c.reasonFr : c.reasonEn}</span>
                    </li>
                  ))}
                </ul>
              </section>
            )}
          </div>

          <StoreLocatorMap
            className="h-64 sm:h-80 lg:h-[28rem]"
            mode="single"
            stores={mapStores}
            preview={<StoreMapPreview mode="single" stores={mapStores} />}
            texts={storeMapTexts(t.stores, { label: t.stores.mapStoreLabel.replace('{store}', store.name), unavailable: t.stores.mapUnavailableStore })}
          />
        </div>
      </Suspense>
    </div>
  );
}
