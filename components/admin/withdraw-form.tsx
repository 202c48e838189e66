'use client';
import { useActionState } from 'react';
import { FormMessage } from './field';
import { SubmitButton } from './submit-button';

type State = { ok: boolean; message: string };

/** Withdraw from sale, or put back: one button, what it does written on it. */
export function WithdrawForm({
  action,
  productId,
  withdrawn,
  labels,
}: {
  action: (prev: State, formData: FormData) => Promise<State>;
  productId: number;
  withdrawn: boolean;
  labels: { withdraw: string; restore: string; saving: string };
}) {
  const [state, formAction] = useActionState(action, { ok: false, message: '' });
  return (
    <form action={formAction} className="flex flex-wrap items-center gap-3">
      <input type="hidden" name="productId" value={productId} />
      <input type="hidden" name="withdrawn" value={withdrawn ? 'false' : 'true'} />
      <SubmitButton
        label={withdrawn ? labels.restore : labels.withdraw}
        pending={labels.saving}
        className={withdrawn ? 'btn-primary' : 'btn-secondary text-out'}
      />
      <FormMessage ok={state.ok} message={state.message} testId="admin-withdraw-message" />
    </form>
  );
}
