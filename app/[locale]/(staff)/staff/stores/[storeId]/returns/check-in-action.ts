'use server';
import { staffAction } from '@/lib/actions/builder';
import { invalidReturnForm, returnsForm } from '@/lib/actions/returns';
import { done } from '@/lib/actions/state';
import { checkInReturn } from '@/lib/returns/check-in';
import { parseCheckInForm } from '@/lib/returns/params';
import { checkInSummary, refreshDeskOnRefusal, revalidateDesk } from './return-desk-support';

/**
 * The desk checks a booked return in: each line resellable, damaged or refused (with a reason);
 * the pass is consumed once, the refund recorded, points taken back, resellable units restocked.
 */
export const checkInAction = staffAction('returns-desk')
  .form(returnsForm(parseCheckInForm), invalidReturnForm)
  .stamped()
  .refused(refreshDeskOnRefusal)
  .run(async ({ input: { storeId, code, lines }, user, t, locale }) => {
    const result = await checkInReturn({ storeId, actorId: user.id, code, lines });
    revalidateDesk(storeId);
    return done(checkInSummary(result, t.returns, locale));
  });
