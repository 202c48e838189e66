'use server';
import { revalidatePath } from 'next/cache';
import { done } from '@/lib/actions/state';
import { interpolate } from '@/lib/i18n/format';
import { correctCount } from '@/lib/inventory/commands';
import { correctCountForm, stockRowLabel } from './stock-action-support';

/** A shelf count at the store the form names: on hand becomes what was counted (never below what is reserved). */
export const correctCountAction = correctCountForm.run(async ({ input: { storeId, skuId, countedOnHand, note, idempotencyKey }, user, t, locale }) => {
  const change = await correctCount({ locationId: storeId, skuId, countedOnHand, actorId: user.id, note, idempotencyKey });
  revalidatePath(`/staff/stores/${storeId}`);
  const product = await stockRowLabel(storeId, skuId, locale, t);
  const delta = change.delta > 0 ? `+${change.delta}` : change.delta === 0 ? '±0' : String(change.delta);
  return done(interpolate(change.replayed ? t.staff.alreadyDone : t.staff.counted, { product, onHand: change.onHandAfter, delta }));
});
