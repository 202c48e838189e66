'use server';
import { refresh } from 'next/cache';
import { z } from 'zod';
import { publicAction, refreshOnRefusal } from '@/lib/actions/builder';
import { idSchema } from '@/lib/actions/inputs';
import { done, refuse } from '@/lib/actions/state';
import { removeLine } from '@/lib/cart/commands';
import { existingCartId } from '@/lib/cart/identity';

/** Removes one line from this visitor's own cart (found from session or cookie); a line already gone is not an error. */
export const removeLineAction = publicAction('cart')
  .call(z.tuple([idSchema]).transform(([skuId]) => ({ skuId })))
  .refused(refreshOnRefusal)
  .run(async ({ input: { skuId }, t }) => {
    const cartId = await existingCartId();
    if (cartId === null) return refuse(t.cart.cartNotFound);
    await removeLine(cartId, skuId);
    refresh();
    return done(t.cart.updated);
  });
