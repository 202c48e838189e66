import 'server-only';
import { eq } from 'drizzle-orm';
import { cookies } from 'next/headers';
import { cache } from 'react';
import { saveAccountStore, settleAccountStore } from '@/lib/auth/account-store';
import { getDb } from '@/lib/db/client';
import { MY_STORE_COOKIE, MY_STORE_MAX_AGE_SECONDS, parseMyStoreId } from './my-store-id';
import { getStoreById, type StoreSummary } from './queries';
import { stores } from './schema';

/** "My store" is remembered in a long-lived cookie (and on the account, once signed in). */
export { MY_STORE_COOKIE, MY_STORE_MAX_AGE_SECONDS } from './my-store-id';

/** `drive`: the store offers drive pickup (it is then the visitor's drive store too). */
export type MyStore = { id: number; slug: string; name: string; town: string; drive: boolean };

export async function getMyStoreId(): Promise<number | null> {
  return parseMyStoreId((await cookies()).get(MY_STORE_COOKIE)?.value);
}

/**
 * The shopper's chosen store, or null when none is chosen or the cookie names a store that no
 * longer exists. Cached per request: the header and the page both ask.
 */
export const getMyStore = cache(async (): Promise<MyStore | null> => {
  const id = await getMyStoreId();
  if (id === null) return null;
  const db = await getDb();
  const [row] = await db
    .select({ id: stores.locationId, slug: stores.slug, name: stores.name, town: stores.town, drive: stores.drive })
    .from(stores)
    .where(eq(stores.locationId, id))
    .limit(1);
  return row ?? null;
});

/** Sets the my-store cookie (readable by the browser: it holds only a public store id). */
export async function setMyStoreCookie(storeId: number): Promise<void> {
  (await cookies()).set(MY_STORE_COOKIE, String(storeId), { maxAge: MY_STORE_MAX_AGE_SECONDS, path: '/', sameSite: 'lax', httpOnly: false });
}

/**
 * Makes a store the visitor's: the cookie, and the account's store when signed in, so the choice
 * follows the shopper to their other devices. Anyone may choose any existing store for themselves;
 * null when there is no such store (a stale id would make every page look it up in vain).
 */
export async function chooseMyStore(storeId: number, userId: number | null): Promise<StoreSummary | null> {
  const store = await getStoreById(storeId);
  if (!store) return null;
  await setMyStoreCookie(store.id);
  if (userId !== null) await saveAccountStore(userId, store.id);
  return store;
}

/**
 * The sign-in and sign-up actions' hook: the store saved on the account comes to this device (chosen
 * on another one); an account without a store takes this device's. Like the cart's merge, a failure
 * here must not stop anyone from signing in: the device keeps the store it had.
 */
export async function myStoreAtSignIn(userId: number): Promise<void> {
  try {
    const device = await getMyStoreId();
    const settled = await settleAccountStore(userId, device);
    if (settled !== null && settled !== device) await setMyStoreCookie(settled);
  } catch (err) {
    console.error('[stores] my store at sign-in failed', err);
  }
}
