'use client';
import { useActionState, useEffect, useRef, useState } from 'react';
import { FormMessage } from '@/components/account/form-message';
import { initialActionState, type ActionState } from '@/lib/actions/state';

type Props = {
  action: (prev: ActionState, formData: FormData) => Promise<ActionState>;
  orderId: number;
  /** Cancelling is still allowed. Rendered either way so the outcome stays on screen. */
  allowed: boolean;
  labels: { cancel: string; cancelConfirm: string; cancelSubmit: string; keep: string; pending: string };
};

/** "Cancel order", then an explicit "Yes, cancel": one stray tap cancels nothing (as for reservations). */
export function CancelOrderForm({ action, orderId, allowed, labels }: Props) {
  const [state, formAction, pending] = useActionState(action, initialActionState);
  const [confirming, setConfirming] = useState(false);
  const startRef = useRef<HTMLButtonElement>(null);
  const keepRef = useRef<HTMLButtonElement>(null);
  const wasConfirming = useRef(false);
  useEffect(() => {
    if (confirming) keepRef.current?.focus();
    else if (wasConfirming.current) startRef.current?.focus();
    wasConfirming.current = confirming;
  }, [confirming]);

  return (
    <div>
      {allowed &&
        (confirming ? (
          <form action={formAction} className="rounded-xl border border-out/30 bg-out/5 p-4" aria-labelledby="cancel-order-text">
            <input type="hidden" name="orderId" value={orderId} />
            <p id="cancel-order-text" className="font-medium">
              {labels.cancelConfirm}
            </p>
            <div className="mt-3 flex flex-col gap-2 sm:flex-row">
              <button type="submit" disabled={pending} className="btn bg-out text-white hover:bg-out/90">
                {pending ? labels.pending : labels.cancelSubmit}
              </button>
              <button ref={keepRef} type="button" disabled={pending} onClick={() => setConfirming(false)} className="btn-secondary">
                {labels.keep}
              </button>
            </div>
          </form>
        ) : (
          <button ref={startRef} type="button" onClick={() => setConfirming(true)} className="btn-secondary w-full text-out sm:w-auto">
            {labels.cancel}
          </button>
        ))}
      <div className="[&_[data-testid=form-message]]:mt-3">
        <FormMessage ok={state.ok} message={state.message} />
      </div>
    </div>
  );
}
