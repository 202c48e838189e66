'use server';
import { shopperAction } from '@/lib/actions/builder';
import { signOut } from '@/lib/auth';
import { endUserSessions } from '@/lib/auth/sessions';
import { localizedPath } from '@/lib/routing/public-url';

/** Every session of the signed-in person ends, on every server; then this device signs out too. */
export const signOutEverywhereAction = shopperAction('account')
  .post()
  .signInFirst('/account')
  .run(async ({ user, locale }) => {
    await endUserSessions(user.id);
    await signOut({ redirectTo: localizedPath('/', locale) });
  });
