import 'server-only';
import { redirect } from 'next/navigation';
import { inRequestLocale } from '@/lib/i18n/server';
import { requireStaff, type SessionUser } from './guards';
import { getUserById } from './users';

/**
 * For admin pages (API keys, webhooks): signed out → sign in; anyone but an admin → the staff
 * console's home, as the staff pages send a shopper home. The role is read from the database, not
 * the session token, as the admin actions do (lib/actions/builder.ts).
 */
export async function requireAdminPage(returnTo: string): Promise<SessionUser> {
  const user = await requireStaff(returnTo);
  if ((await getUserById(user.id))?.role !== 'admin') redirect(await inRequestLocale('/staff'));
  return user;
}
