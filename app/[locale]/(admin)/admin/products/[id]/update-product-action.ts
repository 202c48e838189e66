'use server';
import { refresh } from 'next/cache';
import { backOfficeAction } from '@/lib/actions/builder';
import { done, type ActionState } from '@/lib/actions/state';
import { updateProduct } from '@/lib/catalog/commands';
import { backOfficeInvalid, productFormSchema, typedValues } from '@/lib/catalog/back-office-params';

const FIELDS = ['nameFr', 'nameEn', 'descriptionFr', 'descriptionEn', 'brand', 'categoryId'] as const;
export type ProductFormState = ActionState<{ values: Record<string, string> }>;

/**
 * A product's names, descriptions, brand and department. The form carries the version it was read
 * at: a colleague's change since makes it stale (nothing written, the page shows theirs). The
 * product's pages are expired by the database's announcement (migration 0019), not from here.
 */
export const updateProductAction = backOfficeAction('back-office')
  .form(productFormSchema, (error, { t }) => backOfficeInvalid(error, t))
  .state<ProductFormState>()
  .refused((refusal, { formData, err }) => {
    if (err !== undefined) {
      refresh();
      return refusal;
    }
    return { ...refusal, values: typedValues(formData, FIELDS) };
  })
  .run(async ({ input, user, t }) => {
    const { changed } = await updateProduct({ type: 'user', userId: user.id, name: user.name }, input);
    refresh();
    return done(changed ? t.backOffice.saved : t.backOffice.unchanged);
  });
