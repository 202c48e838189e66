'use client';

import type { StoreAvailability } from '@/lib/inventory/availability';
import type { Locale } from '@/lib/i18n/config';
import { AvailabilityPanel, type AvailabilityTexts } from './availability-panel';
import { useLiveAvailability, type Figure } from './use-live-availability';

type Props = {
  locale: Locale;
  t: AvailabilityTexts;
  skuId: number;
  myStore: StoreAvailability | null;
  nearby: StoreAvailability[];
  online: { locationId: number | null; available: number; asOf: string | null };
  /** When the server read these figures. */
  at: string;
};

/**
 * The availability panel, kept live: the server renders the figures it read, and this wrapper
 * swaps in newer ones as the stock stream reports them (use-live-availability), without a reload.
 */
export function LiveAvailabilityPanel({ locale, t, skuId, myStore, nearby, online, at }: Props) {
  const stores = myStore ? [myStore, ...nearby] : nearby;
  const initial: Figure[] = stores.map((s) => ({ storeId: s.storeId, skuId, available: s.available, asOf: s.asOf }));
  if (online.locationId !== null) initial.push({ storeId: online.locationId, skuId, available: online.available, asOf: online.asOf });
  // The warehouse goes by its id like any location: the stream then needs no lookup to subscribe.
  const locationIds = stores.map((s) => s.storeId);
  if (online.locationId !== null) locationIds.push(online.locationId);
  const live = useLiveAvailability({ skuIds: [skuId], storeIds: locationIds, initial: { at, items: initial } });

  const patch = (s: StoreAvailability): StoreAvailability => {
    const f = live.figure(s.storeId, skuId);
    return f ? { ...s, available: f.available, asOf: f.asOf } : s;
  };
  const web = online.locationId !== null ? live.figure(online.locationId, skuId) : undefined;
  return (
    <AvailabilityPanel
      locale={locale}
      t={t}
      myStore={myStore && patch(myStore)}
      nearby={nearby.map(patch)}
      online={web ? { available: web.available ?? 0, asOf: web.asOf } : online}
      liveStatus={live.status}
      updatedAt={live.lastEventAt}
    />
  );
}
