import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { StoreMapLoader } from '@/components/map/store-map-loader';
import { StoreMapPreview } from '@/components/map/store-map-preview';
import { HoursTable } from '@/components/stores/hours-table';
import { MakeMyStoreButton } from '@/components/stores/make-my-store-button';
import { OpeningStatusLine } from '@/components/stores/opening-status';
import { ServiceBadges } from '@/components/stores/service-badges';
import { intlTag } from '@/lib/i18n/format';
import { getI18n } from '@/lib/i18n/server';
import { openingStatus, parisNow } from '@/lib/stores/hours';
import { getMyStoreId } from '@/lib/stores/my-store';
import { getSchedules, getStore } from '@/lib/stores/cached';
import { makeMyStore } from '../actions';

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const store = await getStore((await params).slug);
  return store ? { title: store.name, description: `${store.address}, ${store.postcode} ${store.town}` } : {};
}

const formatKey = { hyper: 'formatHyper', city: 'formatCity', outlet: 'formatOutlet' } as const;

export default async function StorePage({ params }: Props) {
  const { slug } = await params;
  // The store, its hours and closures come from the cache (tagged store:<slug>); "open now",
  // today's row and whether it is the visitor's store are worked out per request.
  const store = await getStore(slug);
  if (!store) notFound();
  await connection(); // "open now" is this moment's: never part of a prerendered shell (a link's prefetch prerenders it)
  const now = new Date();
  const [{ locale, t }, schedules, myStoreId] = await Promise.all([getI18n(), getSchedules([{ id: store.id, slug: store.slug }], parisNow(now).date), getMyStoreId()]);
  const schedule = schedules.get(store.id) ?? { hours: [], closures: [] };
  const status = openingStatus(schedule.hours, schedule.closures, now);
  const isMine = store.id === myStoreId;
  const closureDate = new Intl.DateTimeFormat(intlTag(locale), { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' });
  const mapStores = [{ id: store.id, slug: store.slug, name: store.name, town: store.town, lat: store.lat, lng: store.lng }];

  return (
    <div className="flex flex-col gap-5">
      <nav aria-label={t.common.stores}>
        <Link href="/stores" className="text-sm font-medium text-brand-700 hover:underline">
          ← {t.stores.backToStores}
        </Link>
      </nav>

      <header className="flex flex-col gap-2">
        <p className="text-xs font-semibold tracking-wide text-muted uppercase">{t.stores[formatKey[store.format]]}</p>
        <h1 className="text-2xl font-bold tracking-tight">{store.name}</h1>
        <OpeningStatusLine status={status} locale={locale} t={t.stores} />
        <div className="mt-1 flex flex-wrap gap-2">
          <MakeMyStoreButton
            action={makeMyStore}
            storeId={store.id}
            storeName={store.name}
            isMine={isMine}
            t={{ makeMyStore: t.stores.makeMyStore, isMyStore: t.stores.isMyStore, saving: t.stores.saving }}
          />
        </div>
      </header>

      <div className="grid gap-5 lg:grid-cols-2 lg:items-start">
        <div className="flex flex-col gap-5">
          <section aria-labelledby="store-contact" className="card flex flex-col gap-3 p-4">
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
            <HoursTable hours={schedule.hours} today={parisNow(now).weekday} locale={locale} t={t.stores} />
            <p className="mt-2 text-xs text-muted">{t.stores.hoursNote}</p>
          </section>

          {schedule.closures.length > 0 && (
            <section aria-labelledby="store-closures" className="card p-4">
              <h2 id="store-closures" className="mb-2 text-base font-bold">
                {t.stores.closures}
              </h2>
              <ul className="flex flex-col gap-1 text-sm" data-testid="store-closures">
                {schedule.closures.slice(0, 8).map((c) => (
                  <li key={c.day} className="flex flex-wrap justify-between gap-x-3">
                    <time dateTime={c.day} className="font-medium first-letter:uppercase">
                      {closureDate.format(new Date(`${c.day}T12:00:00Z`))}
                    </time>
                    <span className="text-muted">{locale === 'fr' ? c.reasonFr : c.reasonEn}</span>
                  </li>
                ))}
              </ul>
            </section>
          )}
        </div>

        <StoreMapLoader
          className="h-64 sm:h-80 lg:h-[28rem]"
          mode="single"
          stores={mapStores}
          myStoreId={myStoreId}
          preview={<StoreMapPreview mode="single" stores={mapStores} myStoreId={myStoreId} />}
          texts={{
            label: t.stores.mapStoreLabel.replace('{store}', store.name),
            loading: t.stores.mapLoading,
            show: t.stores.mapShow,
            unavailable: t.stores.mapUnavailableStore,
            viewStore: t.stores.viewStore,
            isMyStore: t.stores.isMyStore,
            youAreHere: t.stores.youAreHere,
            gestureScroll: t.stores.mapGestureScroll,
            gestureTouch: t.stores.mapGestureTouch,
          }}
        />
      </div>
    </div>
  );
}
