'use server';
import { refresh } from 'next/cache';
import { backOfficeAction } from '@/lib/actions/builder';
import { done, type ActionState } from '@/lib/actions/state';
import { backOfficeInvalid, scheduleFormSchema, typedValues } from '@/lib/catalog/back-office-params';
import { schedulePriceChange } from '@/lib/catalog/scheduled-prices';

export type ScheduleFormState = ActionState<{ values: Record<string, string> }>;

/** A SKU's new price from a date-time (typed in Paris time), applied by the background job. */
export const schedulePriceAction = backOfficeAction('back-office')
  .form(scheduleFormSchema, (error, { t }) => backOfficeInvalid(error, t))
  .state<ScheduleFormState>()
  .refused((refusal, { formData }) => ({ ...refusal, values: typedValues(formData, ['skuId', 'priceCents', 'effectiveAt']) }))
  .run(async ({ input, user, t }) => {
    await schedulePriceChange({ type: 'user', userId: user.id, name: user.name }, input);
    refresh();
    return done(t.backOffice.scheduled);
  });
