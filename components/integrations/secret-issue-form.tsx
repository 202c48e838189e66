'use client';
import { useActionState } from 'react';
import { useFormStatus } from 'react-dom';
import { initialActionState, type ActionState } from '@/lib/actions/state';
import { ChoiceFieldset } from './choice-fieldset';
import { SecretReveal } from './secret-reveal';

/** `values` and `chosen`: what was typed and ticked, handed back with a refusal (lib/api/admin-inputs.ts typedBack). */
type State = ActionState<{ secret: string; values: Record<string, string>; chosen: string[] }>;

/** The one text field: an API key's name, a webhook endpoint's URL. */
type TextField = { name: string; label: string; hint: string; maxLength: number; type?: 'text' | 'url'; placeholder?: string };
type Labels = { title: string; choices: string; submit: string; pending: string; secret: string; copy: string; copied: string };

function Submit({ label, pending: pendingLabel }: { label: string; pending: string }) {
  const { pending } = useFormStatus();
  return (
    <button type="submit" disabled={pending} className="btn-primary w-full sm:w-auto">
      {pending ? pendingLabel : label}
    </button>
  );
}

/**
 * A form that issues a secret, shown here once and never again (the lists never show it): an API
 * key (its name and scopes) or a webhook endpoint (its URL and events). `id` names its elements
 * and test ids (`new-<id>-title`, `<id>-message`, `new-<id>-secret`).
 */
export function SecretIssueForm({
  id,
  action,
  field,
  choicesName,
  choices,
  labels,
  messageTestId,
}: {
  id: string;
  action: (prev: State, formData: FormData) => Promise<State>;
  field: TextField;
  choicesName: string;
  choices: { value: string; label: string }[];
  labels: Labels;
  messageTestId: string;
}) {
  const [state, formAction] = useActionState(action, initialActionState as State);
  const onField = !state.ok && Object.values(state.fieldErrors ?? {}).includes(state.message);
  const fieldError = state.fieldErrors?.[field.name];
  const inputId = `${id}-${field.name}`;
  return (
    <section className="card p-4" aria-labelledby={`new-${id}-title`}>
      <h2 id={`new-${id}-title`} className="text-lg font-semibold">
        {labels.title}
      </h2>
      <form action={formAction} className="mt-3 space-y-3" key={state.secret ?? 'form'}>
        <div>
          <label htmlFor={inputId} className="label">
            {field.label}
          </label>
          <input
            id={inputId}
            name={field.name}
            type={field.type ?? 'text'}
            required
            maxLength={field.maxLength}
            inputMode={field.type === 'url' ? 'url' : undefined}
            autoComplete="off"
            placeholder={field.placeholder}
            defaultValue={state.values?.[field.name]}
            aria-invalid={fieldError ? true : undefined}
            aria-describedby={`${inputId}-hint`}
            className={`input ${fieldError ? 'border-out' : ''}`}
          />
          <p id={`${inputId}-hint`} className={fieldError ? 'field-error' : 'mt-1 text-sm text-muted'}>
            {fieldError ?? field.hint}
          </p>
        </div>
        <ChoiceFieldset legend={labels.choices} name={choicesName} options={choices} chosen={state.chosen} error={state.fieldErrors?.[choicesName]} />
        <Submit label={labels.submit} pending={labels.pending} />
      </form>
      {/* A refusal already written under its field is only announced here, not shown twice. */}
      <p
        aria-live="polite"
        className={`mt-3 text-sm empty:hidden ${state.ok ? 'font-medium text-ok' : 'text-out'} ${onField ? 'sr-only' : ''}`}
        data-testid={messageTestId}
      >
        {state.message}
      </p>
      {state.ok && state.secret ? (
        <SecretReveal label={labels.secret} secret={state.secret} copy={labels.copy} copied={labels.copied} testId={`new-${id}-secret`} />
      ) : null}
    </section>
  );
}
