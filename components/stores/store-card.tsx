import Link from 'next/link';
import type { Locale } from '@/lib/i18n/config';
import type { Dictionary } from '@/lib/i18n/dictionary';
import { formatDistance, interpolate } from '@/lib/i18n/format';
import type { Closure } from '@/lib/stores/hours';
import type { StoreSummary } from '@/lib/stores/queries';
import { LiveOpeningStatus } from './live-opening-status';
import { MakeMyStoreButton, type MakeMyStoreAction } from './make-my-store-button';
import { ServiceBadges } from './service-badges';
import { StoreCardFrame } from './store-card-frame';

type Props = {
  store: StoreSummary;
  distanceKm: number | null;
  /** The store's weekly hours (an index into the page's StoreHoursProvider) and coming closures: "open now" is the browser's. */
  week: number;
  closures: Closure[];
  locale: Locale;
  t: Dictionary['stores'];
  makeMyStore: MakeMyStoreAction;
};

/** One store in the locator list: the same for every visitor; "open now" and "my store" are the browser's. */
export function StoreCard({ store, distanceKm, week, closures, locale, t, makeMyStore }: Props) {
  const headingId = `store-${store.id}-name`;
  return (
    <StoreCardFrame storeId={store.id} slug={store.slug} headingId={headingId}>
      <div className="flex items-start justify-between gap-3">
        <h3 id={headingId} className="text-base leading-snug font-bold">
          <Link href={`/stores/${store.slug}`} className="hover:underline">
            {store.name}
          </Link>
        </h3>
        {distanceKm !== null && (
          <p className="shrink-0 text-sm font-semibold text-brand-700 tabular-nums" data-testid="store-distance">
            {interpolate(t.distanceAway, { distance: formatDistance(distanceKm, locale) })}
          </p>
        )}
      </div>
      <p className="text-sm text-muted">
        {store.address}, {store.postcode} {store.town}
      </p>
      <LiveOpeningStatus week={week} closures={closures} />
      <ServiceBadges services={store.services} t={t} />
      <div className="mt-1 flex flex-wrap items-start gap-2">
        <Link href={`/stores/${store.slug}`} className="btn-secondary">
          {t.viewStore}
          <span className="sr-only"> ({store.name})</span>
        </Link>
        <MakeMyStoreButton
          action={makeMyStore}
          storeId={store.id}
          storeName={store.name}
          t={{ makeMyStore: t.makeMyStore, isMyStore: t.isMyStore, saving: t.saving }}
        />
      </div>
    </StoreCardFrame>
  );
}
