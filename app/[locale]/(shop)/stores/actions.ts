'use server';
import { formAction } from '@/lib/http/form-action';

import { refresh } from 'next/cache';
import { cookies } from 'next/headers';
import { z } from 'zod';
import { wholeNumber } from '@/lib/input/integer';
import { interpolate } from '@/lib/i18n/format';
import { getI18n } from '@/lib/i18n/server';
import { MY_STORE_COOKIE, MY_STORE_MAX_AGE_SECONDS } from '@/lib/stores/my-store';
import { getStoreById } from '@/lib/stores/queries';

const makeMyStoreSchema = z.object({ storeId: wholeNumber(1, 2_147_483_647) });

export type MakeMyStoreState = { ok: boolean; message: string } | null;

/**
 * Remembers the shopper's store in a cookie. Anyone may choose any existing store for themselves,
 * so the only check is that the store exists (a stale id would make every page look it up in vain).
 */
async function makeMyStoreUnchecked(_prev: MakeMyStoreState, formData: FormData): Promise<MakeMyStoreState> {
  const { t } = await getI18n();
  const parsed = makeMyStoreSchema.safeParse({ storeId: formData.get('storeId') });
  const store = parsed.success ? await getStoreById(parsed.data.storeId) : null;
  if (!store) return { ok: false, message: t.stores.myStoreUnknown };

  (await cookies()).set(MY_STORE_COOKIE, String(store.id), {
    maxAge: MY_STORE_MAX_AGE_SECONDS,
    path: '/',
    sameSite: 'lax',
    httpOnly: false,
  });
  // The page re-renders with the new cookie. Not revalidatePath: nothing cached on the server
  // belongs to a visitor, and expiring every cached page for one shopper's choice would make each
  // one render again for everyone.
  refresh();
  return { ok: true, message: interpolate(t.stores.myStoreSaved, { store: store.name }) };
}

/** Guarded: any argument, any text (lib/http/form-action.ts). */
export const makeMyStore = formAction(null, makeMyStoreUnchecked);
