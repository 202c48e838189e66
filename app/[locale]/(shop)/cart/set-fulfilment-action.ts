'use server';
import { formAction } from '@/lib/http/form-action';
import { initialCartActionState } from '@/components/cart/form-state';
import { refresh } from 'next/cache';
import { z } from 'zod';
import type { CartActionState } from '@/components/cart/form-state';
import { setFulfilment } from '@/lib/cart/commands';
import { cartIdForWrite } from '@/lib/cart/identity';
import { getI18n } from '@/lib/i18n/server';
import { cartRefusal, idSchema, refused } from './cart-refusal';

const fulfilmentSchema = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('delivery') }),
  // No store yet ('' from the picker's placeholder): drive is chosen, the store comes next.
  z.object({ mode: z.literal('drive'), storeId: z.union([z.literal('').transform(() => null), idSchema]).optional() }),
]);

/** Home delivery or drive pickup (at a drive store) for this visitor's own cart. */
async function setFulfilmentActionUnchecked(_prev: CartActionState, formData: FormData): Promise<CartActionState> {
  const { t } = await getI18n();
  const parsed = fulfilmentSchema.safeParse({ mode: formData.get('mode'), storeId: formData.get('storeId') ?? undefined });
  if (!parsed.success) return refused(t.cart.invalidRequest);
  try {
    const cartId = await cartIdForWrite();
    if (parsed.data.mode === 'delivery') await setFulfilment(cartId, 'delivery');
    else await setFulfilment(cartId, 'drive', parsed.data.storeId ?? null);
  } catch (err) {
    return cartRefusal(err, t.cart);
  }
  refresh();
  return { ok: true, message: t.cart.updated };
}

/** Guarded: any argument, any text (lib/http/form-action.ts). */
export const setFulfilmentAction = formAction(initialCartActionState, setFulfilmentActionUnchecked);
