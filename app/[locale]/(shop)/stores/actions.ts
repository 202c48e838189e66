'use server';
import { refresh } from 'next/cache';
import { z } from 'zod';
import { publicAction } from '@/lib/actions/builder';
import { idSchema } from '@/lib/actions/inputs';
import { done, refuse } from '@/lib/actions/state';
import { interpolate } from '@/lib/i18n/format';
import { chooseMyStore } from '@/lib/stores/my-store';

/**
 * Remembers the shopper's store in a cookie, and on their account when signed in (chooseMyStore).
 * The locator's cards post the same choice to app/api/my-store before the page's script has run.
 */
export const makeMyStore = publicAction('stores')
  .form(z.object({ storeId: idSchema }))
  .run(async ({ input: { storeId }, user, t }) => {
    const store = await chooseMyStore(storeId, user?.id ?? null);
    if (!store) return refuse(t.stores.myStoreUnknown);
    // The page re-renders with the new cookie. Not revalidatePath: nothing cached on the server
    // belongs to a visitor, and expiring every cached page for one shopper's choice would make each
    // one render again for everyone.
    refresh();
    return done(interpolate(t.stores.myStoreSaved, { store: store.name }));
  });
