'use server';
import { refresh } from 'next/cache';
import { z } from 'zod';
import { publicAction, refreshOnRefusal } from '@/lib/actions/builder';
import { idSchema } from '@/lib/actions/inputs';
import { done, refuse } from '@/lib/actions/state';
import { setQuantity } from '@/lib/cart/commands';
import { cartLimits } from '@/lib/cart/config';
import { existingCartId } from '@/lib/cart/identity';
import { interpolate } from '@/lib/i18n/format';

/** The stepper's arguments: which line, and how many (0 removes it; the most a line holds is configured). */
const stepSchema = z
  .tuple([
    idSchema,
    z
      .number()
      .int()
      .min(0)
      .refine((q) => q <= cartLimits().maxPerLine),
  ])
  .transform(([skuId, quantity]) => ({ skuId, quantity }));

/** The quantity stepper: sets one line of this visitor's own cart. */
export const setQuantityAction = publicAction('cart')
  .call(stepSchema, (error, { t }) => {
    const badQuantity = error.issues.some((i) => i.path[0] === 1);
    return refuse(badQuantity ? interpolate(t.cart.quantityRange, { max: cartLimits().maxPerLine }) : t.cart.invalidRequest);
  })
  .refused(refreshOnRefusal)
  .run(async ({ input: { skuId, quantity }, t }) => {
    const cartId = await existingCartId();
    if (cartId === null) return refuse(t.cart.cartNotFound);
    await setQuantity(cartId, skuId, quantity);
    refresh();
    return done(t.cart.updated);
  });
