'use server';
import { formAction } from '@/lib/http/form-action';
import { initialReturnFormState } from '@/components/returns/form-state';
import { redirect } from 'next/navigation';
import type { ReturnFormState } from '@/components/returns/form-state';
import { assertStaffOfStore, getSessionUser } from '@/lib/auth/guards';
import { getI18n } from '@/lib/i18n/server';
import { walkInReturn } from '@/lib/returns/check-in';
import { parseWalkInForm } from '@/lib/returns/params';
import { invalidForm, refused } from '@/app/[locale]/returns-action-support';
import { deskRefusal, revalidateDesk } from './return-desk-support';

/**
 * A return brought in without a booking: made and checked in at once from the order number (the
 * same rules as a booking). The form's key makes a double submit one return. Then the desk opens it.
 */
async function walkInActionUnchecked(_prev: ReturnFormState, formData: FormData): Promise<ReturnFormState> {
  const { locale, t } = await getI18n();
  const user = await getSessionUser();
  if (!user) return refused(t.staff.signInAgain);
  const parsed = parseWalkInForm(formData);
  if (!parsed.ok) return invalidForm(parsed.fieldErrors, t.returns);
  const { storeId } = parsed.value;
  let code: string;
  try {
    await assertStaffOfStore(user.id, storeId);
    code = (await walkInReturn({ ...parsed.value, actorId: user.id })).code;
  } catch (err) {
    return deskRefusal(err, storeId, t, locale);
  }
  revalidateDesk(storeId);
  redirect(`/staff/stores/${storeId}/returns?code=${code}`);
}

/** Guarded: any argument, any text (lib/http/form-action.ts). */
export const walkInAction = formAction(initialReturnFormState, walkInActionUnchecked);
