import 'server-only';
import { and, eq, exists, or, sql } from 'drizzle-orm';
import { getDb } from '@/lib/db';
import { storeFacts } from '@/lib/stores/read';
import { staffMemberships, users } from './schema';
import { ForbiddenError } from './errors';

/**
 * Whether this person may see and change this store's stock, decided from the database (not the
 * session token, which can be days old): staff with a membership, or any admin.
 */
export async function canActOnStore(userId: number, storeId: number): Promise<boolean> {
  const db = await getDb();
  const [allowed] = await db
    .select({ id: users.id })
    .from(users)
    .innerJoin(storeFacts, eq(storeFacts.locationId, storeId))
    .where(
      and(
        eq(users.id, userId),
        or(
          eq(users.role, 'admin'),
          and(
            eq(users.role, 'staff'),
            exists(
              db
                .select({ one: sql`1` })
                .from(staffMemberships)
                .where(and(eq(staffMemberships.userId, users.id), eq(staffMemberships.storeId, storeFacts.locationId))),
            ),
          ),
        ),
      ),
    )
    .limit(1);
  return allowed !== undefined;
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
