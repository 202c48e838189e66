'use client';
import { useActionState } from 'react';
import { useFormStatus } from 'react-dom';
import { initialActionState, type ActionState } from '@/lib/actions/state';
import { ChoiceFieldset } from './choice-fieldset';
import { SecretReveal } from './secret-reveal';

type State = ActionState<{ secret: string }>;
type Labels = { title: string; name: string; nameHint: string; scopes: string; submit: string; pending: string; secret: string; copy: string; copied: string };

function Submit({ label, pending: pendingLabel }: { label: string; pending: string }) {
  const { pending } = useFormStatus();
  return (
    <button type="submit" disabled={pending} className="btn-primary w-full sm:w-auto">
      {pending ? pendingLabel : label}
    </button>
  );
}

/** Name and scopes; once made, the secret shown here once (the list never shows it). */
export function CreateKeyForm({
  action,
  scopes,
  labels,
}: {
  action: (prev: State, formData: FormData) => Promise<State>;
  scopes: { value: string; label: string }[];
  labels: Labels;
}) {
  const [state, formAction] = useActionState(action, initialActionState as State);
  const onField = !state.ok && Object.values(state.fieldErrors ?? {}).includes(state.message);
  const nameError = state.fieldErrors?.name;
  return (
    <section className="card p-4" aria-labelledby="new-key-title">
      <h2 id="new-key-title" className="text-lg font-semibold">
        {labels.title}
      </h2>
      <form action={formAction} className="mt-3 space-y-3" key={state.secret ?? 'form'}>
        <div>
          <label htmlFor="key-name" className="label">
            {labels.name}
          </label>
          <input
            id="key-name"
            name="name"
            required
            maxLength={80}
            autoComplete="off"
            aria-invalid={nameError ? true : undefined}
            aria-describedby="key-name-hint"
            className={`input ${nameError ? 'border-out' : ''}`}
          />
          <p id="key-name-hint" className={nameError ? 'field-error' : 'mt-1 text-sm text-muted'}>
            {nameError ?? labels.nameHint}
          </p>
        </div>
        <ChoiceFieldset legend={labels.scopes} name="scopes" options={scopes} error={state.fieldErrors?.scopes} />
        <Submit label={labels.submit} pending={labels.pending} />
      </form>
      {/* A refusal already written under its field is only announced here, not shown twice. */}
      <p
        aria-live="polite"
        className={`mt-3 text-sm empty:hidden ${state.ok ? 'font-medium text-ok' : 'text-out'} ${onField ? 'sr-only' : ''}`}
        data-testid="create-key-message"
      >
        {state.message}
      </p>
      {state.ok && state.secret ? (
        <SecretReveal label={labels.secret} secret={state.secret} copy={labels.copy} copied={labels.copied} testId="new-key-secret" />
      ) : null}
    </section>
  );
}
