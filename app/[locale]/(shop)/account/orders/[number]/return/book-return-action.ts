'use server';
import { formAction } from '@/lib/http/form-action';
import { initialReturnFormState } from '@/components/returns/form-state';
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import type { ReturnFormState } from '@/components/returns/form-state';
import { getSessionUser } from '@/lib/auth/guards';
import { getI18n } from '@/lib/i18n/server';
import { bookReturn, findReturnByKey } from '@/lib/returns/commands';
import { parseBookReturnForm, returnKeySchema } from '@/lib/returns/params';
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
  // A key that already booked a return goes to it before anything else is checked.
  const key = returnKeySchema.safeParse(formData.get('idempotencyKey'));
  if (key.success) {
    let first: Awaited<ReturnType<typeof findReturnByKey>>;
    try {
      first = await findReturnByKey(user.id, key.data);
    } catch (err) {
      return returnRefusal(err, t.returns, locale);
    }
    if (first) booked(first.code, first.orderNumber);
  }
  const parsed = parseBookReturnForm(formData);
  if (!parsed.ok) return invalidForm(parsed.fieldErrors, t.returns);
  let placed: { code: string; orderNumber: string };
  try {
    placed = await bookReturn({ ...parsed.value, customerId: user.id });
  } catch (err) {
    return returnRefusal(err, t.returns, locale);
  }
  booked(placed.code, placed.orderNumber);
}

/** The answer to a booked return, the first time and on every replay of its key: its page. */
function booked(code: string, orderNumber: string): never {
  revalidatePath(`/account/orders/${orderNumber}`);
  redirect(`/account/returns/${code}`);
}

/** Guarded: any argument, any text (lib/http/form-action.ts). */
export const bookReturnAction = formAction(initialReturnFormState, bookReturnActionUnchecked);
