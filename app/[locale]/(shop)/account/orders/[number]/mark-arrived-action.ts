'use server';
import { formAction } from '@/lib/http/form-action';
import { initialOrderActionState } from '@/components/my-orders/form-state';
import { refresh } from 'next/cache';
import type { OrderActionState } from '@/components/my-orders/form-state';
import { getSessionUser } from '@/lib/auth/guards';
import { formatTime, interpolate } from '@/lib/i18n/format';
import { getI18n } from '@/lib/i18n/server';
import { markArrived } from '@/lib/orders/fulfilment';
import { arrivalSchema, orderRefusal, refused } from '../order-refusal';

/** "I'm here" on one of the shopper's own drive orders (scoped to the session's customer). */
async function markArrivedActionUnchecked(_prev: OrderActionState, formData: FormData): Promise<OrderActionState> {
  const { locale, t } = await getI18n();
  const user = await getSessionUser();
  if (!user) return refused(t.orders.signInAgain);
  const parsed = arrivalSchema.safeParse({ orderId: formData.get('orderId'), bay: formData.get('bay') ?? undefined });
  if (!parsed.success) return refused(t.orders.invalidRequest);
  let result: OrderActionState;
  try {
    const { arrivedAt } = await markArrived({ orderId: parsed.data.orderId, customerId: user.id, bay: parsed.data.bay });
    result = { ok: true, message: interpolate(t.orders.arrivedAt, { time: formatTime(arrivedAt, locale) }) };
  } catch (err) {
    result = orderRefusal(err, t);
  }
  refresh();
  return result;
}

/** Guarded: any argument, any text (lib/http/form-action.ts). */
export const markArrivedAction = formAction(initialOrderActionState, markArrivedActionUnchecked);
