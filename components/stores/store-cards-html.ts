import { html, type SafeHtml } from '@/lib/html/escape';
import type { Locale } from '@/lib/i18n/config';
import type { Dictionary } from '@/lib/i18n/dictionary';
import { formatDistance, interpolate } from '@/lib/i18n/format';
import { localizedPath } from '@/lib/routing/public-url';
import type { StoreService, StoreSummary } from '@/lib/stores/queries';
import { MY_STORE_FORM_PATH } from '@/lib/stores/my-store-id';
import { SERVICE_BADGES_CLASS, SERVICE_LABEL_KEY } from './service-badges';

export type CardOfList = {
  store: StoreSummary;
  distanceKm: number | null;
  /** Indexes into the list's distinct weekly hours and closures (StoreListLive's `weeks` and `closures`). */
  week: number;
  closures: number;
};

type Texts = Dictionary['stores'];

/**
 * The locator's cards, each in its `<li>`, as one piece of HTML. React puts it in the list as it is
 * and does not hydrate it: on /stores that is 57 cards, some 1,800 elements that React would
 * otherwise walk one by one on a phone before the page answers a tap (Lighthouse's blocking time),
 * and a second copy of each card in the page's RSC payload. The list's one StoreListLive finds the
 * cards by their data attributes and adds what only the browser knows: "open now" in
 * `.store-card-status` (beside the placeholder, which CSS then hides), `data-mine` on the
 * visitor's store (and "My store" in its form), the saving state and the answer of "Make this my
 * store". The links are plain anchors that the list routes itself; the form is a plain form that
 * the list sends as a server action, and that posts to MY_STORE_FORM_PATH before the page's script
 * has run or without it. Every text is escaped (`html`). Styles: store-list.css.
 */
export function storeCardsHtml(cards: readonly CardOfList[], locale: Locale, t: Texts): string {
  return cards.map((card) => html`<li>${storeCardHtml(card, locale, t)}</li>`).join('');
}

function storeCardHtml({ store, distanceKm, week, closures }: CardOfList, locale: Locale, t: Texts): SafeHtml {
  const headingId = `store-${store.id}-name`;
  const href = localizedPath(`/stores/${store.slug}`, locale);
  const named = ` (${store.name})`;
  const away = distanceKm === null ? null : interpolate(t.distanceAway, { distance: formatDistance(distanceKm, locale) });
  const distance = away && html`<p class="shrink-0 text-sm font-semibold text-brand-700 tabular-nums" data-testid="store-distance">${away}</p>`;
  return html`<article
    aria-labelledby="${headingId}"
    class="store-card card"
    data-testid="store-card"
    data-store-slug="${store.slug}"
    data-store-id="${store.id}"
    data-week="${week}"
    data-closures="${closures}"
  >
    <div class="flex items-start justify-between gap-3">
      <h3 id="${headingId}" class="text-base leading-snug font-bold"><a href="${href}" class="hover:underline">${store.name}</a></h3>
      ${distance}
    </div>
    <p class="text-sm text-muted">${`${store.address}, ${store.postcode} ${store.town}`}</p>
    <div class="store-card-status">
      <p class="store-card-pending" aria-hidden="true"><span class="animate-pulse"></span></p>
    </div>
    ${serviceBadgesHtml(store.services, t)}
    <div class="mt-1 flex flex-wrap items-start gap-2">
      <a href="${href}" class="btn-secondary">${t.viewStore}<span class="sr-only">${named}</span></a>
      <form method="post" action="${MY_STORE_FORM_PATH}" class="flex flex-col gap-1">
        <input type="hidden" name="storeId" value="${store.id}" /><button type="submit" class="store-card-choose btn-secondary" data-testid="make-my-store">
          <span class="store-card-choose-label">${t.makeMyStore}</span><span class="sr-only">${named}</span>
        </button>
      </form>
    </div>
  </article>`;
}

/** ServiceBadges' markup (the store page's badges are that component). */
function serviceBadgesHtml(services: readonly StoreService[], t: Texts): SafeHtml | null {
  if (services.length === 0) return null;
  return html`<ul aria-label="${t.services}" class="${SERVICE_BADGES_CLASS}">
    ${services.map((s) => html`<li>${t[SERVICE_LABEL_KEY[s]]}</li>`)}
  </ul>`;
}
