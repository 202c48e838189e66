'use server';
import { formAction } from '@/lib/http/form-action';
import { initialStockFormState } from './stock-action-support';
import { revalidatePath } from 'next/cache';
import { assertStaffOfStore, getSessionUser } from '@/lib/auth/guards';
import { interpolate } from '@/lib/i18n/format';
import { getI18n } from '@/lib/i18n/server';
import { MAX_RECEIVE_QUANTITY, receiveGoods } from '@/lib/inventory/commands';
import { getStaffStockRow } from '@/lib/inventory/staff-queries';
import { formFields, invalidInput, productLabel, recordDeliverySchema, refusalMessage, type StockFormState } from './stock-action-support';

async function recordDeliveryActionUnchecked(_prev: StockFormState, formData: FormData): Promise<StockFormState> {
  const { locale, t } = await getI18n();
  const user = await getSessionUser();
  if (!user) return { ok: false, message: t.staff.signInAgain };
  const parsed = recordDeliverySchema.safeParse(formFields(formData));
  if (!parsed.success) return invalidInput(parsed.error, 'quantity', { min: 1, max: MAX_RECEIVE_QUANTITY }, t);
  const { storeId, skuId, quantity, note, idempotencyKey } = parsed.data;
  try {
    // The store id comes from the request, so it is checked here, not trusted from the page.
    await assertStaffOfStore(user.id, storeId);
    const change = await receiveGoods({ locationId: storeId, skuId, quantity, actorId: user.id, note, idempotencyKey });
    revalidatePath(`/staff/stores/${storeId}`);
    const row = await getStaffStockRow(storeId, skuId);
    const product = row ? productLabel(row, locale, t) : `#${skuId}`;
    const template = change.replayed ? t.staff.alreadyDone : t.staff.received;
    return { ok: true, message: interpolate(template, { quantity: change.delta, product, onHand: change.onHandAfter }) };
  } catch (err) {
    return refusalMessage(err, t);
  }
}

/** Guarded: any argument, any text (lib/http/form-action.ts). */
export const recordDeliveryAction = formAction(initialStockFormState, recordDeliveryActionUnchecked);
