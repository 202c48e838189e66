'use client';
import { useActionState } from 'react';
import { useFormStatus } from 'react-dom';
import { initialActionState, type ActionState } from '@/lib/actions/state';
import { ChoiceFieldset } from './choice-fieldset';
import { SecretReveal } from './secret-reveal';

type State = ActionState<{ secret: string }>;
type Labels = { title: string; url: string; urlHint: string; events: string; submit: string; pending: string; secret: string; copy: string; copied: string };

function Submit({ label, pending: pendingLabel }: { label: string; pending: string }) {
  const { pending } = useFormStatus();
  return (
    <button type="submit" disabled={pending} className="btn-primary w-full sm:w-auto">
      {pending ? pendingLabel : label}
    </button>
  );
}

/** URL and events; once added, the signing secret shown here once. */
export function AddEndpointForm({
  action,
  events,
  labels,
}: {
  action: (prev: State, formData: FormData) => Promise<State>;
  events: { value: string; label: string }[];
  labels: Labels;
}) {
  const [state, formAction] = useActionState(action, initialActionState as State);
  const onField = !state.ok && Object.values(state.fieldErrors ?? {}).includes(state.message);
  const urlError = state.fieldErrors?.url;
  return (
    <section className="card p-4" aria-labelledby="new-endpoint-title">
      <h2 id="new-endpoint-title" className="text-lg font-semibold">
        {labels.title}
      </h2>
      <form action={formAction} className="mt-3 space-y-3" key={state.secret ?? 'form'}>
        <div>
          <label htmlFor="endpoint-url" className="label">
            {labels.url}
          </label>
          <input
            id="endpoint-url"
            name="url"
            type="url"
            required
            maxLength={2000}
            inputMode="url"
            autoComplete="off"
            placeholder="https://"
            aria-invalid={urlError ? true : undefined}
            aria-describedby="endpoint-url-hint"
            className={`input ${urlError ? 'border-out' : ''}`}
          />
          <p id="endpoint-url-hint" className={urlError ? 'field-error' : 'mt-1 text-sm text-muted'}>
            {urlError ?? labels.urlHint}
          </p>
        </div>
        <ChoiceFieldset legend={labels.events} name="events" options={events} error={state.fieldErrors?.events} />
        <Submit label={labels.submit} pending={labels.pending} />
      </form>
      {/* A refusal already written under its field is only announced here, not shown twice. */}
      <p
        aria-live="polite"
        className={`mt-3 text-sm empty:hidden ${state.ok ? 'font-medium text-ok' : 'text-out'} ${onField ? 'sr-only' : ''}`}
        data-testid="add-endpoint-message"
      >
        {state.message}
      </p>
      {state.ok && state.secret ? (
        <SecretReveal label={labels.secret} secret={state.secret} copy={labels.copy} copied={labels.copied} testId="new-endpoint-secret" />
      ) : null}
    </section>
  );
}
