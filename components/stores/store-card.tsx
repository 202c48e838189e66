import Link from 'next/link';
import type { Locale } from '@/lib/i18n/config';
import type { Dictionary } from '@/lib/i18n/dictionary';
import { formatDistance, interpolate } from '@/lib/i18n/format';
import type { OpeningStatus } from '@/lib/stores/hours';
import type { StoreSummary } from '@/lib/stores/queries';
import { MakeMyStoreButton, type MakeMyStoreAction } from './make-my-store-button';
import { OpeningStatusLine } from './opening-status';
import { ServiceBadges } from './service-badges';

type Props = {
  store: StoreSummary;
  distanceKm: number | null;
  status: OpeningStatus;
  isMine: boolean;
  locale: Locale;
  t: Dictionary['stores'];
  makeMyStore: MakeMyStoreAction;
};

/** One store in the locator list. */
export function StoreCard({ store, distanceKm, status, isMine, locale, t, makeMyStore }: Props) {
  const headingId = `store-${store.id}-name`;
  return (
    <article
      aria-labelledby={headingId}
      className={`card render-when-near-56 flex flex-col gap-2 p-4 ${isMine ? 'border-brand-500 bg-brand-50/50 ring-1 ring-brand-500' : ''}`}
      data-testid="store-card"
      data-store-slug={store.slug}
    >
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
      <OpeningStatusLine status={status} locale={locale} t={t} />
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
          isMine={isMine}
          t={{ makeMyStore: t.makeMyStore, isMyStore: t.isMyStore, saving: t.saving }}
        />
      </div>
    </article>
  );
}
