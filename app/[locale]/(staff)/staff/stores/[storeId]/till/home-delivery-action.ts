'use server';
import { withOutageRefusal } from '@/lib/http/action-outage';
import { z } from 'zod';
import { OutOfStockError } from '@/lib/inventory/holds';
import { safeText } from '@/lib/input/text';
import { addressSchema } from '@/lib/orders/address';
import { InvalidCheckoutError } from '@/lib/orders/errors';
import { findTillDeliveryOrder, placeTillDeliveryOrder, type TillDeliveryOrder } from '@/lib/orders/till-orders';
import { openCustomerPass } from '@/lib/sales/customer-pass';
import { formatPrice, interpolate } from '@/lib/i18n/format';
import type { HomeDeliveryResult } from '@/components/staff/till/types';
import type { Dictionary } from '@/lib/i18n/dictionary';
import { customerItemRequest, tillContext, tillRefusal } from './till-action-support';

const requestSchema = customerItemRequest.extend({
  address: z.object({ name: safeText, address: safeText, postcode: safeText, town: safeText, phone: safeText }),
});

/**
 * An item this shop lacks, ordered here for the customer and sent to their home from the web
 * warehouse, paid at this counter: a paid home-delivery order in their account (lib/orders/till-orders.ts).
 * A key that already placed an order answers with it before anything else is checked.
 */
async function orderHomeDeliveryActionUnchecked(request: z.input<typeof requestSchema>): Promise<HomeDeliveryResult> {
  const { userId, t, locale } = await tillContext();
  if (userId === null) return { ok: false, message: t.till.signInAgain };
  const parsed = requestSchema.safeParse(request);
  if (!parsed.success) return { ok: false, message: t.till.invalidTicket };
  const { storeId, customerPass, skuId, quantity, idempotencyKey } = parsed.data;
  try {
    const first = await findTillDeliveryOrder({ storeId, staffId: userId, idempotencyKey });
    if (first) return ordered(first, t, locale);
  } catch (err) {
    return tillRefusal(err, t);
  }
  const pass = openCustomerPass(customerPass, { storeId, staffId: userId });
  if (!pass) return { ok: false, message: t.till.customerPassLapsed };
  const address = addressSchema(t.orders).safeParse(parsed.data.address);
  if (!address.success) {
    const fieldErrors: Record<string, string> = {};
    for (const issue of address.error.issues) fieldErrors[String(issue.path[0])] ??= issue.message;
    return { ok: false, message: t.till.deliveryAddressInvalid, fieldErrors };
  }
  try {
    const order = await placeTillDeliveryOrder({
      storeId,
      staffId: userId,
      customerId: pass.customerId,
      lines: [{ skuId, quantity }],
      address: address.data,
      idempotencyKey,
    });
    return ordered(order, t, locale);
  } catch (err) {
    if (err instanceof OutOfStockError) return { ok: false, message: t.till.webOut };
    if (err instanceof InvalidCheckoutError) return { ok: false, message: err.message };
    return tillRefusal(err, t);
  }
}

/** The answer to a placed order, the first time and on every replay of its key. */
function ordered(order: TillDeliveryOrder, t: Dictionary, locale: 'fr' | 'en'): HomeDeliveryResult {
  const a = order.address;
  return {
    ok: true,
    number: order.number,
    message: interpolate(t.till.deliveryOrdered, {
      number: order.number,
      total: formatPrice(order.totalCents, locale),
      address: `${a.address}, ${a.postcode} ${a.town}`,
    }),
  };
}

/** A database that cannot be reached is answered with a refusal the screen shows (lib/http/action-outage.ts). */
export const orderHomeDeliveryAction = withOutageRefusal(orderHomeDeliveryActionUnchecked);
