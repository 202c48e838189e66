'use client';
import { useActionState } from 'react';
import { useFormStatus } from 'react-dom';
import { initialActionState, type ActionState } from '@/lib/actions/state';
import { interpolate } from '@/lib/i18n/format';

type Props = {
  action: (prev: ActionState, formData: FormData) => Promise<ActionState>;
  storeId: number;
  skuId: number;
  /** Made when the page rendered: a double submit or a retried request carries the same key. */
  idempotencyKey: string;
  field: 'quantity' | 'countedOnHand';
  min: number;
  max: number;
  labels: { field: string; submit: string; pending: string; fieldFor: string };
  /** The row's item, in the field's and the button's accessible names (every row has the same ones). */
  item: string;
  tone: 'primary' | 'secondary';
};

function Submit({ label, named, pending: pendingLabel, tone }: { label: string; named: string; pending: string; tone: Props['tone'] }) {
  const { pending } = useFormStatus();
  return (
    <button
      type="submit"
      disabled={pending}
      aria-label={pending ? undefined : named}
      className={`${tone === 'primary' ? 'btn-primary' : 'btn-secondary'} min-h-12 flex-1 px-3 sm:min-h-11`}
    >
      {pending ? pendingLabel : label}
    </button>
  );
}

/** One figure and one button: "Record delivery" or "Correct count" for one SKU in one store. */
export function QuantityForm({ action, storeId, skuId, idempotencyKey, field, min, max, labels, item, tone }: Props) {
  const [state, formAction] = useActionState(action, initialActionState);
  const fieldError = state.fieldErrors?.[field];
  const inputId = `${field}-${skuId}`;
  const messageId = `${inputId}-message`;
  return (
    <form action={formAction} className="min-w-0">
      <input type="hidden" name="storeId" value={storeId} />
      <input type="hidden" name="skuId" value={skuId} />
      <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
      <label htmlFor={inputId} className="mb-1 block text-xs font-medium text-muted">
        {labels.field}
      </label>
      <div className="flex gap-2">
        <input
          id={inputId}
          name={field}
          type="number"
          inputMode="numeric"
          min={min}
          max={max}
          step={1}
          required
          aria-invalid={fieldError ? true : undefined}
          aria-label={interpolate(labels.fieldFor, { field: labels.field, product: item })}
          aria-describedby={messageId}
          className={`input min-h-12 w-24 shrink-0 text-right tabular-nums sm:min-h-11 ${fieldError ? 'border-out' : ''}`}
        />
        <Submit label={labels.submit} named={interpolate(labels.fieldFor, { field: labels.submit, product: item })} pending={labels.pending} tone={tone} />
      </div>
      <p id={messageId} aria-live="polite" className={`mt-1 text-sm empty:hidden ${state.ok ? 'text-ok' : 'text-out'}`}>
        {state.message}
      </p>
    </form>
  );
}
