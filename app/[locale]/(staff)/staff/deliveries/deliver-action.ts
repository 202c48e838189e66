'use server';
import { formAction } from '@/lib/http/form-action';
import { initialOrderActionState } from '../order-action-support';
import { revalidatePath } from 'next/cache';
import { getSessionUser } from '@/lib/auth/guards';
import { formatPrice, interpolate } from '@/lib/i18n/format';
import { getI18n } from '@/lib/i18n/server';
import { markDelivered } from '@/lib/orders/fulfilment';
import { deliveryOrderSchema, done, orderRefusal, refused, type OrderActionState } from '../order-action-support';
import { formFields } from '../stores/[storeId]/stock-action-support';
import { assertAdminOfWarehouse } from './delivery-action-support';

/** The carrier confirmed delivery. */
async function deliverOrderActionUnchecked(_prev: OrderActionState, formData: FormData): Promise<OrderActionState> {
  const { locale, t } = await getI18n();
  const user = await getSessionUser();
  if (!user) return refused(t.staff.signInAgain);
  const parsed = deliveryOrderSchema.safeParse(formFields(formData));
  if (!parsed.success) return refused(t.orders.invalidRequest);
  const { orderId } = parsed.data;
  try {
    // Admins only, checked here (a page guard does not protect a crafted POST); the command then
    // refuses anything but a warehouse order (OrderNotFoundError).
    const warehouse = await assertAdminOfWarehouse(user.id);
    const order = await markDelivered({ orderId, locationId: warehouse, actorId: user.id });
    revalidatePath('/staff/deliveries');
    return done(interpolate(t.orders.deliveredMsg, { number: order.number, total: formatPrice(order.totalCents, locale) }));
  } catch (err) {
    return orderRefusal(err, t, t.orders.adminOnly);
  }
}

/** Guarded: any argument, any text (lib/http/form-action.ts). */
export const deliverOrderAction = formAction(initialOrderActionState, deliverOrderActionUnchecked);
