import 'server-only';
import { redirect } from 'next/navigation';
import { requireUser, type SessionUser } from '@/lib/auth/guards';
import { getUserById } from '@/lib/auth/users';
import { inRequestLocale } from '@/lib/i18n/server';

/**
 * The imports pages are an admin's (the lead moves them to the back office's guard at merge): the
 * role read from the database, as the action builder does; anyone else goes to the home page.
 */
export async function requireImportsAdmin(returnTo: string): Promise<SessionUser> {
  const user = await requireUser(returnTo);
  if ((await getUserById(user.id))?.role !== 'admin') redirect(await inRequestLocale('/'));
  return user;
}
