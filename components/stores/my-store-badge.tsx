import { IntentLink } from '@/components/layout/intent-link';
import { interpolate } from '@/lib/i18n/format';
import type { VisitorSummary } from '@/lib/visitor/types';

function PinIcon() {
  return (
    <svg aria-hidden="true" viewBox="0 0 24 24" className="size-4 shrink-0 fill-current">
      <path d="M12 2C7.6 2 4 5.5 4 9.9 4 15.5 12 22 12 22s8-6.5 8-12.1C20 5.5 16.4 2 12 2zm0 10.6a2.7 2.7 0 1 1 0-5.4 2.7 2.7 0 0 1 0 5.4z" />
    </svg>
  );
}

export type MyStoreBadgeTexts = { chooseMyStore: string; myStoreBadge: string; stores: string };

type Props = {
  /** loading: not known yet; failed: could not be read (the visitor's store is unknown). */
  status: 'loading' | 'failed' | 'ready';
  store: VisitorSummary['myStore'] | undefined;
  t: MyStoreBadgeTexts;
};

const className =
  'inline-flex min-w-0 max-w-[9rem] min-h-11 items-center gap-1.5 rounded-full px-2 text-sm font-medium text-ink hover:bg-brand-50 hover:text-brand-700 sm:max-w-xs lg:max-w-sm';

/**
 * The header's "My store: Lyon Part-Dieu" link (or "Choose my store"). On phones only the store's town
 * shows, truncated; the full text stays the link's accessible name. Until the visitor is known, a
 * grey bar as wide as "Choose my store" (what a first visit shows) holds its place.
 */
export function MyStoreBadge({ status, store, t }: Props) {
  if (status === 'loading') {
    return (
      <span className={className} aria-hidden="true" data-testid="my-store-badge-placeholder">
        <span className="text-line">
          <PinIcon />
        </span>
        <span className="truncate rounded bg-line/70 text-transparent">
          <span className="invisible">{t.chooseMyStore}</span>
        </span>
      </span>
    );
  }
  if (!store) {
    // Not read (an outage): the stores page, whichever store is theirs.
    const text = status === 'failed' ? t.stores : t.chooseMyStore;
    return (
      <IntentLink href="/stores" className={className} data-testid="my-store-badge">
        <span className="text-brand-600">
          <PinIcon />
        </span>
        <span className="truncate">{text}</span>
      </IntentLink>
    );
  }
  const label = interpolate(t.myStoreBadge, { store: store.name });
  return (
    <IntentLink href={`/stores/${store.slug}`} className={className} aria-label={label} title={label} data-testid="my-store-badge">
      <span className="text-brand-600">
        <PinIcon />
      </span>
      <span className="truncate sm:hidden">{store.town}</span>
      <span className="hidden truncate sm:inline">{label}</span>
    </IntentLink>
  );
}
