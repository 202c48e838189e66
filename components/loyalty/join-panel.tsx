'use client';

import { useActionState } from 'react';
import { FormMessage } from '@/components/account/form-message';
import { SubmitButton } from '@/components/account/submit-button';
import { initialActionState, type ActionState } from '@/lib/actions/state';

type Props = {
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
  title: string;
  body: string;
  labels: { submit: string; pending: string };
};

/** Not a member yet: one button makes the card (joining twice gives the same card). */
export function JoinPanel({ action, title, body, labels }: Props) {
  const [state, formAction] = useActionState(action, initialActionState);
  return (
    <section aria-labelledby="join-title" className="mt-6 max-w-xl card p-6" data-testid="card-join">
      <h2 id="join-title" className="text-lg font-bold">
        {title}
      </h2>
      <p className="mt-1 text-muted">{body}</p>
      <form action={formAction} className="mt-4 space-y-3">
        <SubmitButton label={labels.submit} pendingLabel={labels.pending} className="btn-primary w-full sm:w-auto" />
        <FormMessage ok={state.ok} message={state.message} />
      </form>
    </section>
  );
}
