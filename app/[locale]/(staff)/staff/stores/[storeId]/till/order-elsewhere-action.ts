'use server';
import { z } from 'zod';
import type { OrderElsewhereResult } from '@/components/staff/till/types';
import { staffAction } from '@/lib/actions/builder';
import { idSchema } from '@/lib/actions/inputs';
import { refuse } from '@/lib/actions/state';
import { addToCustomerCartOnce, findCartAdditionByKey } from '@/lib/cart/commands';
import type { Dictionary } from '@/lib/i18n/dictionary';
import { interpolate } from '@/lib/i18n/format';
import { findReservationByKey, placeReservation } from '@/lib/reservations/commands';
import { customerOfPass, openCustomerPass } from '@/lib/sales/customer-pass';
import { findShopperById } from '@/lib/sales/queries';
import { getStoreById } from '@/lib/stores/queries';
import { customerItemRequest } from './till-action-support';

const requestSchema = customerItemRequest.extend({
  /** A click & reserve at another shop, or the customer's web basket for home delivery. */
  target: z.union([z.object({ kind: z.literal('store'), storeId: idSchema }), z.object({ kind: z.literal('web') })]),
});

/**
 * An item missing here, ordered for the identified customer from the till: reserved at another
 * shop (they pay at pickup) or put in their web basket, where they confirm home delivery and pay.
 * What its key already placed answers before anything else is checked (the pass may have lapsed).
 */
export const orderElsewhereAction = staffAction('till-reserve')
  .call(
    z.tuple([requestSchema]).transform(([request]) => request),
    (error, { t }) => refuse(error.issues.some((i) => i.path[1] === 'customerPass') ? t.till.needsCustomer : t.till.invalidTicket),
  )
  .run(async ({ input: { storeId, customerPass, skuId, quantity, idempotencyKey, target }, user, t }): Promise<OrderElsewhereResult> => {
    const owner = customerOfPass(customerPass, { storeId, staffId: user.id });
    if (target.kind === 'store' && owner !== null) {
      const first = await findReservationByKey(owner, idempotencyKey);
      if (first) return reservedThere(first, owner, t);
    }
    if (target.kind === 'web') {
      const first = await findCartAdditionByKey(idempotencyKey, storeId);
      if (first) return addedToWebCart(first.customerId, t);
    }
    const pass = openCustomerPass(customerPass, { storeId, staffId: user.id });
    if (!pass) return refuse(t.till.customerPassLapsed);
    const { customerId } = pass;
    const customer = await findShopperById(customerId);
    if (!customer) return refuse(t.till.customerNotFound);
    if (target.kind === 'web') {
      await addToCustomerCartOnce({ customerId, storeId, skuId, quantity, key: idempotencyKey });
      return addedToWebCart(customerId, t);
    }
    const placed = await placeReservation({ customerId, storeId: target.storeId, lines: [{ skuId, quantity }], idempotencyKey });
    return reservedThere({ ...placed, storeId: target.storeId }, customerId, t);
  });

/** The answer to a reservation placed from the till, the first time and on every replay of its key. */
async function reservedThere(placed: { code: string; storeId: number }, customerId: number, t: Dictionary): Promise<OrderElsewhereResult> {
  const [store, customer] = await Promise.all([getStoreById(placed.storeId), findShopperById(customerId)]);
  return { ok: true, message: interpolate(t.till.reservedThere, { store: store?.name ?? '', name: customer?.name ?? '', code: placed.code }) };
}

/** The answer to units put in the customer's web basket, the first time and on every replay of its key. */
async function addedToWebCart(customerId: number, t: Dictionary): Promise<OrderElsewhereResult> {
  const customer = await findShopperById(customerId);
  return { ok: true, message: interpolate(t.till.addedToWebCart, { name: customer?.name ?? '' }) };
}
