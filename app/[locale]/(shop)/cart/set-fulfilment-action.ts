'use server';
import { refresh } from 'next/cache';
import { z } from 'zod';
import { publicAction } from '@/lib/actions/builder';
import { idSchema } from '@/lib/actions/inputs';
import { done } from '@/lib/actions/state';
import { setFulfilment } from '@/lib/cart/commands';
import { cartIdForWrite } from '@/lib/cart/identity';

const fulfilmentSchema = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('delivery') }),
  // No store yet (the picker's empty placeholder): drive is chosen, the store comes next.
  z.object({ mode: z.literal('drive'), storeId: idSchema.optional() }),
]);

/** Home delivery or drive pickup (at a drive store) for this visitor's own cart. */
export const setFulfilmentAction = publicAction('cart')
  .form(fulfilmentSchema)
  .run(async ({ input, t }) => {
    const cartId = await cartIdForWrite();
    if (input.mode === 'delivery') await setFulfilment(cartId, 'delivery');
    else await setFulfilment(cartId, 'drive', input.storeId ?? null);
    refresh();
    return done(t.cart.updated);
  });
