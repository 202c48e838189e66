'use client';
import { useActionState } from 'react';
import { initialActionState } from '@/lib/actions/state';
import type { AuthFormState } from '@/lib/auth/form-state';
import { FormMessage } from './form-message';
import { SubmitButton } from './submit-button';
import { TextField } from './text-field';

type Props = {
  action: (prev: AuthFormState, formData: FormData) => Promise<AuthFormState>;
  labels: { currentPassword: string; newPassword: string; passwordHint: string; submit: string; pending: string };
};

/** Current and new password; on success the other devices are signed out (the action says so). */
export function ChangePasswordForm({ action, labels }: Props) {
  const [state, formAction] = useActionState<AuthFormState, FormData>(action, initialActionState);
  return (
    <form action={formAction} className="space-y-4" noValidate data-testid="change-password-form">
      <FormMessage ok={state.ok} message={state.message} />
      <TextField
        name="currentPassword"
        type="password"
        label={labels.currentPassword}
        autoComplete="current-password"
        error={state.fieldErrors?.currentPassword}
      />
      <TextField
        name="password"
        type="password"
        label={labels.newPassword}
        autoComplete="new-password"
        hint={labels.passwordHint}
        error={state.fieldErrors?.password}
      />
      <SubmitButton label={labels.submit} pendingLabel={labels.pending} className="btn-secondary w-full sm:w-auto" />
    </form>
  );
}
