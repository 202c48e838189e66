'use client';
import { useActionState, useState } from 'react';
import { useFormStatus } from 'react-dom';
import { initialActionState, type ActionState } from '@/lib/actions/state';

type Labels = { ask: string; askNamed: string; confirm: string; confirmNamed: string; cancel: string };

function Confirm({ label, named }: { label: string; named: string }) {
  const { pending } = useFormStatus();
  return (
    <button type="submit" disabled={pending} aria-label={named} className="btn min-h-11 bg-out px-3 text-white hover:bg-out/90">
      {label}
    </button>
  );
}

/**
 * A destructive action in two taps (revoke a key, disable an endpoint): the first asks, the second
 * posts the record's id. The buttons are named for the record they act on.
 */
export function ConfirmForm({
  action,
  fields,
  labels,
  testId,
  settled = false,
}: {
  action: (prev: ActionState, formData: FormData) => Promise<ActionState>;
  fields: Record<string, string | number>;
  labels: Labels;
  testId: string;
  /** Already done (a revoked key): nothing to ask, but this form's own answer still shows. */
  settled?: boolean;
}) {
  const [state, formAction] = useActionState(action, initialActionState);
  const [asking, setAsking] = useState(false);
  if (settled && !state.message) return null;
  return (
    <div data-testid={testId}>
      {asking && !state.ok ? (
        <form action={formAction} className="flex flex-wrap gap-2">
          {Object.entries(fields).map(([k, v]) => (
            <input key={k} type="hidden" name={k} value={v} />
          ))}
          <Confirm label={labels.confirm} named={labels.confirmNamed} />
          <button type="button" className="btn-secondary" onClick={() => setAsking(false)}>
            {labels.cancel}
          </button>
        </form>
      ) : state.ok || settled ? null : (
        <button type="button" className="btn-secondary" aria-label={labels.askNamed} onClick={() => setAsking(true)}>
          {labels.ask}
        </button>
      )}
      <p aria-live="polite" className={`mt-1 text-sm empty:hidden ${state.ok ? 'text-ok' : 'text-out'}`}>
        {state.message}
      </p>
    </div>
  );
}
