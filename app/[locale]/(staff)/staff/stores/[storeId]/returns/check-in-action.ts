'use server';
import { formAction } from '@/lib/http/form-action';
import { initialReturnFormState } from '@/components/returns/form-state';
import type { ReturnFormState } from '@/components/returns/form-state';
import { assertStaffOfStore, getSessionUser } from '@/lib/auth/guards';
import { getI18n } from '@/lib/i18n/server';
import { checkInReturn } from '@/lib/returns/check-in';
import { parseCheckInForm } from '@/lib/returns/params';
import { done, invalidForm, refused } from '@/app/[locale]/returns-action-support';
import { checkInSummary, deskRefusal, revalidateDesk } from './return-desk-support';

/**
 * The desk checks a booked return in: each line resellable, damaged or refused (with a reason);
 * the pass is consumed once, the refund recorded, points taken back, resellable units restocked.
 */
async function checkInActionUnchecked(_prev: ReturnFormState, formData: FormData): Promise<ReturnFormState> {
  const { locale, t } = await getI18n();
  const user = await getSessionUser();
  if (!user) return refused(t.staff.signInAgain);
  const parsed = parseCheckInForm(formData);
  if (!parsed.ok) return invalidForm(parsed.fieldErrors, t.returns);
  const { storeId, code, lines } = parsed.value;
  try {
    // Checked for the store named in the request, not trusted from the page that rendered the form.
    await assertStaffOfStore(user.id, storeId);
    const result = await checkInReturn({ storeId, actorId: user.id, code, lines });
    revalidateDesk(storeId);
    return done(checkInSummary(result, t.returns, locale));
  } catch (err) {
    return deskRefusal(err, storeId, t, locale);
  }
}

/** Guarded: any argument, any text (lib/http/form-action.ts). */
export const checkInAction = formAction(initialReturnFormState, checkInActionUnchecked);
