'use server';
import { formAction } from '@/lib/http/form-action';
import { initialReturnFormState } from '@/components/returns/form-state';
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import type { ReturnFormState } from '@/components/returns/form-state';
import { getSessionUser } from '@/lib/auth/guards';
import { getI18n } from '@/lib/i18n/server';
import { bookReturn } from '@/lib/returns/commands';
import { parseBookReturnForm } from '@/lib/returns/params';
import { invalidForm, refused, returnRefusal } from '@/app/[locale]/returns-action-support';

/**
 * Books a return of one of the session's own orders. The customer comes from the session, never
 * the form: someone else's order number is "order not found", like an unknown one. The form's
 * idempotency key makes a double submit land on the same return. Refusals leave nothing written.
 */
async function bookReturnActionUnchecked(_prev: ReturnFormState, formData: FormData): Promise<ReturnFormState> {
  const { locale, t } = await getI18n();
  const user = await getSessionUser();
  if (!user) return refused(t.returns.signInAgain);
  const parsed = parseBookReturnForm(formData);
  if (!parsed.ok) return invalidForm(parsed.fieldErrors, t.returns);
  let code: string;
  try {
    code = (await bookReturn({ ...parsed.value, customerId: user.id })).code;
  } catch (err) {
    return returnRefusal(err, t.returns, locale);
  }
  revalidatePath(`/account/orders/${parsed.value.orderNumber}`);
  redirect(`/account/returns/${code}`);
}

/** Guarded: any argument, any text (lib/http/form-action.ts). */
export const bookReturnAction = formAction(initialReturnFormState, bookReturnActionUnchecked);
