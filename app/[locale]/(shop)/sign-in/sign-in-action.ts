'use server';
import { formAction } from '@/lib/http/form-action';
import { initialAuthFormState } from '@/lib/auth/form-state';
import { AuthError } from 'next-auth';
import { redirect } from 'next/navigation';
import { signIn } from '@/lib/auth';
import { destinationAfterSignIn } from '@/lib/auth/callback-url';
import { translateFieldErrors, type AuthFormState } from '@/lib/auth/form-state';
import { fieldErrorKeys, signInSchema } from '@/lib/auth/schemas';
import { SignInThrottledError, waitText } from '@/lib/auth/throttle';
import { findUserByEmail } from '@/lib/auth/users';
import { mergeCartAtSignIn } from '@/lib/cart/identity';
import { isDatabaseUnavailable } from '@/lib/db/unavailable';
import { getI18n } from '@/lib/i18n/server';

async function signInActionUnchecked(_prev: AuthFormState, formData: FormData): Promise<AuthFormState> {
  const { t } = await getI18n();
  const email = String(formData.get('email') ?? '');
  const values = { email };
  const parsed = signInSchema.safeParse({ email, password: formData.get('password') ?? '' });
  if (!parsed.success) {
    const fieldErrors = translateFieldErrors(fieldErrorKeys(parsed.error), t.account);
    return { ok: false, message: t.account.fixErrors, fieldErrors, values };
  }
  try {
    // redirect: false — we choose the destination ourselves (role, safe callbackUrl).
    await signIn('credentials', { email: parsed.data.email, password: parsed.data.password, redirect: false });
  } catch (err) {
    if (err instanceof SignInThrottledError) {
      const message = { account: t.account.tooManyAttempts, address: t.account.tooManyAttemptsHere, delay: t.account.tooManyAttemptsWait }[err.limitedBy];
      return { ok: false, message: message.replace('{wait}', waitText(err.retryAt)), fieldErrors: {}, values };
    }
    // Auth.js wraps what authorize() throws in a CallbackRouteError, itself an AuthError: a lost
    // database must not read as a wrong password.
    if (isDatabaseUnavailable(err)) return { ok: false, message: t.account.signInUnavailable, fieldErrors: {}, values };
    // A wrong password is CredentialsSignin, an AuthError: a message for the form, never a 500.
    if (err instanceof AuthError) return { ok: false, message: t.account.wrongCredentials, fieldErrors: {}, values };
    throw err;
  }
  const user = await findUserByEmail(parsed.data.email);
  if (user) await mergeCartAtSignIn(user.id); // before redirect(), which throws
  redirect(destinationAfterSignIn(formData.get('callbackUrl'), user?.role));
}

/** Guarded: any argument, any text (lib/http/form-action.ts). */
export const signInAction = formAction(initialAuthFormState, signInActionUnchecked);
