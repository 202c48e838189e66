import { IntentLink } from '@/components/layout/intent-link';
import type { StoreAvailability } from '@/lib/inventory/availability';
import type { Locale } from '@/lib/i18n/config';
import { formatDistance, formatTime, interpolate } from '@/lib/i18n/format';
import { StockBadge } from './stock-badge';

export type AvailabilityTexts = {
  availability: string;
  myStoreLabel: string;
  nearbyStores: string;
  chooseStoreForAvailability: string;
  findStore: string;
  inStock: string;
  onlyLeft: string;
  outOfStock: string;
  notStocked: string;
  asOf: string;
  homeDelivery: string;
  availableOnline: string;
  unavailableOnline: string;
  availabilityUpdated: string;
};

/** The keys above, picked from the catalogue dictionary so a client panel receives only these. */
export const AVAILABILITY_TEXT_KEYS = [
  'availability',
  'myStoreLabel',
  'nearbyStores',
  'chooseStoreForAvailability',
  'findStore',
  'inStock',
  'onlyLeft',
  'outOfStock',
  'notStocked',
  'asOf',
  'homeDelivery',
  'availableOnline',
  'unavailableOnline',
  'availabilityUpdated',
] as const satisfies readonly (keyof AvailabilityTexts)[];

export function pickAvailabilityTexts(t: AvailabilityTexts): AvailabilityTexts {
  return Object.fromEntries(AVAILABILITY_TEXT_KEYS.map((k) => [k, t[k]])) as AvailabilityTexts;
}

type Props = {
  locale: Locale;
  t: AvailabilityTexts;
  myStore: StoreAvailability | null;
  nearby: StoreAvailability[];
  online: { available: number; asOf: string | null };
  /** Set when the figures are kept live (live-availability-panel): connecting, live or polling. */
  liveStatus?: string;
  /** When the last live change arrived: announced politely, once a minute at most (HH:MM). */
  updatedAt?: string | null;
};

function AsOf({ iso, locale, t }: { iso: string | null; locale: Locale; t: AvailabilityTexts }) {
  if (!iso) return null;
  return (
    <time dateTime={iso} className="text-xs text-muted">
      {interpolate(t.asOf, { time: formatTime(new Date(iso), locale) })}
    </time>
  );
}

export function AvailabilityPanel({ locale, t, myStore, nearby, online, liveStatus, updatedAt }: Props) {
  return (
    <section aria-labelledby="availability-title" className="divide-y divide-line card" data-testid="availability" data-live-status={liveStatus}>
      <h2 id="availability-title" className="px-4 pt-4 pb-3 text-base font-bold">
        {t.availability}
      </h2>
      {liveStatus && (
        <p className="sr-only" aria-live="polite" data-testid="availability-updated">
          {updatedAt ? interpolate(t.availabilityUpdated, { time: formatTime(new Date(updatedAt), locale) }) : ''}
        </p>
      )}
      {myStore ? (
        <div className="bg-brand-50/60 px-4 py-3" data-testid="my-store-availability">
          <p className="text-xs font-semibold tracking-wide text-brand-700 uppercase">{t.myStoreLabel}</p>
          <div className="mt-1 flex flex-wrap items-baseline justify-between gap-x-3 gap-y-1">
            <IntentLink href={`/stores/${myStore.slug}`} className="font-semibold hover:underline">
              {myStore.name}
            </IntentLink>
            <StockBadge available={myStore.available} locale={locale} t={t} />
          </div>
          <AsOf iso={myStore.asOf} locale={locale} t={t} />
        </div>
      ) : (
        <div className="px-4 py-3 text-sm">
          <p className="text-muted">{t.chooseStoreForAvailability}</p>
          <IntentLink href="/stores" className="mt-2 btn-secondary">
            {t.findStore}
          </IntentLink>
        </div>
      )}
      {nearby.length > 0 && (
        <div className="px-4 py-3">
          <h3 className="mb-2 text-sm font-semibold text-muted">{t.nearbyStores}</h3>
          <ul className="space-y-2" data-testid="nearby-availability">
            {nearby.map((s) => (
              <li key={s.storeId} className="flex items-start justify-between gap-x-3 text-sm">
                <span className="min-w-0">
                  <IntentLink href={`/stores/${s.slug}`} className="inline-flex min-h-8 items-center font-medium hover:underline">
                    {s.name}
                  </IntentLink>
                  <span className="block text-xs text-muted">
                    {s.distanceKm !== null && formatDistance(s.distanceKm, locale)}
                    {s.distanceKm !== null && s.asOf && ' · '}
                    {s.asOf && <AsOf iso={s.asOf} locale={locale} t={t} />}
                  </span>
                </span>
                <span className="shrink-0 pt-1.5 text-right">
                  <StockBadge available={s.available} locale={locale} t={t} />
                </span>
              </li>
            ))}
          </ul>
        </div>
      )}
      <div className="flex flex-wrap items-baseline justify-between gap-x-3 px-4 py-3 text-sm">
        <span className="font-medium">{t.homeDelivery}</span>
        <span className={online.available > 0 ? 'font-semibold text-ok' : 'font-semibold text-out'}>
          {online.available > 0 ? t.availableOnline : t.unavailableOnline}
        </span>
      </div>
    </section>
  );
}
