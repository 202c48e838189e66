import { randomUUID } from 'node:crypto';
import { connection } from 'next/server';
import { ReservePanel } from '@/components/reservations/reserve-panel';
import { getSessionUser } from '@/lib/auth/guards';
import { signInPath } from '@/lib/auth/callback-url';
import type { Locale } from '@/lib/i18n/config';
import type { Dictionary } from '@/lib/i18n/dictionary';
import { reservationLimits } from '@/lib/reservations/config';
import { listReservableStores } from '@/lib/reservations/queries';
import { getMyStoreId } from '@/lib/stores/my-store';
import { getStoreById } from '@/lib/stores/queries';
import { reserveAction } from './reserve-action';

type Props = { productSlug: string; skuId: Promise<number>; locale: Locale; t: Dictionary };

/**
 * The click & reserve panel's data: shops that can hold this SKU now, nearest to my store first
 * (my store itself preselected when it qualifies). Read per request, like every stock figure: a
 * hole of the product page's cached shell.
 */
export async function ReserveInStore({ productSlug, skuId: skuIdPromise, locale, t }: Props) {
  await connection(); // the session check (crypto, clock) never runs in a prerender
  const skuId = await skuIdPromise;
  const [user, myStoreId] = await Promise.all([getSessionUser(), getMyStoreId()]);
  const myStore = myStoreId ? await getStoreById(myStoreId) : null;
  // Without a position the list is alphabetical, so every shop must be in it, not the first 20 by name.
  const stores = myStore
    ? await listReservableStores(skuId, { lat: myStore.lat, lng: myStore.lng }, 20)
    : await listReservableStores(skuId, null, 500);
  const defaultStoreId = stores.find((s) => s.storeId === myStoreId)?.storeId ?? stores[0]?.storeId ?? null;
  return (
    <ReservePanel
      key={skuId}
      locale={locale}
      resumeText={t.common.resumePending}
      t={t.reservations}
      skuId={skuId}
      stores={stores.map(({ storeId, name, distanceKm, available, holdHours }) => ({ storeId, name, distanceKm, available, holdHours }))}
      defaultStoreId={defaultStoreId}
      maxUnitsPerSku={reservationLimits().maxUnitsPerSku}
      idempotencyKey={randomUUID()}
      signInHref={user ? null : signInPath(`/p/${productSlug}?sku=${skuId}`)}
      nearestFirst={myStore !== null}
      action={reserveAction}
    />
  );
}
