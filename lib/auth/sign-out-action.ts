'use server';
import { publicAction } from '@/lib/actions/builder';
import { localizedPath } from '@/lib/routing/public-url';
import { signOut } from './index';

/** Clears the session cookie only: other cookies (my_store, locale) stay as they were. */
export const signOutAction = publicAction('account')
  .post()
  .run(async ({ locale }) => {
    await signOut({ redirectTo: localizedPath('/', locale) }); // the home page in the page's language
  });
