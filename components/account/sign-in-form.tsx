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
  labels: { email: string; password: string; submit: string; pending: string };
};

export function SignInForm({ action, callbackUrl, labels }: Props) {
  const [state, formAction] = useActionState<AuthFormState, FormData>(action, initialActionState);
  // Signed in, the page changes and the header reads who it is; refused, the header reads it again.
  useEffect(() => {
    if (state !== initialActionState) refreshVisitor();
  }, [state]);
  return (
    <form action={formAction} onSubmit={forgetVisitor} className="space-y-4" noValidate>
      {callbackUrl && <input type="hidden" name="callbackUrl" value={callbackUrl} />}
      <FormMessage ok={state.ok} message={state.message} link={state.link} />
      <TextField
        name="email"
        type="email"
        label={labels.email}
        autoComplete="email"
        defaultValue={state.values?.email}
        error={state.fieldErrors?.email}
        autoFocus
      />
      <TextField name="password" type="password" label={labels.password} autoComplete="current-password" error={state.fieldErrors?.password} />
      <SubmitButton label={labels.submit} pendingLabel={labels.pending} />
    </form>
  );
}
