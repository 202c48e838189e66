import 'server-only';
import { redirect } from 'next/navigation';
import { inRequestLocale } from '@/lib/i18n/server';
import { connection } from 'next/server';
import { cache } from 'react';
import { auth } from './index';
import { signInPath } from './callback-url';
import { isBackOfficeRole } from './roles';
import type { Role } from './schema';
import { getUserById } from './users';

export { assertStaffOfStore, canActOnStore } from './staff-access';
export { ForbiddenError } from './errors';
export { isBackOfficeRole } from './roles';

export type SessionUser = { id: number; name: string; email: string; role: Role; sessionId?: string };

/**
 * The signed-in person from the session cookie, or null. One decode per request. Per request only
 * (`connection()` first): Auth.js reaches for crypto and the clock, which must never run while a
 * shell is prerendered — a link's App Shell prefetch of /cart or /sign-in included.
 */
export const getSessionUser = cache(async (): Promise<SessionUser | null> => {
  await connection();
  const session = await auth();
  const id = Number(session?.user?.id);
  if (!session?.user || !Number.isSafeInteger(id) || id <= 0) return null;
  return { id, name: session.user.name ?? '', email: session.user.email ?? '', role: session.user.role, sessionId: session.sessionId };
});

/** For pages: signed out → the sign-in page, coming back to `returnTo` afterwards. */
export async function requireUser(returnTo = '/account'): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) redirect(await inRequestLocale(signInPath(returnTo)));
  return user;
}

/**
 * For staff pages. A shopper is sent to the home page, as proxy.ts does, rather than shown a 403:
 * Next's forbidden() needs `experimental.authInterrupts`, and a redirect reveals nothing about
 * the console either. Store-level access is checked per page and per action (canActOnStore).
 */
export async function requireStaff(returnTo = '/staff'): Promise<SessionUser> {
  const user = await requireUser(returnTo);
  if (user.role !== 'staff' && user.role !== 'admin') redirect(await inRequestLocale('/'));
  return user;
}

/**
 * For back-office pages (/admin): admins and catalogue staff. The role is read from the database,
 * not the session token (a person moved off the catalogue since signing in is refused at once).
 * Anyone else is sent to the home page, as proxy.ts does, with nothing of the back office revealed.
 */
export async function requireBackOffice(returnTo = '/admin'): Promise<SessionUser> {
  const user = await requireUser(returnTo);
  const role = (await getUserById(user.id))?.role;
  if (!isBackOfficeRole(role)) redirect(await inRequestLocale('/'));
  return { ...user, role: role! };
}
