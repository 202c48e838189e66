'use server';
import { formAction } from '@/lib/http/form-action';
import { initialReturnFormState } from '@/components/returns/form-state';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import type { ReturnFormState } from '@/components/returns/form-state';
import { assertStaffOfStore, getSessionUser } from '@/lib/auth/guards';
import { getI18n } from '@/lib/i18n/server';
import { findWalkInByKey, walkInReturn } from '@/lib/returns/check-in';
import { parseWalkInForm, returnKeySchema } from '@/lib/returns/params';
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
  // A key that already took a return back answers with it before anything else is checked.
  const head = walkInKeySchema.safeParse({ storeId: formData.get('storeId'), idempotencyKey: formData.get('idempotencyKey') });
  if (head.success) {
    const { storeId, idempotencyKey } = head.data;
    let first: Awaited<ReturnType<typeof findWalkInByKey>>;
    try {
      await assertStaffOfStore(user.id, storeId);
      first = await findWalkInByKey(idempotencyKey, storeId);
    } catch (err) {
      return deskRefusal(err, storeId, t, locale);
    }
    if (first) takenBack(storeId, first.code);
  }
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
  takenBack(storeId, code);
}

const walkInKeySchema = z.object({ storeId: z.coerce.number().int().positive().max(2_147_483_647), idempotencyKey: returnKeySchema });

/** The answer to a walk-in taken back, the first time and on every replay of its key: the desk, opened on it. */
function takenBack(storeId: number, code: string): never {
  revalidateDesk(storeId);
  redirect(`/staff/stores/${storeId}/returns?code=${code}`);
}

/** Guarded: any argument, any text (lib/http/form-action.ts). */
export const walkInAction = formAction(initialReturnFormState, walkInActionUnchecked);
