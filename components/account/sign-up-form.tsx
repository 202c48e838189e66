'use client';
import { useActionState, useEffect } from 'react';
import { forgetVisitor, refreshVisitor } from '@/components/layout/visitor';
import { initialActionState } from '@/lib/actions/state';
import type { AuthFormState } from '@/lib/auth/form-state';
import { FormMessage } from './form-message';
import { SubmitButton } from './submit-button';
import { TextField } from './text-field';

type Props = {
  action: (prev: AuthFormState, formData: FormData) => Promise<AuthFormState>;
  callbackUrl: string | null;
  labels: {
    name: string;
    email: string;
    password: string;
    passwordHint: string;
    joinLoyalty: string;
    joinLoyaltyHint: string;
    submit: string;
    pending: string;
  };
};

export function SignUpForm({ action, callbackUrl, labels }: Props) {
  const [state, formAction] = useActionState<AuthFormState, FormData>(action, initialActionState);
  // Signed in, the page changes and the header reads who it is; refused, the header reads it again.
  useEffect(() => {
    if (state !== initialActionState) refreshVisitor();
  }, [state]);
  return (
    <form action={formAction} onSubmit={forgetVisitor} className="space-y-4" noValidate>
      {callbackUrl && <input type="hidden" name="callbackUrl" value={callbackUrl} />}
      <FormMessage ok={state.ok} message={state.message} link={state.link} />
      <TextField name="name" label={labels.name} autoComplete="name" defaultValue={state.values?.name} error={state.fieldErrors?.name} autoFocus />
      <TextField name="email" type="email" label={labels.email} autoComplete="email" defaultValue={state.values?.email} error={state.fieldErrors?.email} />
      <TextField
        name="password"
        type="password"
        label={labels.password}
        autoComplete="new-password"
        hint={labels.passwordHint}
        error={state.fieldErrors?.password}
      />
      <div className="flex items-start gap-3">
        <input
          id="joinLoyalty"
          name="joinLoyalty"
          type="checkbox"
          value="1"
          defaultChecked={state.values?.joinLoyalty ?? false}
          aria-describedby="joinLoyalty-hint"
          className="mt-0.5 h-5 w-5 shrink-0 accent-brand-600"
        />
        <div>
          <label htmlFor="joinLoyalty" className="font-medium">
            {labels.joinLoyalty}
          </label>
          <p id="joinLoyalty-hint" className="text-sm text-muted">
            {labels.joinLoyaltyHint}
          </p>
        </div>
      </div>
      <SubmitButton label={labels.submit} pendingLabel={labels.pending} />
    </form>
  );
}
