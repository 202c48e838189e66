import 'server-only';
import { and, desc, eq, sql } from 'drizzle-orm';
import { getDb, type Db } from '@/lib/db';
import { pgConstraint, pgErrorCode, PG_UNIQUE_VIOLATION } from '@/lib/errors';
import type { DeliveryAddress } from '@/lib/orders/address';
import { savedAddresses } from './schema';

/*
 * A shopper's address book (issue 19, "an account that remembers"): each home-delivery order
 * remembers its address in the order's own transaction, checkout offers them most recent first, the
 * account edits and removes them. One row per place as a person tells them apart — the unique index
 * of migration 0025 folds case and spacing — so ordering again to the same place only brings it
 * first. At most MAX_SAVED per shopper: the least recently used goes when a new one comes.
 */
export const MAX_SAVED = 10;

export type SavedAddress = DeliveryAddress & { id: number; lastUsedAt: Date };

/** An edit that would make the address the same place as another of the shopper's. */
export class SameAddressError extends Error {
  constructor() {
    super('the shopper already has this address');
    this.name = 'SameAddressError';
  }
}

const validId = (id: number) => Number.isSafeInteger(id) && id > 0 && id <= 2_147_483_647;
const folded = (column: string) => sql.raw(`lower(regexp_replace(btrim(${column}), '\\s+', ' ', 'g'))`);

/**
 * Remembers a delivery address, inside the caller's transaction (placing the order): a new place is
 * added, a known one moves first with the phone last given; past MAX_SAVED the oldest goes.
 */
export async function rememberAddress(tx: Db, userId: number, a: DeliveryAddress): Promise<void> {
  // Raw SQL: ON CONFLICT names the unique index's expressions (case and spacing folded).
  await tx.execute(sql`
    INSERT INTO saved_addresses (user_id, name, address, postcode, town, phone)
    VALUES (${userId}, ${a.name.trim()}, ${a.address.trim()}, ${a.postcode.trim()}, ${a.town.trim()}, ${a.phone})
    ON CONFLICT (user_id, ${folded('name')}, ${folded('address')}, postcode, ${folded('town')})
    DO UPDATE SET last_used_at = now(), phone = CASE WHEN EXCLUDED.phone <> '' THEN EXCLUDED.phone ELSE saved_addresses.phone END`);
  await tx.execute(sql`
    DELETE FROM saved_addresses WHERE user_id = ${userId} AND id NOT IN (
      SELECT id FROM saved_addresses WHERE user_id = ${userId} ORDER BY last_used_at DESC, id DESC LIMIT ${MAX_SAVED})`);
}

const columns = {
  id: savedAddresses.id,
  name: savedAddresses.name,
  address: savedAddresses.address,
  postcode: savedAddresses.postcode,
  town: savedAddresses.town,
  phone: savedAddresses.phone,
  lastUsedAt: savedAddresses.lastUsedAt,
};

/** The shopper's addresses, the most recently used first. */
export async function listSavedAddresses(userId: number): Promise<SavedAddress[]> {
  if (!validId(userId)) return [];
  const db = await getDb();
  return db.select(columns).from(savedAddresses).where(eq(savedAddresses.userId, userId)).orderBy(desc(savedAddresses.lastUsedAt), desc(savedAddresses.id));
}

/** One of the shopper's addresses; null when it is not theirs (or does not exist). */
export async function getSavedAddress(userId: number, id: number): Promise<SavedAddress | null> {
  if (!validId(userId) || !validId(id)) return null;
  const db = await getDb();
  const [row] = await db
    .select(columns)
    .from(savedAddresses)
    .where(and(eq(savedAddresses.id, id), eq(savedAddresses.userId, userId)));
  return row ?? null;
}

/** Changes one of the shopper's addresses. False when it is not theirs; SameAddressError when it would repeat another. */
export async function updateSavedAddress(userId: number, id: number, a: DeliveryAddress): Promise<boolean> {
  if (!validId(userId) || !validId(id)) return false;
  const db = await getDb();
  try {
    const rows = await db
      .update(savedAddresses)
      .set({ name: a.name.trim(), address: a.address.trim(), postcode: a.postcode.trim(), town: a.town.trim(), phone: a.phone })
      .where(and(eq(savedAddresses.id, id), eq(savedAddresses.userId, userId)))
      .returning({ id: savedAddresses.id });
    return rows.length === 1;
  } catch (err) {
    if (pgErrorCode(err) === PG_UNIQUE_VIOLATION && pgConstraint(err) === 'saved_addresses_same_place') throw new SameAddressError();
    throw err;
  }
}

/** Forgets one of the shopper's addresses. False when it is not theirs (already gone: nothing to do). */
export async function removeSavedAddress(userId: number, id: number): Promise<boolean> {
  if (!validId(userId) || !validId(id)) return false;
  const db = await getDb();
  const rows = await db
    .delete(savedAddresses)
    .where(and(eq(savedAddresses.id, id), eq(savedAddresses.userId, userId)))
    .returning({ id: savedAddresses.id });
  return rows.length === 1;
}
