'use server';
import { refresh } from 'next/cache';
import { z } from 'zod';
import { publicAction } from '@/lib/actions/builder';
import { idSchema } from '@/lib/actions/inputs';
import { done, refuse } from '@/lib/actions/state';
import { interpolate } from '@/lib/i18n/format';
import { saveAccountStore } from '@/lib/auth/account-store';
import { setMyStoreCookie } from '@/lib/stores/my-store';
import { getStoreById } from '@/lib/stores/queries';

/**
 * Remembers the shopper's store in a cookie, and on their account when signed in. Anyone may choose any existing store for themselves,
 * so the only check is that the store exists (a stale id would make every page look it up in vain).
 */
export const makeMyStore = publicAction('stores')
  .form(z.object({ storeId: idSchema }))
  .run(async ({ input: { storeId }, user, t }) => {
    const store = await getStoreById(storeId);
    if (!store) return refuse(t.stores.myStoreUnknown);
    await setMyStoreCookie(store.id);
    // Signed in: the choice is also the account's, so it follows the shopper to their other devices.
    if (user) await saveAccountStore(user.id, store.id);
    // The page re-renders with the new cookie. Not revalidatePath: nothing cached on the server
    // belongs to a visitor, and expiring every cached page for one shopper's choice would make each
    // one render again for everyone.
    refresh();
    return done(interpolate(t.stores.myStoreSaved, { store: store.name }));
  });
