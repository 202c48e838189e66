'use server';
import { withOutageRefusal } from '@/lib/http/action-outage';
import { refresh } from 'next/cache';
import { z } from 'zod';
import type { CartActionState } from '@/components/cart/form-state';
import { setQuantity } from '@/lib/cart/commands';
import { cartLimits } from '@/lib/cart/config';
import { existingCartId } from '@/lib/cart/identity';
import { getI18n } from '@/lib/i18n/server';
import { interpolate } from '@/lib/i18n/format';
import { cartRefusal, idSchema, refused } from './cart-refusal';

/** The quantity stepper: sets one line of this visitor's own cart (0 removes it). */
async function setQuantityActionUnchecked(skuId: number, quantity: number): Promise<CartActionState> {
  const { t } = await getI18n();
  const { maxPerLine } = cartLimits();
  const parsed = z.object({ skuId: idSchema, quantity: z.number().int().min(0).max(maxPerLine) }).safeParse({ skuId, quantity });
  if (!parsed.success) {
    const badQuantity = parsed.error.issues.some((i) => i.path[0] === 'quantity');
    return refused(badQuantity ? interpolate(t.cart.quantityRange, { max: maxPerLine }) : t.cart.invalidRequest);
  }
  const cartId = await existingCartId();
  if (cartId === null) return refused(t.cart.cartNotFound);
  try {
    await setQuantity(cartId, parsed.data.skuId, parsed.data.quantity);
  } catch (err) {
    refresh(); // the page shows the cart as it really is (a line removed in another tab is gone)
    return cartRefusal(err, t.cart);
  }
  refresh();
  return { ok: true, message: t.cart.updated };
}

/** A database that cannot be reached is answered with a refusal the screen shows (lib/http/action-outage.ts). */
export const setQuantityAction = withOutageRefusal(setQuantityActionUnchecked);
