'use server';
import { redirect } from 'next/navigation';
import { inRequestLocale } from '@/lib/i18n/server';
import { z } from 'zod';
import { staffAction } from '@/lib/actions/builder';
import { idSchema } from '@/lib/actions/inputs';
import { invalidReturnForm, returnsForm } from '@/lib/actions/returns';
import { findWalkInByKey, walkInReturn } from '@/lib/returns/check-in';
import { parseWalkInForm, returnKeySchema } from '@/lib/returns/params';
import { refreshDeskOnRefusal, revalidateDesk } from './return-desk-support';

/**
 * A return brought in without a booking: made and checked in at once from the order number (the
 * same rules as a booking). The form's key makes a double submit one return: a key that already
 * took a return back answers with it before anything else is checked. Then the desk opens it.
 */
export const walkInAction = staffAction('returns-desk')
  .form(returnsForm(parseWalkInForm), invalidReturnForm)
  .stamped()
  .refused(refreshDeskOnRefusal)
  .replay(z.object({ storeId: idSchema, idempotencyKey: returnKeySchema }), async ({ storeId, idempotencyKey }) => {
    const first = await findWalkInByKey(idempotencyKey, storeId);
    if (first) await takenBack(storeId, first.code);
  })
  .run(async ({ input, user }) => {
    const { code } = await walkInReturn({ ...input, actorId: user.id });
    return takenBack(input.storeId, code);
  });

/** The answer to a walk-in taken back, the first time and on every replay of its key: the desk, opened on it. */
async function takenBack(storeId: number, code: string): Promise<never> {
  revalidateDesk(storeId);
  redirect(await inRequestLocale(`/staff/stores/${storeId}/returns?code=${code}`));
}
