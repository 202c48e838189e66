'use server';
import { refresh } from 'next/cache';
import { backOfficeAction, refreshOnRefusal } from '@/lib/actions/builder';
import { done } from '@/lib/actions/state';
import { scheduledIdSchema } from '@/lib/catalog/back-office-params';
import { cancelScheduledPriceChange } from '@/lib/catalog/scheduled-prices';

/** Cancels a scheduled price not yet applied; one applied meanwhile is refused, and the page shows it. */
export const cancelScheduledPriceAction = backOfficeAction('back-office')
  .form(scheduledIdSchema)
  .refused(refreshOnRefusal)
  .run(async ({ input, user, t }) => {
    await cancelScheduledPriceChange({ type: 'user', userId: user.id, name: user.name }, input.scheduledId);
    refresh();
    return done(t.backOffice.scheduleCancelled);
  });
