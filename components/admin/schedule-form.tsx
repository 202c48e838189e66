'use client';
import { useActionState } from 'react';
import { Field, FormMessage } from './field';
import { SubmitButton } from './submit-button';

type State = { ok: boolean; message: string; fieldErrors?: Record<string, string | undefined>; values?: Record<string, string> };
type Labels = Record<'sku' | 'price' | 'at' | 'schedule' | 'saving', string>;

/** A new price for one of the product's SKUs from a date-time, typed in Paris time. */
export function ScheduleForm({
  action,
  skus,
  labels,
}: {
  action: (prev: State, formData: FormData) => Promise<State>;
  skus: { id: number; label: string }[];
  labels: Labels;
}) {
  const [state, formAction] = useActionState(action, { ok: false, message: '' });
  const err = (k: string) => state.fieldErrors?.[k];
  return (
    <form action={formAction} className="space-y-3" data-testid="admin-schedule-form">
      <div className="grid gap-3 sm:grid-cols-[1fr_8rem_14rem]">
        <Field id="schedule-sku" label={labels.sku} error={err('skuId')}>
          {(a) => (
            <select {...a} name="skuId" defaultValue={state.values?.skuId} required>
              {skus.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.label}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="schedule-price" label={labels.price} error={err('priceCents')}>
          {(a) => <input {...a} name="priceCents" inputMode="decimal" maxLength={12} required defaultValue={state.values?.priceCents} />}
        </Field>
        <Field id="schedule-at" label={labels.at} error={err('effectiveAt')}>
          {(a) => <input {...a} name="effectiveAt" type="datetime-local" required defaultValue={state.values?.effectiveAt} />}
        </Field>
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <SubmitButton label={labels.schedule} pending={labels.saving} className="btn-secondary" />
        <FormMessage ok={state.ok} message={state.fieldErrors ? '' : state.message} testId="admin-schedule-message" />
      </div>
    </form>
  );
}
