import 'server-only';
import { sql } from 'drizzle-orm';
import { getDb } from '@/lib/db';
import { ForbiddenError } from './errors';

/**
 * Whether this person may see and change this store's stock, decided from the database (not the
 * session token, which can be days old): staff with a membership, or any admin.
 */
export async function canActOnStore(userId: number, storeId: number): Promise<boolean> {
  const db = await getDb();
  const result = await db.execute<{ allowed: boolean }>(sql`
    SELECT EXISTS (
      SELECT 1
      FROM users u
      JOIN stores s ON s.location_id = ${storeId}
      WHERE u.id = ${userId}
        AND (u.role = 'admin'
             OR (u.role = 'staff' AND EXISTS (
                   SELECT 1 FROM staff_memberships m WHERE m.user_id = u.id AND m.store_id = s.location_id)))
    ) AS allowed`);
  return result.rows[0]?.allowed === true;
}

/**
 * Every staff action calls this itself, for the store named in the request: a page guard does not
 * protect a crafted POST. An unknown store is refused the same way, so nothing is revealed.
 */
export async function assertStaffOfStore(userId: number, storeId: number): Promise<void> {
  if (!Number.isSafeInteger(userId) || !Number.isSafeInteger(storeId) || !(await canActOnStore(userId, storeId))) {
    throw new ForbiddenError();
  }
}
