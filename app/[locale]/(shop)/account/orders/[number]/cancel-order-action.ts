'use server';
import { formAction } from '@/lib/http/form-action';
import { initialOrderActionState } from '@/components/my-orders/form-state';
import { refresh } from 'next/cache';
import type { OrderActionState } from '@/components/my-orders/form-state';
import { getSessionUser } from '@/lib/auth/guards';
import { getI18n } from '@/lib/i18n/server';
import { cancelOrderByCustomer } from '@/lib/orders/fulfilment';
import { orderIdSchema, orderRefusal, refused } from '../order-refusal';

/**
 * The shopper cancels one of their own orders: scoped to the session's customer, so someone
 * else's id is "not found", exactly like an unknown one. Slot and stock are given back.
 */
async function cancelOrderActionUnchecked(_prev: OrderActionState, formData: FormData): Promise<OrderActionState> {
  const { t } = await getI18n();
  const user = await getSessionUser();
  if (!user) return refused(t.orders.signInAgain);
  const parsed = orderIdSchema.safeParse({ orderId: formData.get('orderId') });
  if (!parsed.success) return refused(t.orders.invalidRequest);
  let result: OrderActionState;
  try {
    await cancelOrderByCustomer({ orderId: parsed.data.orderId, customerId: user.id });
    result = { ok: true, message: t.orders.cancelled };
  } catch (err) {
    result = orderRefusal(err, t);
  }
  refresh();
  return result;
}

/** Guarded: any argument, any text (lib/http/form-action.ts). */
export const cancelOrderAction = formAction(initialOrderActionState, cancelOrderActionUnchecked);
