'use server';
import { formAction } from '@/lib/http/form-action';
import { initialAuthFormState } from '@/lib/auth/form-state';
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
import { joinLoyalty } from '@/lib/loyalty/commands';

async function signUpActionUnchecked(_prev: AuthFormState, formData: FormData): Promise<AuthFormState> {
  const { t } = await getI18n();
  const values = {
    name: String(formData.get('name') ?? ''),
    email: String(formData.get('email') ?? ''),
    joinLoyalty: formData.get('joinLoyalty') === '1',
  };
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
  if (values.joinLoyalty) {
    // The account is made; a card that fails to come with it is not worth losing the sign-up
    // over: the shopper can join from their account page.
    await joinLoyalty(userId).catch((err: unknown) => console.error('[sign-up] joining the loyalty programme failed', err));
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

/** Guarded: any argument, any text (lib/http/form-action.ts). */
export const signUpAction = formAction(initialAuthFormState, signUpActionUnchecked);
