'use client';
import { useActionState } from 'react';
import { interpolate } from '@/lib/i18n/format';
import { FormMessage } from './field';
import { SubmitButton } from './submit-button';

type State = { ok: boolean; message: string; fieldErrors?: Record<string, string | undefined>; values?: Record<string, string> };
type Sku = { id: number; version: number; priceCents: number; size: string | null; colour: string | null; ean13: string };
type Labels = Record<'price' | 'size' | 'colour' | 'ean' | 'save' | 'saving' | 'skuFor', string>;

/** "4990" → "49,90" (French) or "49.90": what the price field shows, and parseEuros reads back. */
const euros = (cents: number, decimal: string) => `${Math.trunc(cents / 100)}${decimal}${String(cents % 100).padStart(2, '0')}`;

/** One SKU's row: price, size, colour and barcode, saved on its own. */
export function SkuForm({
  action,
  sku,
  name,
  decimal,
  labels,
  first,
}: {
  action: (prev: State, formData: FormData) => Promise<State>;
  sku: Sku;
  /** The SKU as people call it ("42 · navy", or its barcode): in each field's accessible name. */
  name: string;
  decimal: string;
  labels: Labels;
  /** The list's first row: on a wide screen only it shows the column labels. */
  first: boolean;
}) {
  const [state, formAction] = useActionState(action, { ok: false, message: '' });
  const fields = [
    { name: 'priceCents', label: labels.price, value: euros(sku.priceCents, decimal), inputMode: 'decimal' as const, width: 'sm:w-28', max: 12 },
    { name: 'size', label: labels.size, value: sku.size ?? '', inputMode: 'text' as const, width: 'sm:w-24', max: 40 },
    { name: 'colour', label: labels.colour, value: sku.colour ?? '', inputMode: 'text' as const, width: 'sm:w-32', max: 40 },
    { name: 'ean13', label: labels.ean, value: sku.ean13, inputMode: 'numeric' as const, width: 'col-span-2 sm:w-40', max: 13 },
  ];
  return (
    <form key={sku.version} action={formAction} className={`px-4 sm:px-5 ${first ? 'py-3' : 'py-3 sm:py-2'}`} data-testid="admin-sku-form" data-sku={sku.id}>
      <input type="hidden" name="skuId" value={sku.id} />
      <input type="hidden" name="version" value={sku.version} />
      <div className="grid grid-cols-3 items-end gap-2 sm:flex sm:flex-wrap">
        {fields.map((f) => {
          const id = `${f.name}-${sku.id}`;
          const error = state.fieldErrors?.[f.name];
          return (
            <div key={f.name} className={`min-w-0 ${f.width}`}>
              <label htmlFor={id} className={`mb-1 block text-xs font-medium text-muted ${first ? '' : 'sm:sr-only'}`}>
                {f.label}
              </label>
              <input
                id={id}
                name={f.name}
                defaultValue={state.values?.[f.name] ?? f.value}
                inputMode={f.inputMode}
                maxLength={f.max}
                required={f.name === 'priceCents' || f.name === 'ean13'}
                aria-label={interpolate(labels.skuFor, { field: f.label, sku: name })}
                aria-invalid={error ? true : undefined}
                aria-describedby={error ? `${id}-error` : undefined}
                className={`input tabular-nums ${error ? 'border-out' : ''}`}
              />
              {error && (
                <p id={`${id}-error`} className="field-error">
                  {error}
                </p>
              )}
            </div>
          );
        })}
        <div>
          <SubmitButton
            label={labels.save}
            pending={labels.saving}
            className="btn-secondary w-full sm:w-auto"
            ariaLabel={interpolate(labels.skuFor, { field: labels.save, sku: name })}
          />
        </div>
      </div>
      <div className="mt-1">
        <FormMessage ok={state.ok} message={state.fieldErrors ? '' : state.message} testId="admin-sku-message" />
      </div>
    </form>
  );
}
