'use server';
import { redirect } from 'next/navigation';
import { inRequestLocale } from '@/lib/i18n/server';
import { signIn } from '@/lib/auth';
import { formParser, publicAction } from '@/lib/actions/builder';
import { destinationAfterSignIn } from '@/lib/auth/callback-url';
import { translateFieldErrors, type AuthFormState } from '@/lib/auth/form-state';
import { fieldErrorKeys, signInSchema } from '@/lib/auth/schemas';
import { signInRefusal } from '@/lib/auth/sign-in-refusal';
import { findUserByEmail, rememberLocale } from '@/lib/auth/users';
import { mergeCartAtSignIn } from '@/lib/cart/identity';
import { myStoreAtSignIn } from '@/lib/stores/my-store';

const emailOf = (formData: FormData) => String(formData.get('email') ?? '');

/** Email and password, checked by Auth.js's Credentials provider (with its throttle); then where they were going. */
export const signInAction = publicAction('account')
  .form(
    formParser((formData) => signInSchema.safeParse({ email: emailOf(formData), password: formData.get('password') ?? '' })),
    (error, { t, formData }) => ({
      ok: false,
      message: t.account.fixErrors,
      fieldErrors: translateFieldErrors(fieldErrorKeys(error), t.account),
      values: { email: emailOf(formData) },
    }),
  )
  .state<AuthFormState>()
  .run(async ({ input: { email, password }, formData, t, locale }) => {
    try {
      // redirect: false — we choose the destination ourselves (role, safe callbackUrl).
      await signIn('credentials', { email, password, redirect: false });
    } catch (err) {
      const message = signInRefusal(err, t.account);
      if (message === undefined) throw err;
      return { ok: false, message, fieldErrors: {}, values: { email: emailOf(formData) } };
    }
    const user = await findUserByEmail(email);
    if (user) await Promise.all([mergeCartAtSignIn(user.id), myStoreAtSignIn(user.id), rememberLocale(user.id, locale)]); // before redirect(), which throws
    redirect(await inRequestLocale(destinationAfterSignIn(formData.get('callbackUrl'), user?.role)));
  });
