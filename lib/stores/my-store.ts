import 'server-only';
import { eq } from 'drizzle-orm';
import { cookies } from 'next/headers';
import { cache } from 'react';
import { getDb } from '@/lib/db/client';
import { MY_STORE_COOKIE, parseMyStoreId } from './my-store-id';
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
