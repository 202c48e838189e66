'use server';
import { z } from 'zod';
import { staffAction } from '@/lib/actions/builder';
import { idSchema } from '@/lib/actions/inputs';
import { done } from '@/lib/actions/state';
import { retryReturnRefund } from '@/lib/returns/check-in';
import { checkInSummary, refreshDeskOnRefusal, revalidateDesk } from './return-desk-support';

const retrySchema = z.object({
  storeId: idSchema,
  code: z.string().trim().min(6).max(12),
  asStoreCredit: z.enum(['0', '1']).catch('0'),
});

/** A failed refund asked again with the same key (never paid twice), or given as store credit after a definite refusal. */
export const retryRefundAction = staffAction('returns-desk')
  .form(retrySchema)
  .stamped()
  .refused(refreshDeskOnRefusal)
  .run(async ({ input: { storeId, code, asStoreCredit }, user, t, locale }) => {
    const result = await retryReturnRefund({ storeId, actorId: user.id, code, asStoreCredit: asStoreCredit === '1' });
    revalidateDesk(storeId);
    return done(checkInSummary(result, t.returns, locale));
  });
