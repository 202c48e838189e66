'use server';
import { signOut } from './index';

/** Clears the session cookie only: other cookies (my_store, locale) stay as they were. */
export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: '/' });
}
