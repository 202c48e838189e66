'use server';
import { formAction } from '@/lib/http/form-action';
import { initialOrderActionState } from '../../../order-action-support';
import { assertStaffOfStore, getSessionUser } from '@/lib/auth/guards';
import { formatPrice, interpolate } from '@/lib/i18n/format';
import { getI18n } from '@/lib/i18n/server';
import { markOrderReady } from '@/lib/orders/fulfilment';
import { done, driveOrderSchema, orderRefusal, refused, type OrderActionState } from '../../../order-action-support';
import { formFields } from '../stock-action-support';

/** Picked and bagged, waiting at the drive (straight from "placed" too, for a small order). */
async function markReadyActionUnchecked(_prev: OrderActionState, formData: FormData): Promise<OrderActionState> {
  const { locale, t } = await getI18n();
  const user = await getSessionUser();
  if (!user) return refused(t.staff.signInAgain);
  const parsed = driveOrderSchema.safeParse(formFields(formData));
  if (!parsed.success) return refused(t.orders.invalidRequest);
  const { storeId, orderId } = parsed.data;
  try {
    // Checked for the store named in the request, not trusted from the page that rendered the form;
    // the command then refuses an order of any other store (OrderNotFoundError).
    await assertStaffOfStore(user.id, storeId);
    const order = await markOrderReady({ orderId, locationId: storeId, actorId: user.id });
    return done(interpolate(t.orders.readyMsg, { number: order.number, total: formatPrice(order.totalCents, locale) }));
  } catch (err) {
    return orderRefusal(err, t);
  }
}

/** Guarded: any argument, any text (lib/http/form-action.ts). */
export const markReadyAction = formAction(initialOrderActionState, markReadyActionUnchecked);
