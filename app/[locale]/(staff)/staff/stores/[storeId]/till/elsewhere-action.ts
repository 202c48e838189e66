'use server';
import { withOutageRefusal } from '@/lib/http/action-outage';
import { assertStaffOfStore } from '@/lib/auth/guards';
import { getStoreAvailability, getWarehouseAvailability, listNearbyAvailability } from '@/lib/inventory/queries';
import { deliveryFeeCents } from '@/lib/orders/config';
import { getTillItemPrice } from '@/lib/sales/queries';
import type { ElsewhereResult } from '@/components/staff/till/types';
import { idSchema, tillContext, tillRefusal } from './till-action-support';

/** Where an item missing here can be had: the nearest shops with units free, and the web warehouse. */
async function elsewhereActionUnchecked(rawStoreId: number, rawSkuId: number): Promise<ElsewhereResult> {
  const { userId, t } = await tillContext();
  if (userId === null) return { ok: false, message: t.till.signInAgain };
  const storeId = idSchema.safeParse(rawStoreId);
  const skuId = idSchema.safeParse(rawSkuId);
  if (!storeId.success || !skuId.success) return { ok: false, message: t.till.unknownItem };
  try {
    await assertStaffOfStore(userId, storeId.data);
    const here = await getStoreAvailability(skuId.data, storeId.data);
    if (!here) return { ok: false, message: t.till.notYourStore };
    const [nearby, web, priceCents] = await Promise.all([
      listNearbyAvailability({ skuId: skuId.data, lat: here.lat, lng: here.lng, limit: 12, excludeStoreId: storeId.data }),
      getWarehouseAvailability(skuId.data),
      getTillItemPrice(skuId.data),
    ]);
    if (priceCents === null) return { ok: false, message: t.till.unknownItem };
    const deliveryCents = deliveryFeeCents(priceCents);
    return {
      ok: true,
      webAvailable: Math.max(0, web.available),
      homeDelivery: { priceCents, deliveryCents, totalCents: priceCents + deliveryCents },
      stores: nearby
        .filter((s) => (s.available ?? 0) > 0)
        .slice(0, 5)
        .map((s) => ({ storeId: s.storeId, name: s.name, town: s.town, distanceKm: s.distanceKm, available: s.available ?? 0, clickReserve: s.clickReserve })),
    };
  } catch (err) {
    return tillRefusal(err, t);
  }
}

/** A database that cannot be reached is answered with a refusal the screen shows (lib/http/action-outage.ts). */
export const elsewhereAction = withOutageRefusal(elsewhereActionUnchecked);
