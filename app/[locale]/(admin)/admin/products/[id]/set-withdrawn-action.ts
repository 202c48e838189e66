'use server';
import { refresh } from 'next/cache';
import { backOfficeAction } from '@/lib/actions/builder';
import { done } from '@/lib/actions/state';
import { setProductWithdrawn } from '@/lib/catalog/commands';
import { withdrawSchema } from '@/lib/catalog/back-office-params';

/** Withdraws a product from sale, or puts it back: once (a second click changes nothing). */
export const setWithdrawnAction = backOfficeAction('back-office')
  .form(withdrawSchema)
  .run(async ({ input, user, t }) => {
    await setProductWithdrawn({ type: 'user', userId: user.id, name: user.name }, input);
    refresh();
    return done(input.withdrawn ? t.backOffice.withdrawn : t.backOffice.restored);
  });
