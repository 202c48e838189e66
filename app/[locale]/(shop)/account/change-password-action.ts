'use server';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { inRequestLocale } from '@/lib/i18n/server';
import { formParser, shopperAction } from '@/lib/actions/builder';
import { done } from '@/lib/actions/state';
import { signInPath } from '@/lib/auth/callback-url';
import { translateFieldErrors, type AuthFormState } from '@/lib/auth/form-state';
import { hashPassword, verifyPassword } from '@/lib/auth/password';
import { changePasswordSchema, fieldErrorKeys } from '@/lib/auth/schemas';
import { setPasswordHash } from '@/lib/auth/sessions';
import { throttledRefusal } from '@/lib/auth/sign-in-refusal';
import { beginSignIn, clientAddress, signInSucceeded } from '@/lib/auth/throttle';
import { findUserById } from '@/lib/auth/users';

/**
 * A new password for the signed-in person. The current one is checked under the sign-in throttle
 * (a stolen session must not become a way to guess it); on success every other session of the
 * account ends (the trigger behind setPasswordHash), this device's stays.
 */
export const changePasswordAction = shopperAction('account')
  .form(
    formParser((formData) =>
      changePasswordSchema.safeParse({ currentPassword: formData.get('currentPassword') ?? '', password: formData.get('password') ?? '' }),
    ),
    (error, { t }) => ({ ok: false, message: t.account.fixErrors, fieldErrors: translateFieldErrors(fieldErrorKeys(error), t.account) }),
  )
  .signInFirst('/account')
  .state<AuthFormState>()
  .run(async ({ input, user, t }) => {
    const record = await findUserById(user.id);
    if (!record) redirect(await inRequestLocale(signInPath('/account')));
    let turn;
    try {
      turn = await beginSignIn(record.email, clientAddress(await headers()));
    } catch (err) {
      const message = throttledRefusal(err, t.account);
      if (message === undefined) throw err;
      return { ok: false, message };
    }
    if (!(await verifyPassword(input.currentPassword, record.passwordHash))) {
      return { ok: false, message: t.account.fixErrors, fieldErrors: { currentPassword: t.account.wrongCurrentPassword } };
    }
    await signInSucceeded(turn);
    await setPasswordHash(user.id, await hashPassword(input.password), user.sessionId);
    return done(t.account.passwordChanged);
  });
