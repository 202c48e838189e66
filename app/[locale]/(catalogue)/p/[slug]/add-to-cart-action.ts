'use server';
import { formAction } from '@/lib/http/form-action';
import { initialCartActionState } from '@/components/cart/form-state';
import { z } from 'zod';
import type { CartActionState } from '@/components/cart/form-state';
import { addToCart, assertKnownSku } from '@/lib/cart/commands';
import { cartLimits } from '@/lib/cart/config';
import { cartIdForWrite, currentCartRef } from '@/lib/cart/identity';
import { getCartCount } from '@/lib/cart/queries';
import { getI18n } from '@/lib/i18n/server';
import { interpolate } from '@/lib/i18n/format';
import { cartRefusal, idSchema, refused } from '../../../(shop)/cart/cart-refusal';

const addSchema = z.object({ skuId: idSchema });

/** "Add to cart": one unit of the chosen SKU into this visitor's own cart (found from session or cookie). */
async function addToCartActionUnchecked(_prev: CartActionState, formData: FormData): Promise<CartActionState> {
  const { t } = await getI18n();
  const parsed = addSchema.safeParse({ skuId: formData.get('skuId') });
  if (!parsed.success) return refused(t.cart.invalidRequest);
  let capped: boolean;
  try {
    await assertKnownSku(parsed.data.skuId); // before the cart is made: a refusal writes nothing
    const cartId = await cartIdForWrite();
    capped = (await addToCart(cartId, parsed.data.skuId, 1)).capped;
  } catch (err) {
    return cartRefusal(err, t.cart);
  }
  const count = await getCartCount(await currentCartRef());
  // No refresh(): the header's cart badge is read by the browser (AddToCartButton re-reads it).
  if (capped) return { ok: false, message: interpolate(t.cart.addedCapped, { max: cartLimits().maxPerLine }), count };
  return { ok: true, message: interpolate(t.cart.added, { count }), count };
}

/** Guarded: any argument, any text (lib/http/form-action.ts). */
export const addToCartAction = formAction(initialCartActionState, addToCartActionUnchecked);
