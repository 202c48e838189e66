import { connection } from 'next/server';
import { pickAvailabilityTexts } from '@/components/product/availability-panel';
import { LiveAvailabilityPanel } from '@/components/product/live-availability-panel';
import type { Locale } from '@/lib/i18n/config';
import type { Dictionary } from '@/lib/i18n/dictionary';
import { getStoreAvailability, getWarehouseAvailability, listNearbyAvailability } from '@/lib/inventory/queries';
import { getMyStoreId } from '@/lib/stores/my-store';

type Props = { skuId: Promise<number>; locale: Locale; t: Dictionary };

/**
 * The stock of my store, the 5 stores nearest to it and the web: the product page's per-request
 * hole (the SKU comes from the URL, the store from the visitor's cookie). Never cached.
 */
export async function ProductAvailability({ skuId: skuIdPromise, locale, t }: Props) {
  await connection();
  const [skuId, myStoreId] = await Promise.all([skuIdPromise, getMyStoreId()]);
  const at = new Date().toISOString();
  const [myStore, online] = await Promise.all([
    myStoreId ? getStoreAvailability(skuId, myStoreId) : null,
    getWarehouseAvailability(skuId),
  ]);
  const nearby = myStore
    ? await listNearbyAvailability({ skuId, lat: myStore.lat, lng: myStore.lng, limit: 5, excludeStoreId: myStore.storeId })
    : [];
  // Only the figures are live; which stores are shown stays as this render chose them.
  return (
    <LiveAvailabilityPanel
      // A new SKU: a new panel (and stream subscription), not the last SKU's figures patched.
      key={skuId}
      locale={locale}
      t={pickAvailabilityTexts(t.catalog)}
      skuId={skuId}
      myStore={myStore}
      nearby={nearby}
      online={online}
      at={at}
    />
  );
}
