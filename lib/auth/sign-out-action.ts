'use server';
import { publicAction } from '@/lib/actions/builder';
import { signOut } from './index';

/** Clears the session cookie only: other cookies (my_store, locale) stay as they were. */
export const signOutAction = publicAction('account')
  .post()
  .run(async () => {
    await signOut({ redirectTo: '/' });
  });
