import 'server-only';
import { canActOnStore, getSessionUser } from '@/lib/auth/guards';
import { getStoreById } from '@/lib/stores/queries';

export type DriveAccess = { ok: true; storeId: number } | { ok: false; response: Response };

const refuse = (status: number, error: string): DriveAccess => ({ ok: false, response: Response.json({ error }, { status }) });

/**
 * Who may read a store's drive: a signed-in staff member of that store, or an admin — decided from
 * the database (canActOnStore), not the session token alone. Signed out: 401; a shopper: 403; not
 * a member, no such store, or a store without drive: the same 404, so nothing about other stores leaks.
 */
export async function checkDriveAccess(rawStoreId: string): Promise<DriveAccess> {
  const user = await getSessionUser();
  if (!user) return refuse(401, 'Sign in as staff.');
  if (user.role !== 'staff' && user.role !== 'admin') return refuse(403, 'Staff only.');
  const storeId = /^\d{1,9}$/.test(rawStoreId) ? Number(rawStoreId) : null;
  if (storeId === null || !(await canActOnStore(user.id, storeId))) return refuse(404, 'No such drive.');
  const store = await getStoreById(storeId);
  if (!store?.services.includes('drive')) return refuse(404, 'No such drive.');
  return { ok: true, storeId };
}
