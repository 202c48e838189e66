'use client';
import { useActionState, useState } from 'react';
import { FormMessage } from '@/components/account/form-message';
import { initialActionState, type ActionState } from '@/lib/actions/state';
import type { Dictionary } from '@/lib/i18n/dictionary';
import { interpolate } from '@/lib/i18n/format';
import { LINE_OUTCOMES, type LineOutcome } from '@/lib/returns/schema';

export type DecisionLine = { id: number; productName: string; quantity: number };

type Props = {
  action: (prev: ActionState, formData: FormData) => Promise<ActionState>;
  /** Hidden fields the action needs (storeId and code; for a walk-in, the order and the key). */
  hidden: Record<string, string | number>;
  lines: DecisionLine[];
  /** The submit button's label. Fields per line: `outcome_<id>`, `refusal_<id>` (by return line; by order line for a walk-in). */
  submit: string;
  t: Dictionary['returns'];
  /** Fields of a line before its decision (a walk-in's quantity and reason). */
  lineExtra?: (line: DecisionLine) => React.ReactNode;
  children?: React.ReactNode;
};

/** For each item: resellable (back on this shop's shelf), damaged (refunded, not restocked) or refused with a reason. */
export function CheckInForm({ action, hidden, lines, submit, t, lineExtra, children }: Props) {
  const [state, formAction, pending] = useActionState(action, initialActionState);
  const [outcomes, setOutcomes] = useState<Record<number, LineOutcome>>(() => Object.fromEntries(lines.map((l) => [l.id, 'resellable' as const])));
  const errors = state.fieldErrors ?? {};
  return (
    <form action={formAction} className="space-y-3" data-testid="check-in-form">
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {lines.map((l) => (
        <fieldset key={l.id} className="rounded-lg border border-line p-3" aria-describedby={errors[`refusal_${l.id}`] ? `refusal_${l.id}-error` : undefined}>
          <legend className="px-1 text-sm font-semibold">{interpolate(t.decisionFor, { product: `${l.productName} × ${l.quantity}` })}</legend>
          {lineExtra?.(l)}
          <div className="grid grid-cols-3 gap-2">
            {LINE_OUTCOMES.map((o) => (
              <label
                key={o}
                className="flex min-h-11 cursor-pointer items-center justify-center rounded-lg border border-line px-2 text-center text-sm font-medium has-checked:border-brand-600 has-checked:bg-brand-50 has-checked:text-brand-700"
              >
                <input
                  type="radio"
                  name={`outcome_${l.id}`}
                  value={o}
                  checked={outcomes[l.id] === o}
                  onChange={() => setOutcomes((prev) => ({ ...prev, [l.id]: o }))}
                  className="sr-only"
                />
                {t[`outcome_${o}`]}
              </label>
            ))}
          </div>
          {outcomes[l.id] === 'refused' && (
            <div className="mt-2">
              <label htmlFor={`refusal_${l.id}`} className="label text-xs">
                {t.refusalLabel}
              </label>
              <input
                id={`refusal_${l.id}`}
                name={`refusal_${l.id}`}
                maxLength={500}
                required
                className="input"
                aria-invalid={errors[`refusal_${l.id}`] ? true : undefined}
              />
              {errors[`refusal_${l.id}`] && (
                <p id={`refusal_${l.id}-error`} className="field-error">
                  {errors[`refusal_${l.id}`]}
                </p>
              )}
            </div>
          )}
        </fieldset>
      ))}
      {children}
      <button type="submit" disabled={pending} className="btn-primary w-full sm:w-auto">
        {pending ? t.checkingIn : submit}
      </button>
      <FormMessage ok={state.ok} message={state.message} />
    </form>
  );
}
