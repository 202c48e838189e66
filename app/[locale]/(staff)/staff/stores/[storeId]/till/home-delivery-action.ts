'use server';
import { z } from 'zod';
import type { HomeDeliveryResult } from '@/components/staff/till/types';
import { staffAction } from '@/lib/actions/builder';
import { refuse } from '@/lib/actions/state';
import type { Locale } from '@/lib/i18n/config';
import type { Dictionary } from '@/lib/i18n/dictionary';
import { formatPrice, interpolate } from '@/lib/i18n/format';
import { safeText } from '@/lib/input/text';
import { addressSchema } from '@/lib/orders/address';
import { findTillDeliveryOrder, placeTillDeliveryOrder, type TillDeliveryOrder } from '@/lib/orders/till-orders';
import { openCustomerPass } from '@/lib/sales/customer-pass';
import { customerItemRequest, walletTenderSchema } from './till-action-support';

const requestSchema = customerItemRequest.extend({
  address: z.object({ name: safeText, address: safeText, postcode: safeText, town: safeText, phone: safeText }),
  wallet: walletTenderSchema.optional(),
});

/**
 * An item this shop lacks, ordered here for the customer and sent to their home from the web
 * warehouse, paid at this counter: a paid home-delivery order in their account (lib/orders/till-orders.ts).
 * A key that already placed an order answers with it before anything else is checked.
 */
export const orderHomeDeliveryAction = staffAction('till-delivery')
  .call(z.tuple([requestSchema]).transform(([request]) => request))
  .run(async ({ input, user, t, locale }): Promise<HomeDeliveryResult> => {
    const { storeId, customerPass, skuId, quantity, idempotencyKey } = input;
    const first = await findTillDeliveryOrder({ storeId, staffId: user.id, idempotencyKey });
    if (first) return ordered(first, t, locale);
    const pass = openCustomerPass(customerPass, { storeId, staffId: user.id });
    if (!pass) return refuse(t.till.customerPassLapsed);
    const address = addressSchema(t.orders).safeParse(input.address);
    if (!address.success) {
      const fieldErrors: Record<string, string> = {};
      for (const issue of address.error.issues) fieldErrors[String(issue.path[0])] ??= issue.message;
      return refuse(t.till.deliveryAddressInvalid, fieldErrors);
    }
    const order = await placeTillDeliveryOrder({
      storeId,
      staffId: user.id,
      customerId: pass.customerId,
      lines: [{ skuId, quantity }],
      address: address.data,
      idempotencyKey,
      identifiedBy: pass.identifiedBy,
      wallet: input.wallet,
    });
    return ordered(order, t, locale);
  });

/** The answer to a placed order, the first time and on every replay of its key. */
function ordered(order: TillDeliveryOrder, t: Dictionary, locale: Locale): HomeDeliveryResult {
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
