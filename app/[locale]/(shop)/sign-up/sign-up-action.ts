'use server';
import { AuthError } from 'next-auth';
import { redirect } from 'next/navigation';
import { signIn } from '@/lib/auth';
import { destinationAfterSignIn, signInPath } from '@/lib/auth/callback-url';
import { EmailTakenError } from '@/lib/auth/errors';
import { translateFieldErrors, type AuthFormState } from '@/lib/auth/form-state';
import { fieldErrorKeys, signUpSchema } from '@/lib/auth/schemas';
import { createUser } from '@/lib/auth/users';
import { mergeCartAtSignIn } from '@/lib/cart/identity';
import { getI18n } from '@/lib/i18n/server';

export async function signUpAction(_prev: AuthFormState, formData: FormData): Promise<AuthFormState> {
  const { t } = await getI18n();
  const values = { name: String(formData.get('name') ?? ''), email: String(formData.get('email') ?? '') };
  const parsed = signUpSchema.safeParse({ ...values, password: formData.get('password') ?? '' });
  if (!parsed.success) {
    const fieldErrors = translateFieldErrors(fieldErrorKeys(parsed.error), t.account);
    return { ok: false, message: t.account.fixErrors, fieldErrors, values };
  }
  const callbackUrl = formData.get('callbackUrl');
  let userId: number;
  try {
    userId = (await createUser(parsed.data)).id;
  } catch (err) {
    if (!(err instanceof EmailTakenError)) throw err;
    const href = typeof callbackUrl === 'string' ? signInPath(callbackUrl) : '/sign-in';
    return {
      ok: false,
      message: t.account.emailTaken,
      fieldErrors: {},
      values,
      link: { href, label: t.account.signInInstead },
    };
  }
  try {
    await signIn('credentials', { email: parsed.data.email, password: parsed.data.password, redirect: false });
  } catch (err) {
    if (!(err instanceof AuthError)) throw err;
    redirect('/sign-in'); // the account exists; signing in by hand still works
  }
  await mergeCartAtSignIn(userId); // before redirect(), which throws
  redirect(destinationAfterSignIn(callbackUrl, 'shopper'));
}
