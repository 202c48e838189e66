import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import { getDb } from '@/lib/db';
import { storeRowsSql } from '@/lib/stores/read';
import { users } from './schema';

/*
 * "My store" on the account (users.my_store_id), so that it follows the shopper to every device.
 * The pages still read the my-store cookie (they are kept whole and the browser works out which
 * store is the visitor's); the account is what fills that cookie on a device where the shopper signs
 * in. A store that no longer exists is never saved: the statements take the id only when it names a
 * store, in the same statement, and the foreign key sets it back to null when a store is deleted.
 */

const validId = (id: number) => Number.isSafeInteger(id) && id > 0 && id <= 2_147_483_647;

const existingStore = (storeId: number) => sql<number | null>`(SELECT s.location_id FROM ${storeRowsSql} s WHERE s.location_id = ${storeId})`;

/** Saves the shopper's choice on their account. False when there is no such account or store. */
export async function saveAccountStore(userId: number, storeId: number): Promise<boolean> {
  if (!validId(userId) || !validId(storeId)) return false;
  const db = await getDb();
  const rows = await db
    .update(users)
    .set({ myStoreId: sql`${existingStore(storeId)}` })
    .where(and(eq(users.id, userId), sql`${existingStore(storeId)} IS NOT NULL`))
    .returning({ id: users.id });
  return rows.length === 1;
}

/**
 * At sign-in: the store this device should show. The account's store wins (chosen on another
 * device); an account without one takes the store this device had chosen signed out (`deviceStoreId`,
 * when it names a store), in one conditional update, so two devices signing in at once cannot both
 * "win". Null when neither has one.
 */
export async function settleAccountStore(userId: number, deviceStoreId: number | null): Promise<number | null> {
  if (!validId(userId)) return null;
  const db = await getDb();
  const fromDevice = deviceStoreId !== null && validId(deviceStoreId) ? existingStore(deviceStoreId) : sql`NULL::integer`;
  const [row] = await db
    .update(users)
    .set({ myStoreId: sql`COALESCE(${users.myStoreId}, ${fromDevice})` })
    .where(eq(users.id, userId))
    .returning({ storeId: users.myStoreId });
  return row?.storeId ?? null;
}

/** The store saved on an account, or null. */
export async function getAccountStore(userId: number): Promise<number | null> {
  if (!validId(userId)) return null;
  const db = await getDb();
  const [row] = await db.select({ storeId: users.myStoreId }).from(users).where(eq(users.id, userId)).limit(1);
  return row?.storeId ?? null;
}
