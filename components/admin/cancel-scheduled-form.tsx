'use client';
import { useActionState } from 'react';
import { FormMessage } from './field';
import { SubmitButton } from './submit-button';

type State = { ok: boolean; message: string };

/** Cancel one scheduled price (its accessible name says which). */
export function CancelScheduledForm({
  action,
  scheduledId,
  labels,
}: {
  action: (prev: State, formData: FormData) => Promise<State>;
  scheduledId: number;
  labels: { cancel: string; named: string; saving: string };
}) {
  const [state, formAction] = useActionState(action, { ok: false, message: '' });
  return (
    <form action={formAction} className="flex flex-wrap items-center justify-end gap-2">
      <input type="hidden" name="scheduledId" value={scheduledId} />
      <FormMessage ok={state.ok} message={state.message} />
      <SubmitButton label={labels.cancel} ariaLabel={labels.named} pending={labels.saving} className="btn-secondary min-h-9 px-3 text-out" />
    </form>
  );
}
