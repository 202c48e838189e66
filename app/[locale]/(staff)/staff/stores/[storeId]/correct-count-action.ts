'use server';
import { formAction } from '@/lib/http/form-action';
import { initialStockFormState } from './stock-action-support';
import { revalidatePath } from 'next/cache';
import { assertStaffOfStore, getSessionUser } from '@/lib/auth/guards';
import { interpolate } from '@/lib/i18n/format';
import { getI18n } from '@/lib/i18n/server';
import { MAX_COUNTED_ON_HAND, correctCount } from '@/lib/inventory/commands';
import { getStaffStockRow } from '@/lib/inventory/staff-queries';
import { correctCountSchema, formFields, invalidInput, productLabel, refusalMessage, type StockFormState } from './stock-action-support';

async function correctCountActionUnchecked(_prev: StockFormState, formData: FormData): Promise<StockFormState> {
  const { locale, t } = await getI18n();
  const user = await getSessionUser();
  if (!user) return { ok: false, message: t.staff.signInAgain };
  const parsed = correctCountSchema.safeParse(formFields(formData));
  if (!parsed.success) return invalidInput(parsed.error, 'countedOnHand', { min: 0, max: MAX_COUNTED_ON_HAND }, t);
  const { storeId, skuId, countedOnHand, note, idempotencyKey } = parsed.data;
  try {
    // The store id comes from the request, so it is checked here, not trusted from the page.
    await assertStaffOfStore(user.id, storeId);
    const change = await correctCount({ locationId: storeId, skuId, countedOnHand, actorId: user.id, note, idempotencyKey });
    revalidatePath(`/staff/stores/${storeId}`);
    const row = await getStaffStockRow(storeId, skuId);
    const product = row ? productLabel(row, locale, t) : `#${skuId}`;
    const delta = change.delta > 0 ? `+${change.delta}` : change.delta === 0 ? '±0' : String(change.delta);
    const template = change.replayed ? t.staff.alreadyDone : t.staff.counted;
    return { ok: true, message: interpolate(template, { product, onHand: change.onHandAfter, delta }) };
  } catch (err) {
    return refusalMessage(err, t);
  }
}

/** Guarded: any argument, any text (lib/http/form-action.ts). */
export const correctCountAction = formAction(initialStockFormState, correctCountActionUnchecked);
