'use server';
import { withOutageRefusal } from '@/lib/http/action-outage';
import { refresh } from 'next/cache';
import type { CartActionState } from '@/components/cart/form-state';
import { removeLine } from '@/lib/cart/commands';
import { existingCartId } from '@/lib/cart/identity';
import { getI18n } from '@/lib/i18n/server';
import { cartRefusal, idSchema, refused } from './cart-refusal';

/** Removes one line from this visitor's own cart; a line already gone is not an error. */
async function removeLineActionUnchecked(skuId: number): Promise<CartActionState> {
  const { t } = await getI18n();
  const parsed = idSchema.safeParse(skuId);
  if (!parsed.success) return refused(t.cart.invalidRequest);
  const cartId = await existingCartId();
  if (cartId === null) return refused(t.cart.cartNotFound);
  try {
    await removeLine(cartId, parsed.data);
  } catch (err) {
    refresh(); // the page shows the cart as it really is (a line removed in another tab is gone)
    return cartRefusal(err, t.cart);
  }
  refresh();
  return { ok: true, message: t.cart.updated };
}

/** A database that cannot be reached is answered with a refusal the screen shows (lib/http/action-outage.ts). */
export const removeLineAction = withOutageRefusal(removeLineActionUnchecked);
