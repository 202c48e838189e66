'use client';
import { useActionState } from 'react';
import { useFormStatus } from 'react-dom';
import { initialActionState, type ActionState } from '@/lib/actions/state';

function Submit({ label, named }: { label: string; named: string }) {
  const { pending } = useFormStatus();
  return (
    <button type="submit" disabled={pending} aria-label={named} className="btn-secondary">
      {label}
    </button>
  );
}

/** "Try again now" on a delivery given up: one more attempt, at the job's next run. */
export function RetryForm({
  action,
  deliveryId,
  label,
  named,
  available,
}: {
  action: (prev: ActionState, formData: FormData) => Promise<ActionState>;
  deliveryId: number;
  label: string;
  named: string;
  /** Given up (so it may be tried again); otherwise only this form's own answer still shows. */
  available: boolean;
}) {
  const [state, formAction] = useActionState(action, initialActionState);
  if (!available && !state.message) return null;
  return (
    <form action={formAction} className="mt-3">
      <input type="hidden" name="deliveryId" value={deliveryId} />
      {state.ok || !available ? null : <Submit label={label} named={named} />}
      <p aria-live="polite" className={`mt-1 text-sm empty:hidden ${state.ok ? 'text-ok' : 'text-out'}`}>
        {state.message}
      </p>
    </form>
  );
}
