'use server';
import { z } from 'zod';
import { publicAction } from '@/lib/actions/builder';
import { idSchema } from '@/lib/actions/inputs';
import type { ActionState } from '@/lib/actions/state';
import { addToCart, assertKnownSku } from '@/lib/cart/commands';
import { cartLimits } from '@/lib/cart/config';
import { cartIdForWrite, currentCartRef } from '@/lib/cart/identity';
import { getCartCount } from '@/lib/cart/queries';
import { interpolate } from '@/lib/i18n/format';

/** "Add to cart": one unit of the chosen SKU into this visitor's own cart (found from session or cookie), and the cart's new count. */
export const addToCartAction = publicAction('cart')
  .form(z.object({ skuId: idSchema }))
  .run<ActionState<{ count: number }>>(async ({ input: { skuId }, t }) => {
    await assertKnownSku(skuId); // before the cart is made: a refusal writes nothing
    const cartId = await cartIdForWrite();
    const { capped } = await addToCart(cartId, skuId, 1);
    const count = await getCartCount(await currentCartRef());
    // No refresh(): the header's cart badge is read by the browser (AddToCartButton re-reads it).
    if (capped) return { ok: false, message: interpolate(t.cart.addedCapped, { max: cartLimits().maxPerLine }), count };
    return { ok: true, message: interpolate(t.cart.added, { count }), count };
  });
