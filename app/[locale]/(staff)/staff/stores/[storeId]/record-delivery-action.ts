'use server';
import { revalidatePath } from 'next/cache';
import { done } from '@/lib/actions/state';
import { interpolate } from '@/lib/i18n/format';
import { receiveGoods } from '@/lib/inventory/commands';
import { recordDeliveryForm, stockRowLabel } from './stock-action-support';

/** Goods received at the store the form names: on hand goes up (once per key, whatever the retries). */
export const recordDeliveryAction = recordDeliveryForm.run(async ({ input: { storeId, skuId, quantity, note, idempotencyKey }, user, t, locale }) => {
  const change = await receiveGoods({ locationId: storeId, skuId, quantity, actorId: user.id, note, idempotencyKey });
  revalidatePath(`/staff/stores/${storeId}`);
  const product = await stockRowLabel(storeId, skuId, locale, t);
  return done(interpolate(change.replayed ? t.staff.alreadyDone : t.staff.received, { quantity: change.delta, product, onHand: change.onHandAfter }));
});
