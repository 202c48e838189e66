'use server';
import { formAction } from '@/lib/http/form-action';
import { initialReturnFormState } from '@/components/returns/form-state';
import { z } from 'zod';
import { wholeNumber } from '@/lib/input/integer';
import type { ReturnFormState } from '@/components/returns/form-state';
import { assertStaffOfStore, getSessionUser } from '@/lib/auth/guards';
import { getI18n } from '@/lib/i18n/server';
import { retryReturnRefund } from '@/lib/returns/check-in';
import { done, refused } from '@/app/[locale]/returns-action-support';
import { checkInSummary, deskRefusal, revalidateDesk } from './return-desk-support';

const retrySchema = z.object({
  storeId: wholeNumber(1, 2_147_483_647),
  code: z.string().trim().min(6).max(12),
  asStoreCredit: z.enum(['0', '1']).catch('0'),
});

/** A failed refund asked again with the same key (never paid twice), or given as store credit after a definite refusal. */
async function retryRefundActionUnchecked(_prev: ReturnFormState, formData: FormData): Promise<ReturnFormState> {
  const { locale, t } = await getI18n();
  const user = await getSessionUser();
  if (!user) return refused(t.staff.signInAgain);
  const parsed = retrySchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return refused(t.returns.invalidRequest);
  const { storeId, code, asStoreCredit } = parsed.data;
  try {
    await assertStaffOfStore(user.id, storeId);
    const result = await retryReturnRefund({ storeId, actorId: user.id, code, asStoreCredit: asStoreCredit === '1' });
    revalidateDesk(storeId);
    return done(checkInSummary(result, t.returns, locale));
  } catch (err) {
    return deskRefusal(err, storeId, t, locale);
  }
}

/** Guarded: any argument, any text (lib/http/form-action.ts). */
export const retryRefundAction = formAction(initialReturnFormState, retryRefundActionUnchecked);
