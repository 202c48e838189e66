'use server';
import { z } from 'zod';
import { OutOfStockError } from '@/lib/inventory/holds';
import { safeText } from '@/lib/input/text';
import { addressSchema } from '@/lib/orders/address';
import { InvalidCheckoutError } from '@/lib/orders/errors';
import { placeTillDeliveryOrder } from '@/lib/orders/till-orders';
import { openCustomerPass } from '@/lib/sales/customer-pass';
import { formatPrice, interpolate } from '@/lib/i18n/format';
import type { HomeDeliveryResult } from '@/components/staff/till/types';
import { customerItemRequest, tillContext, tillRefusal } from './till-action-support';

const requestSchema = customerItemRequest.extend({
  address: z.object({ name: safeText, address: safeText, postcode: safeText, town: safeText, phone: safeText }),
});

/**
 * An item this shop lacks, ordered here for the customer and sent to their home from the web
 * warehouse, paid at this counter: a paid home-delivery order in their account (lib/orders/till-orders.ts).
 */
export async function orderHomeDeliveryAction(request: z.input<typeof requestSchema>): Promise<HomeDeliveryResult> {
  const { userId, t, locale } = await tillContext();
  if (userId === null) return { ok: false, message: t.till.signInAgain };
  const parsed = requestSchema.safeParse(request);
  if (!parsed.success) return { ok: false, message: t.till.invalidTicket };
  const { storeId, customerPass, skuId, quantity, idempotencyKey } = parsed.data;
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
    const a = address.data;
    return {
      ok: true,
      number: order.number,
      message: interpolate(t.till.deliveryOrdered, {
        number: order.number,
        total: formatPrice(order.totalCents, locale),
        address: `${a.address}, ${a.postcode} ${a.town}`,
      }),
    };
  } catch (err) {
    if (err instanceof OutOfStockError) return { ok: false, message: t.till.webOut };
    if (err instanceof InvalidCheckoutError) return { ok: false, message: err.message };
    return tillRefusal(err, t);
  }
}
