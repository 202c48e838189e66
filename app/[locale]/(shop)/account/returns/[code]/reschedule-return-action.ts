'use server';
import { revalidatePath } from 'next/cache';
import { shopperAction } from '@/lib/actions/builder';
import { invalidReturnForm, returnsForm } from '@/lib/actions/returns';
import { done } from '@/lib/actions/state';
import { formatDateTime, interpolate } from '@/lib/i18n/format';
import { rescheduleReturn } from '@/lib/returns/commands';
import { parseRescheduleForm } from '@/lib/returns/params';

/** Moves the shopper's own booked return to another window of the same shop (the old place is given back). */
export const rescheduleReturnAction = shopperAction('returns')
  .form(returnsForm(parseRescheduleForm), invalidReturnForm)
  .stamped()
  .refused((refusal, { input }) => {
    if (input) revalidatePath('/account', 'layout');
    return refusal;
  })
  .run(async ({ input, user, t, locale }) => {
    const { startsAt } = await rescheduleReturn({ customerId: user.id, ...input });
    revalidatePath('/account', 'layout');
    return done(interpolate(t.returns.rescheduled, { when: formatDateTime(new Date(startsAt), locale) }));
  });
