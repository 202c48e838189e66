'use client';
import { useActionState } from 'react';
import { Field, FormMessage } from './field';
import { SubmitButton } from './submit-button';

type State = { ok: boolean; message: string; fieldErrors?: Record<string, string | undefined>; values?: Record<string, string> };
type Product = { id: number; version: number; nameFr: string; nameEn: string; descriptionFr: string; descriptionEn: string; brand: string; categoryId: number };
type Labels = Record<'nameFr' | 'nameEn' | 'descriptionFr' | 'descriptionEn' | 'brand' | 'department' | 'save' | 'saving', string>;

/** A product's names and descriptions in both languages, brand and department. */
export function ProductForm({
  action,
  product,
  departments,
  labels,
}: {
  action: (prev: State, formData: FormData) => Promise<State>;
  product: Product;
  departments: { id: number; name: string }[];
  labels: Labels;
}) {
  const [state, formAction] = useActionState(action, { ok: false, message: '' });
  const value = (k: keyof Product) => state.values?.[k] ?? String(product[k]);
  const err = (k: string) => state.fieldErrors?.[k];
  return (
    <form key={product.version} action={formAction} className="space-y-4" data-testid="admin-product-form">
      <input type="hidden" name="productId" value={product.id} />
      <input type="hidden" name="version" value={product.version} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="nameFr" label={labels.nameFr} error={err('nameFr')}>
          {(a) => <input {...a} name="nameFr" defaultValue={value('nameFr')} required maxLength={200} lang="fr" />}
        </Field>
        <Field id="nameEn" label={labels.nameEn} error={err('nameEn')}>
          {(a) => <input {...a} name="nameEn" defaultValue={value('nameEn')} required maxLength={200} lang="en" />}
        </Field>
        <Field id="descriptionFr" label={labels.descriptionFr} error={err('descriptionFr')}>
          {(a) => (
            <textarea
              {...a}
              name="descriptionFr"
              defaultValue={value('descriptionFr')}
              required
              maxLength={5000}
              rows={5}
              lang="fr"
              className={`${a.className} py-2`}
            />
          )}
        </Field>
        <Field id="descriptionEn" label={labels.descriptionEn} error={err('descriptionEn')}>
          {(a) => (
            <textarea
              {...a}
              name="descriptionEn"
              defaultValue={value('descriptionEn')}
              required
              maxLength={5000}
              rows={5}
              lang="en"
              className={`${a.className} py-2`}
            />
          )}
        </Field>
        <Field id="brand" label={labels.brand} error={err('brand')}>
          {(a) => <input {...a} name="brand" defaultValue={value('brand')} required maxLength={100} />}
        </Field>
        <Field id="categoryId" label={labels.department} error={err('categoryId')}>
          {(a) => (
            <select {...a} name="categoryId" defaultValue={value('categoryId')} required>
              {departments.map((d) => (
                <option key={d.id} value={d.id}>
                  {d.name}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <SubmitButton label={labels.save} pending={labels.saving} />
        <FormMessage ok={state.ok} message={state.message} testId="admin-product-message" />
      </div>
    </form>
  );
}
