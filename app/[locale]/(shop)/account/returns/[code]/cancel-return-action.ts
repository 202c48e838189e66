'use server';
import { formAction } from '@/lib/http/form-action';
import { initialReturnFormState } from '@/components/returns/form-state';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import type { ReturnFormState } from '@/components/returns/form-state';
import { getSessionUser } from '@/lib/auth/guards';
import { getI18n } from '@/lib/i18n/server';
import { cancelReturn } from '@/lib/returns/commands';
import { done, refused, returnRefusal } from '@/app/[locale]/returns-action-support';

const cancelSchema = z.object({ code: z.string().trim().min(6).max(12) });

/** The shopper cancels their own booked return: scoped to the session's customer, so another's code is "not found". */
async function cancelReturnActionUnchecked(_prev: ReturnFormState, formData: FormData): Promise<ReturnFormState> {
  const { locale, t } = await getI18n();
  const user = await getSessionUser();
  if (!user) return refused(t.returns.signInAgain);
  const parsed = cancelSchema.safeParse({ code: formData.get('code') });
  if (!parsed.success) return refused(t.returns.invalidRequest);
  let result: ReturnFormState;
  try {
    await cancelReturn({ customerId: user.id, code: parsed.data.code });
    result = done(t.returns.cancelled);
  } catch (err) {
    result = returnRefusal(err, t.returns, locale);
  }
  // Refused too: it may have been checked in meanwhile, and the page must show what it is now.
  revalidatePath('/account', 'layout');
  return result;
}

/** Guarded: any argument, any text (lib/http/form-action.ts). */
export const cancelReturnAction = formAction(initialReturnFormState, cancelReturnActionUnchecked);
