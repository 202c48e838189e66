'use server';
import { z } from 'zod';
import type { ElsewhereResult } from '@/components/staff/till/types';
import { staffAction } from '@/lib/actions/builder';
import { idSchema } from '@/lib/actions/inputs';
import { refuse } from '@/lib/actions/state';
import { getStoreAvailability, getWarehouseAvailability, listNearbyAvailability } from '@/lib/inventory/queries';
import { deliveryFeeCents } from '@/lib/orders/config';
import { getTillItemPrice } from '@/lib/sales/queries';

/** Where an item missing here can be had: the nearest shops with units free, and the web warehouse. */
export const elsewhereAction = staffAction('till')
  .call(
    z.tuple([idSchema, idSchema]).transform(([storeId, skuId]) => ({ storeId, skuId })),
    (_error, { t }) => refuse(t.till.unknownItem),
  )
  .run(async ({ input: { storeId, skuId }, t }): Promise<ElsewhereResult> => {
    const here = await getStoreAvailability(skuId, storeId);
    if (!here) return refuse(t.till.notYourStore);
    const [nearby, web, priceCents] = await Promise.all([
      listNearbyAvailability({ skuId, lat: here.lat, lng: here.lng, limit: 12, excludeStoreId: storeId }),
      getWarehouseAvailability(skuId),
      getTillItemPrice(skuId),
    ]);
    if (priceCents === null) return refuse(t.till.unknownItem);
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
  });
