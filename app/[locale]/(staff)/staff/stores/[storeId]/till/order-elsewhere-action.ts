'use server';
import { withOutageRefusal } from '@/lib/http/action-outage';
import { z } from 'zod';
import { assertStaffOfStore } from '@/lib/auth/guards';
import { addToCustomerCartOnce, findCartAdditionByKey } from '@/lib/cart/commands';
import { interpolate } from '@/lib/i18n/format';
import { findReservationByKey, placeReservation } from '@/lib/reservations/commands';
import { getStoreById } from '@/lib/stores/queries';
import { customerOfPass, openCustomerPass } from '@/lib/sales/customer-pass';
import { findShopperById } from '@/lib/sales/queries';
import type { OrderElsewhereResult } from '@/components/staff/till/types';
import type { Dictionary } from '@/lib/i18n/dictionary';
import { customerItemRequest, idSchema, tillContext, tillRefusal } from './till-action-support';

const requestSchema = customerItemRequest.extend({
  /** A click & reserve at another shop, or the customer's web basket for home delivery. */
  target: z.union([z.object({ kind: z.literal('store'), storeId: idSchema }), z.object({ kind: z.literal('web') })]),
});

/**
 * An item missing here, ordered for the identified customer from the till: reserved at another
 * shop (they pay at pickup) or put in their web basket, where they confirm home delivery and pay.
 * A reservation its key already placed answers before anything else is checked (the pass may have lapsed).
 */
async function orderElsewhereActionUnchecked(request: z.input<typeof requestSchema>): Promise<OrderElsewhereResult> {
  const { userId, t } = await tillContext();
  if (userId === null) return { ok: false, message: t.till.signInAgain };
  const parsed = requestSchema.safeParse(request);
  if (!parsed.success)
    return { ok: false, message: parsed.error.issues.some((i) => i.path[0] === 'customerPass') ? t.till.needsCustomer : t.till.invalidTicket };
  const { storeId, customerPass, skuId, quantity, idempotencyKey, target } = parsed.data;
  const owner = customerOfPass(customerPass, { storeId, staffId: userId });
  if (target.kind === 'store' && owner !== null) {
    try {
      await assertStaffOfStore(userId, storeId);
      const first = await findReservationByKey(owner, idempotencyKey);
      if (first) return reservedThere(first, owner, t);
    } catch (err) {
      return tillRefusal(err, t);
    }
  }
  if (target.kind === 'web') {
    try {
      await assertStaffOfStore(userId, storeId);
      const first = await findCartAdditionByKey(idempotencyKey, storeId);
      if (first) return addedToWebCart(first.customerId, t);
    } catch (err) {
      return tillRefusal(err, t);
    }
  }
  const pass = openCustomerPass(customerPass, { storeId, staffId: userId });
  if (!pass) return { ok: false, message: t.till.customerPassLapsed };
  const { customerId } = pass;
  try {
    await assertStaffOfStore(userId, storeId);
    const customer = await findShopperById(customerId);
    if (!customer) return { ok: false, message: t.till.customerNotFound };
    if (target.kind === 'web') {
      await addToCustomerCartOnce({ customerId, storeId, skuId, quantity, key: idempotencyKey });
      return addedToWebCart(customerId, t);
    }
    const placed = await placeReservation({ customerId, storeId: target.storeId, lines: [{ skuId, quantity }], idempotencyKey });
    return reservedThere({ ...placed, storeId: target.storeId }, customerId, t);
  } catch (err) {
    return tillRefusal(err, t);
  }
}

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

/** A database that cannot be reached is answered with a refusal the screen shows (lib/http/action-outage.ts). */
export const orderElsewhereAction = withOutageRefusal(orderElsewhereActionUnchecked);
