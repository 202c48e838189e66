'use server';
import { formAction } from '@/lib/http/form-action';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { getSessionUser } from '@/lib/auth/guards';
import { signInPath } from '@/lib/auth/callback-url';
import { initialAuthFormState, translateFieldErrors, type AuthFormState } from '@/lib/auth/form-state';
import { hashPassword, verifyPassword } from '@/lib/auth/password';
import { changePasswordSchema, fieldErrorKeys } from '@/lib/auth/schemas';
import { setPasswordHash } from '@/lib/auth/sessions';
import { beginSignIn, clientAddress, SignInThrottledError, signInSucceeded, waitText } from '@/lib/auth/throttle';
import { findUserById } from '@/lib/auth/users';
import { getI18n } from '@/lib/i18n/server';

/**
 * A new password for the signed-in person. The current one is checked under the sign-in throttle
 * (a stolen session must not become a way to guess it); on success every other session of the
 * account ends (the trigger behind setPasswordHash), this device's stays.
 */
async function changePasswordActionUnchecked(_prev: AuthFormState, formData: FormData): Promise<AuthFormState> {
  const user = await getSessionUser();
  if (!user) redirect(signInPath('/account'));
  const { t } = await getI18n();
  const parsed = changePasswordSchema.safeParse({ currentPassword: formData.get('currentPassword') ?? '', password: formData.get('password') ?? '' });
  if (!parsed.success)
    return { ok: false, message: t.account.fixErrors, fieldErrors: translateFieldErrors(fieldErrorKeys(parsed.error), t.account), values: {} };
  const record = await findUserById(user.id);
  if (!record) redirect(signInPath('/account'));
  let turn;
  try {
    turn = await beginSignIn(record.email, clientAddress(await headers()));
  } catch (err) {
    if (!(err instanceof SignInThrottledError)) throw err;
    const message = { account: t.account.tooManyAttempts, address: t.account.tooManyAttemptsHere, delay: t.account.tooManyAttemptsWait }[err.limitedBy];
    return { ok: false, message: message.replace('{wait}', waitText(err.retryAt)), fieldErrors: {}, values: {} };
  }
  if (!(await verifyPassword(parsed.data.currentPassword, record.passwordHash))) {
    return { ok: false, message: t.account.fixErrors, fieldErrors: { currentPassword: t.account.wrongCurrentPassword }, values: {} };
  }
  await signInSucceeded(turn);
  await setPasswordHash(user.id, await hashPassword(parsed.data.password), user.sessionId);
  return { ok: true, message: t.account.passwordChanged, fieldErrors: {}, values: {} };
}

export const changePasswordAction = formAction(initialAuthFormState, changePasswordActionUnchecked);
