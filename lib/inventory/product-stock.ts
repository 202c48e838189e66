import 'server-only';
import { isSkuOnSale } from '@/lib/catalog/read';
import { getDb } from '@/lib/db/client';
import { listReservableStores } from '@/lib/reservations/queries';
import { reservationLimits } from '@/lib/reservations/config';
import type { StoreAvailability } from './availability';
import { getStoreAvailability, getWarehouseAvailability, listNearbyAvailability } from './queries';

export type ProductStock = {
  /** When these figures were read (ISO): the live stream patches them from there. */
  at: string;
  myStore: StoreAvailability | null;
  /** The 5 stores nearest to my store (none without one). */
  nearby: StoreAvailability[];
  online: { locationId: number | null; available: number; asOf: string | null };
  reserve: {
    stores: { storeId: number; name: string; distanceKm: number | null; available: number; holdHours: number }[];
    defaultStoreId: number | null;
    /** Sorted from my store; otherwise by name. */
    nearestFirst: boolean;
    maxUnitsPerSku: number;
  };
};

/**
 * Everything on a product page that is read per visitor and per second, in one answer: the stock
 * of my store, its 5 nearest stores and the web, and the shops that can hold the SKU for click &
 * reserve (my store first when it qualifies). The page itself is the same for every visitor and
 * served from the cache; the browser asks this (GET /api/availability/product) and the stock
 * stream keeps the figures live. Never cached. Null for an unknown SKU, or one of a withdrawn product.
 */
export async function getProductStock(skuId: number, myStoreId: number | null): Promise<ProductStock | null> {
  if (!Number.isSafeInteger(skuId) || skuId <= 0 || skuId > 2_147_483_647) return null;
  const db = await getDb();
  if (!(await isSkuOnSale(db, skuId))) return null;
  const at = new Date().toISOString();
  const [myStoreRow, online] = await Promise.all([myStoreId ? getStoreAvailability(skuId, myStoreId) : null, getWarehouseAvailability(skuId)]);
  const near = myStoreRow ? { lat: myStoreRow.lat, lng: myStoreRow.lng } : null;
  const [nearby, reservable] = await Promise.all([
    near ? listNearbyAvailability({ skuId, ...near, limit: 5, excludeStoreId: myStoreRow!.storeId }) : Promise.resolve([]),
    // Without a position the list is alphabetical, so every shop must be in it, not the first 20 by name.
    near ? listReservableStores(skuId, near, 20) : listReservableStores(skuId, null, 500),
  ]);
  let myStore: StoreAvailability | null = null;
  if (myStoreRow) {
    const { lat: _lat, lng: _lng, ...rest } = myStoreRow;
    myStore = rest;
  }
  const stores = reservable.map(({ storeId, name, distanceKm, available, holdHours }) => ({ storeId, name, distanceKm, available, holdHours }));
  return {
    at,
    myStore,
    nearby,
    online,
    reserve: {
      stores,
      defaultStoreId: stores.find((s) => s.storeId === myStoreId)?.storeId ?? stores[0]?.storeId ?? null,
      nearestFirst: near !== null,
      maxUnitsPerSku: reservationLimits().maxUnitsPerSku,
    },
  };
}
