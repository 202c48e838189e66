'use client';
import { useActionState, useEffect, useRef, useState } from 'react';
import { useFormStatus } from 'react-dom';
import { initialActionState, latestAnswer, type ActionState } from '@/lib/actions/state';
import { isOpenReservation } from '@/lib/reservations/permissions';
import type { DeskReservationStatus } from './reservation-card';

type Action = (prev: ActionState, formData: FormData) => Promise<ActionState>;

type Props = {
  storeId: number;
  reservationId: number;
  status: DeskReservationStatus;
  actions: { markReady: Action; handOver: Action; cancel: Action };
  labels: {
    markReady: string;
    handOver: string;
    handOverConfirm: string;
    handOverSubmit: string;
    cancel: string;
    cancelConfirm: string;
    cancelSubmit: string;
    back: string;
    pending: string;
    nothingLeft: string;
  };
};

type SubmitProps = { label: string; pending: string; className: string; ref?: React.Ref<HTMLButtonElement> };

function Submit({ label, pending: pendingLabel, className, ref }: SubmitProps) {
  const { pending } = useFormStatus();
  return (
    <button ref={ref} type="submit" disabled={pending} className={`${className} min-h-12 w-full sm:min-h-11`}>
      {pending ? pendingLabel : label}
    </button>
  );
}

/**
 * What the desk can do to the opened reservation. Every hook lives here, above the forms that come
 * and go with the status, so the last answer stays on screen (and is announced) after the page
 * refreshes with the new status. Handing over and cancelling ask first.
 */
export function ReservationActions({ storeId, reservationId, status, actions, labels }: Props) {
  const [ready, markReady] = useActionState(actions.markReady, initialActionState);
  const [handed, handOver] = useActionState(actions.handOver, initialActionState);
  const [cancelled, cancel] = useActionState(actions.cancel, initialActionState);
  const [confirming, setConfirming] = useState<'handOver' | 'cancel' | null>(null);
  // The confirm step takes the focus: "hand over" once payment is taken, "back" before a cancellation.
  const confirmFocus = useRef<HTMLButtonElement>(null);
  useEffect(() => confirmFocus.current?.focus(), [confirming]);
  const last = latestAnswer(ready, handed, cancelled);
  const open = isOpenReservation(status);
  const ids = (
    <>
      <input type="hidden" name="storeId" value={storeId} />
      <input type="hidden" name="reservationId" value={reservationId} />
    </>
  );

  return (
    <div className="space-y-3">
      <p
        aria-live="polite"
        data-testid="pickup-message"
        className={`rounded-lg px-3 py-2 text-sm font-medium empty:hidden ${last.ok ? 'bg-green-50 text-ok' : 'bg-red-50 text-out'}`}
      >
        {last.message}
      </p>
      {!open && <p className="text-sm text-muted">{labels.nothingLeft}</p>}
      {open && confirming === null && (
        <div className="grid gap-2">
          {status === 'placed' && (
            <form action={markReady}>
              {ids}
              <Submit label={labels.markReady} pending={labels.pending} className="btn-primary" />
            </form>
          )}
          <button
            type="button"
            onClick={() => setConfirming('handOver')}
            className={`${status === 'ready' ? 'btn-primary' : 'btn-secondary'} min-h-12 w-full sm:min-h-11`}
          >
            {labels.handOver}
          </button>
          <button type="button" onClick={() => setConfirming('cancel')} className="btn min-h-12 w-full text-out hover:bg-red-50 sm:min-h-11">
            {labels.cancel}
          </button>
        </div>
      )}
      {open && confirming === 'handOver' && (
        <form action={handOver} className="space-y-2 rounded-lg border border-brand-100 bg-brand-50 p-3" role="group" aria-labelledby="confirm-hand-over">
          {ids}
          <p id="confirm-hand-over" className="font-semibold">
            {labels.handOverConfirm}
          </p>
          <Submit ref={confirmFocus} label={labels.handOverSubmit} pending={labels.pending} className="btn-primary" />
          <button type="button" onClick={() => setConfirming(null)} className="btn-secondary min-h-12 w-full sm:min-h-11">
            {labels.back}
          </button>
        </form>
      )}
      {open && confirming === 'cancel' && (
        <form action={cancel} className="space-y-2 rounded-lg border border-red-200 bg-red-50 p-3" role="group" aria-labelledby="confirm-cancel">
          {ids}
          <p id="confirm-cancel" className="font-semibold">
            {labels.cancelConfirm}
          </p>
          <Submit label={labels.cancelSubmit} pending={labels.pending} className="btn bg-out text-white hover:bg-red-800" />
          <button ref={confirmFocus} type="button" onClick={() => setConfirming(null)} className="btn-secondary min-h-12 w-full sm:min-h-11">
            {labels.back}
          </button>
        </form>
      )}
    </div>
  );
}
