'use server';
import { refresh } from 'next/cache';
import { backOfficeAction } from '@/lib/actions/builder';
import { done, type ActionState } from '@/lib/actions/state';
import { updateSku } from '@/lib/catalog/commands';
import { EanTakenError } from '@/lib/catalog/errors';
import { backOfficeInvalid, skuFormSchema, typedValues } from '@/lib/catalog/back-office-params';

const FIELDS = ['priceCents', 'size', 'colour', 'ean13'] as const;
export type SkuFormState = ActionState<{ values: Record<string, string> }>;

/** A SKU's price, size, colour and barcode (EAN-13 checked), from a form read at its version. */
export const updateSkuAction = backOfficeAction('back-office')
  .form(skuFormSchema, (error, { t }) => backOfficeInvalid(error, t))
  .state<SkuFormState>()
  .refused((refusal, { formData, err }) => {
    // A barcode taken is about what was typed: kept. Stale or gone: the page as it is now.
    if (err !== undefined && !(err instanceof EanTakenError)) {
      refresh();
      return refusal;
    }
    return { ...refusal, values: typedValues(formData, FIELDS) };
  })
  .run(async ({ input, user, t }) => {
    const { changed } = await updateSku({ type: 'user', userId: user.id, name: user.name }, input);
    refresh();
    return done(changed ? t.backOffice.saved : t.backOffice.unchanged);
  });
