import type { Locale } from '@/lib/i18n/config';
import type { Dictionary } from '@/lib/i18n/dictionary';
import { formatDistance, interpolate } from '@/lib/i18n/format';
import type { StoreSummary } from '@/lib/stores/queries';
import { ServiceBadges } from './service-badges';
import './store-list.css';
import { localizedPath } from '@/lib/routing/public-url';

type Props = {
  store: StoreSummary;
  distanceKm: number | null;
  /** Indexes into the list's distinct weekly hours and closures (StoreListLive's `weeks` and `closures`). */
  week: number;
  closures: number;
  locale: Locale;
  t: Dictionary['stores'];
  /** "Make this my store" bound to its first state: what the form posts before the page's script runs. */
  makeMyStore: (formData: FormData) => void;
};

/**
 * One store in the locator list, rendered on the server only: no component of its own in the
 * browser. The list's one StoreListLive finds the card by its data attributes and adds what only
 * the browser knows: "open now" in `.store-card-status` (beside the placeholder, which CSS then
 * hides), `data-mine` on the visitor's store (and "My store" in its form), the saving state and
 * the answer of "Make this my store". The links are plain anchors that the list routes itself.
 * Styles: store-list.css.
 */
export function StoreCard({ store, distanceKm, week, closures, locale, t, makeMyStore }: Props) {
  const headingId = `store-${store.id}-name`;
  const href = localizedPath(`/stores/${store.slug}`, locale);
  const named = ` (${store.name})`;
  return (
    <article
      aria-labelledby={headingId}
      className="store-card card"
      data-testid="store-card"
      data-store-slug={store.slug}
      data-store-id={store.id}
      data-week={week}
      data-closures={closures}
    >
      <div className="flex items-start justify-between gap-3">
        <h3 id={headingId} className="text-base leading-snug font-bold">
          <a href={href} className="hover:underline">
            {store.name}
          </a>
        </h3>
        {distanceKm !== null && (
          <p className="shrink-0 text-sm font-semibold text-brand-700 tabular-nums" data-testid="store-distance">
            {interpolate(t.distanceAway, { distance: formatDistance(distanceKm, locale) })}
          </p>
        )}
      </div>
      <p className="text-sm text-muted">{`${store.address}, ${store.postcode} ${store.town}`}</p>
      <div className="store-card-status">
        <p className="store-card-pending" aria-hidden="true">
          <span className="animate-pulse" />
        </p>
      </div>
      <ServiceBadges services={store.services} t={t} />
      <div className="mt-1 flex flex-wrap items-start gap-2">
        <a href={href} className="btn-secondary">
          {t.viewStore}
          <span className="sr-only">{named}</span>
        </a>
        <form action={makeMyStore} className="flex flex-col gap-1">
          <input type="hidden" name="storeId" value={store.id} />
          <button type="submit" className="store-card-choose btn-secondary" data-testid="make-my-store">
            <span className="store-card-choose-label">{t.makeMyStore}</span>
            <span className="sr-only">{named}</span>
          </button>
        </form>
      </div>
    </article>
  );
}
