'use server';
import { formAction } from '@/lib/http/form-action';
import { initialOrderActionState } from '@/components/my-orders/form-state';
import { refresh } from 'next/cache';
import type { OrderActionState } from '@/components/my-orders/form-state';
import { getSessionUser } from '@/lib/auth/guards';
import { getI18n } from '@/lib/i18n/server';
import { moveOrderSlot } from '@/lib/orders/fulfilment';
import { moveSlotSchema, orderRefusal, refused } from '../order-refusal';

/** Moves one of the shopper's own drive orders to another slot of its store, before the cut-off. */
async function moveSlotActionUnchecked(_prev: OrderActionState, formData: FormData): Promise<OrderActionState> {
  const { t } = await getI18n();
  const user = await getSessionUser();
  if (!user) return refused(t.orders.signInAgain);
  const parsed = moveSlotSchema.safeParse({ orderId: formData.get('orderId'), slotId: formData.get('slotId') });
  if (!parsed.success) return refused(parsed.error.issues.some((i) => i.path[0] === 'slotId') ? t.orders.slotRequired : t.orders.invalidRequest);
  let result: OrderActionState;
  try {
    await moveOrderSlot({ ...parsed.data, customerId: user.id });
    result = { ok: true, message: t.orders.moved };
  } catch (err) {
    result = orderRefusal(err, t);
  }
  // Refused too: the order may have moved on meanwhile, so the page shows what it is now.
  refresh();
  return result;
}

/** Guarded: any argument, any text (lib/http/form-action.ts). */
export const moveSlotAction = formAction(initialOrderActionState, moveSlotActionUnchecked);
