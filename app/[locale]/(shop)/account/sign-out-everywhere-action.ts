'use server';
import { redirect } from 'next/navigation';
import { signOut } from '@/lib/auth';
import { signInPath } from '@/lib/auth/callback-url';
import { getSessionUser } from '@/lib/auth/guards';
import { endUserSessions } from '@/lib/auth/sessions';

/** Every session of the signed-in person ends, on every server; then this device signs out too. */
export async function signOutEverywhereAction(): Promise<void> {
  const user = await getSessionUser();
  if (!user) redirect(signInPath('/account'));
  await endUserSessions(user.id);
  await signOut({ redirectTo: '/' });
}
