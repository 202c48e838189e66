'use client';
import { useActionState } from 'react';
import { useFormStatus } from 'react-dom';
import { initialActionState, type ActionState } from '@/lib/actions/state';

/** One line as the picker sees it, every text in the reader's language. */
export type PickLineView = {
  lineId: number;
  product: string;
  variant: string;
  quantity: number;
  /** "2 × €19.99". */
  price: string;
  /** "1 of 2 found · Replaced by … · Waiting for the shopper", or null until picked. */
  note: string | null;
  /** What the form starts from: the last pick, else everything found. */
  found: number;
  substituteSkuId: number | null;
  /** Same department, free on this shelf: "Name (42) — €21.00, charged €19.99". */
  candidates: { skuId: number; label: string }[];
};

export type PickLabels = { found: string; substitute: string; none: string; save: string; pending: string; noCandidates: string };

type Props = {
  action: (prev: ActionState, formData: FormData) => Promise<ActionState>;
  storeId: number;
  orderId: number;
  line: PickLineView;
  /** False once the order is ready or gone: the line is shown, not changed. */
  editable: boolean;
  labels: PickLabels;
};

function Save({ label, pending: pendingLabel, named }: { label: string; pending: string; named: string }) {
  const { pending } = useFormStatus();
  return (
    <button type="submit" disabled={pending} aria-label={pending ? undefined : named} className="btn-primary min-h-12 w-full sm:min-h-11 sm:w-auto">
      {pending ? pendingLabel : label}
    </button>
  );
}

/** A line of the picking list: how many were found, and a substitute for the missing ones. */
export function PickLineForm({ action, storeId, orderId, line: l, editable, labels }: Props) {
  const [state, formAction] = useActionState(action, initialActionState);
  const id = `line-${l.lineId}`;
  const foundError = state.fieldErrors?.found;
  const subError = state.fieldErrors?.substituteSkuId;
  const name = l.variant ? `${l.product} (${l.variant})` : l.product;
  return (
    <li className="card p-4" data-testid={`pick-line-${l.lineId}`} aria-labelledby={`${id}-name`}>
      <div className="flex items-start justify-between gap-3">
        <div className="min-w-0">
          <p id={`${id}-name`} className="font-semibold">
            {l.product}
          </p>
          {l.variant && <p className="text-sm text-muted">{l.variant}</p>}
        </div>
        <p className="shrink-0 text-base font-bold tabular-nums">{l.price}</p>
      </div>
      {l.note && (
        <p className="mt-2 rounded-lg bg-brand-50 px-3 py-2 text-sm font-medium text-brand-700" data-testid="line-pick">
          {l.note}
        </p>
      )}
      {editable && (
        // Keyed by the line's saved pick: after a save the form starts again from what was saved.
        <form key={`${l.found}:${l.substituteSkuId ?? ''}`} action={formAction} className="mt-3 grid gap-3 sm:grid-cols-[7rem_minmax(0,1fr)_auto] sm:items-end">
          <input type="hidden" name="storeId" value={storeId} />
          <input type="hidden" name="orderId" value={orderId} />
          <input type="hidden" name="lineId" value={l.lineId} />
          <div>
            <label htmlFor={`${id}-found`} className="mb-1 block text-xs font-medium text-muted">
              {labels.found} (0–{l.quantity})
            </label>
            <input
              id={`${id}-found`}
              name="found"
              type="number"
              inputMode="numeric"
              min={0}
              max={l.quantity}
              step={1}
              required
              defaultValue={l.found}
              aria-invalid={foundError ? true : undefined}
              aria-describedby={foundError ? `${id}-message` : undefined}
              className="input min-h-12 w-full tabular-nums sm:min-h-11"
            />
          </div>
          <div className="min-w-0">
            <label htmlFor={`${id}-sub`} className="mb-1 block text-xs font-medium text-muted">
              {labels.substitute}
            </label>
            <select
              id={`${id}-sub`}
              name="substituteSkuId"
              defaultValue={l.substituteSkuId ?? ''}
              aria-invalid={subError ? true : undefined}
              aria-describedby={subError ? `${id}-message` : undefined}
              className="input min-h-12 w-full sm:min-h-11"
            >
              <option value="">{l.candidates.length > 0 ? labels.none : labels.noCandidates}</option>
              {l.candidates.map((c) => (
                <option key={c.skuId} value={c.skuId}>
                  {c.label}
                </option>
              ))}
            </select>
          </div>
          <Save label={labels.save} pending={labels.pending} named={`${labels.save}: ${name}`} />
        </form>
      )}
      <p id={`${id}-message`} aria-live="polite" className={`mt-2 text-sm empty:hidden ${state.ok ? 'text-ok' : 'text-out'}`} data-testid="pick-message">
        {state.message}
      </p>
    </li>
  );
}
