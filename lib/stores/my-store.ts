import 'server-only';
import { cookies } from 'next/headers';

/** "My store" is remembered in a long-lived cookie (and on the account, once signed in). */
export const MY_STORE_COOKIE = 'my_store';

export async function getMyStoreId(): Promise<number | null> {
  const raw = (await cookies()).get(MY_STORE_COOKIE)?.value;
  const id = raw ? Number.parseInt(raw, 10) : NaN;
  return Number.isSafeInteger(id) && id > 0 ? id : null;
}
