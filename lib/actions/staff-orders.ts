import 'server-only';
import { revalidatePath } from 'next/cache';
import type { Dictionary } from '@/lib/i18n/dictionary';
import { formatPrice, interpolate } from '@/lib/i18n/format';
import type { StaffOrderInput, StaffOrderResult } from '@/lib/orders/fulfilment';
import { warehouseLocationId } from '@/lib/orders/queries';
import { adminAction, staffAction } from './builder';
import { orderIdSchema, storeOrderSchema } from './inputs';
import { done } from './state';

/*
 * A staff screen's button moves one order on (start preparing, ready, hand over, ship, deliver,
 * cancel): one command of lib/orders, then "CMD-… is ready (€12.00)". The screen re-reads after
 * every answer (`at` says which button spoke last); a bug is answered "something went wrong" rather
 * than an error page on a busy screen.
 */
type Step = (input: StaffOrderInput) => Promise<StaffOrderResult>;
type Sentence = (t: Dictionary) => string;

/**
 * The drive screen of the store the form names: its staff only, and the command then refuses an
 * order of any other store (as "not found here", like one that does not exist).
 */
export function driveOrderAction(step: Step, sentence: Sentence) {
  return staffAction('drive')
    .form(storeOrderSchema)
    .stamped()
    .unexpected((t) => t.staff.unexpected)
    .run(async ({ input: { storeId, orderId }, user, t, locale }) => {
      const order = await step({ orderId, locationId: storeId, actorId: user.id });
      return done(interpolate(sentence(t), { number: order.number, total: formatPrice(order.totalCents, locale) }));
    });
}

/**
 * Home deliveries leave the web warehouse, which is no store and has no members: admins only,
 * and the command then refuses anything but a warehouse order.
 */
export function deliveryOrderAction(step: Step, sentence: Sentence) {
  return adminAction('deliveries')
    .form(orderIdSchema)
    .stamped()
    .unexpected((t) => t.staff.unexpected)
    .run(async ({ input: { orderId }, user, t, locale }) => {
      const warehouse = await warehouseLocationId();
      if (warehouse === null) throw new Error('No web warehouse is configured');
      const order = await step({ orderId, locationId: warehouse, actorId: user.id });
      revalidatePath('/staff/deliveries');
      return done(interpolate(sentence(t), { number: order.number, total: formatPrice(order.totalCents, locale) }));
    });
}
