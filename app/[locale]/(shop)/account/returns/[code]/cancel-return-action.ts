'use server';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { shopperAction } from '@/lib/actions/builder';
import { done } from '@/lib/actions/state';
import { cancelReturn } from '@/lib/returns/commands';

/**
 * The shopper cancels their own booked return: scoped to the session's customer, so another's
 * code is "not found". Refused too, the page is read again: it may have been checked in meanwhile.
 */
export const cancelReturnAction = shopperAction('returns')
  .form(z.object({ code: z.string().trim().min(6).max(12) }))
  .stamped()
  .refused(refreshAccount)
  .run(async ({ input: { code }, user, t }) => {
    await cancelReturn({ customerId: user.id, code });
    revalidatePath('/account', 'layout');
    return done(t.returns.cancelled);
  });

function refreshAccount<R>(refusal: R, { input }: { input?: unknown }): R {
  if (input) revalidatePath('/account', 'layout');
  return refusal;
}
