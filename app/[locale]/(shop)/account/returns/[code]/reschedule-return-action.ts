'use server';
import { formAction } from '@/lib/http/form-action';
import { initialReturnFormState } from '@/components/returns/form-state';
import { revalidatePath } from 'next/cache';
import type { ReturnFormState } from '@/components/returns/form-state';
import { getSessionUser } from '@/lib/auth/guards';
import { formatDateTime, interpolate } from '@/lib/i18n/format';
import { getI18n } from '@/lib/i18n/server';
import { rescheduleReturn } from '@/lib/returns/commands';
import { parseRescheduleForm } from '@/lib/returns/params';
import { done, invalidForm, refused, returnRefusal } from '@/app/[locale]/returns-action-support';

/** Moves the shopper's own booked return to another window of the same shop (the old place is given back). */
async function rescheduleReturnActionUnchecked(_prev: ReturnFormState, formData: FormData): Promise<ReturnFormState> {
  const { locale, t } = await getI18n();
  const user = await getSessionUser();
  if (!user) return refused(t.returns.signInAgain);
  const parsed = parseRescheduleForm(formData);
  if (!parsed.ok) return invalidForm(parsed.fieldErrors, t.returns);
  let result: ReturnFormState;
  try {
    const { startsAt } = await rescheduleReturn({ customerId: user.id, ...parsed.value });
    result = done(interpolate(t.returns.rescheduled, { when: formatDateTime(new Date(startsAt), locale) }));
  } catch (err) {
    result = returnRefusal(err, t.returns, locale);
  }
  revalidatePath('/account', 'layout');
  return result;
}

/** Guarded: any argument, any text (lib/http/form-action.ts). */
export const rescheduleReturnAction = formAction(initialReturnFormState, rescheduleReturnActionUnchecked);
