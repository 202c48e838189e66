'use server';
import { redirect } from 'next/navigation';
import { inRequestLocale } from '@/lib/i18n/server';
import { signIn } from '@/lib/auth';
import { formParser, publicAction } from '@/lib/actions/builder';
import { refusalCode } from '@/lib/actions/refusals';
import { destinationAfterSignIn, signInPath } from '@/lib/auth/callback-url';
import { translateFieldErrors, type AuthFormState } from '@/lib/auth/form-state';
import { fieldErrorKeys, signUpSchema } from '@/lib/auth/schemas';
import { isAuthRefusal } from '@/lib/auth/sign-in-refusal';
import { createUser } from '@/lib/auth/users';
import { mergeCartAtSignIn } from '@/lib/cart/identity';
import { myStoreAtSignIn } from '@/lib/stores/my-store';
import { joinLoyalty } from '@/lib/loyalty/commands';

/** What was typed, so a refused form keeps it (never the password). */
function typed(formData: FormData) {
  return { name: String(formData.get('name') ?? ''), email: String(formData.get('email') ?? ''), joinLoyalty: formData.get('joinLoyalty') === '1' };
}

/**
 * A new shopper account (and, if asked, a loyalty card), signed in at once. An email already taken
 * says so, with "sign in instead" coming back to where they were going.
 */
export const signUpAction = publicAction('account')
  .form(
    formParser((formData) => signUpSchema.safeParse({ ...typed(formData), password: formData.get('password') ?? '' })),
    (error, { t, formData }) => ({
      ok: false,
      message: t.account.fixErrors,
      fieldErrors: translateFieldErrors(fieldErrorKeys(error), t.account),
      values: typed(formData),
    }),
  )
  .state<AuthFormState>()
  .refused((refusal, { err, formData, t }) => {
    if (refusalCode(err) !== 'email_taken') return { ...refusal, values: typed(formData) };
    const callbackUrl = formData.get('callbackUrl');
    const href = typeof callbackUrl === 'string' ? signInPath(callbackUrl) : '/sign-in';
    return { ...refusal, values: typed(formData), link: { href, label: t.account.signInInstead } };
  })
  .run(async ({ input, formData, locale }) => {
    const { id: userId } = await createUser({ ...input, locale });
    if (formData.get('joinLoyalty') === '1') {
      // The account is made; a card that fails to come with it is not worth losing the sign-up
      // over: the shopper can join from their account page.
      await joinLoyalty(userId).catch((err: unknown) => console.error('[sign-up] joining the loyalty programme failed', err));
    }
    try {
      await signIn('credentials', { email: input.email, password: input.password, redirect: false });
    } catch (err) {
      if (!isAuthRefusal(err)) throw err;
      redirect(await inRequestLocale('/sign-in')); // the account exists; signing in by hand still works
    }
    await Promise.all([mergeCartAtSignIn(userId), myStoreAtSignIn(userId)]); // before redirect(), which throws
    redirect(await inRequestLocale(destinationAfterSignIn(formData.get('callbackUrl'), 'shopper')));
  });
