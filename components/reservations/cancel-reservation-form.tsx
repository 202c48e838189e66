'use client';
import { useActionState, useEffect, useRef, useState } from 'react';
import { FormMessage } from '@/components/account/form-message';
import { initialActionState, type ActionState } from '@/lib/actions/state';

type Props = {
  action: (prev: ActionState, formData: FormData) => Promise<ActionState>;
  reservationId?: number;
  /** The record's hidden fields when it is not a reservation (a return: `{ code }`). */
  fields?: Record<string, string | number>;
  /** Still placed or ready: cancelling is offered. Rendered either way so the outcome stays on screen. */
  open: boolean;
  labels: { cancel: string; cancelConfirm: string; cancelSubmit: string; keep: string; pending: string };
};

/** "Cancel reservation", then a second, explicit "Yes, cancel it": one stray tap cancels nothing. */
export function CancelReservationForm({ action, reservationId, fields, open, labels }: Props) {
  const [state, formAction, pending] = useActionState(action, initialActionState);
  const [confirming, setConfirming] = useState(false);
  const startRef = useRef<HTMLButtonElement>(null);
  const keepRef = useRef<HTMLButtonElement>(null);
  const wasConfirming = useRef(false);
  // Focus follows the step: onto "No, keep it" when asked, back to "Cancel reservation" when kept.
  useEffect(() => {
    if (confirming) keepRef.current?.focus();
    else if (wasConfirming.current) startRef.current?.focus();
    wasConfirming.current = confirming;
  }, [confirming]);

  return (
    <div className="space-y-3">
      {open &&
        (confirming ? (
          <form action={formAction} className="rounded-xl border border-out/30 bg-out/5 p-4" aria-labelledby="cancel-confirm-text">
            {reservationId !== undefined && <input type="hidden" name="reservationId" value={reservationId} />}
            {Object.entries(fields ?? {}).map(([name, value]) => (
              <input key={name} type="hidden" name={name} value={value} />
            ))}
            <p id="cancel-confirm-text" className="font-medium">
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
      <FormMessage ok={state.ok} message={state.message} />
    </div>
  );
}
