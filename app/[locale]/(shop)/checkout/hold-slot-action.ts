'use server';
import { z } from 'zod';
import { shopperAction } from '@/lib/actions/builder';
import { idSchema } from '@/lib/actions/inputs';
import { refuse } from '@/lib/actions/state';
import { getCart } from '@/lib/cart/queries';
import { holdSlot } from '@/lib/drive/commands';

/**
 * The shopper picks a slot at checkout: it is kept for them for 10 minutes at the drive store of
 * their own cart (the store never comes from the request). Choosing another moves the one hold.
 */
export const holdSlotAction = shopperAction('orders')
  .call(
    z.tuple([idSchema]).transform(([slotId]) => ({ slotId })),
    (_error, { t }) => refuse(t.drive.drive_slot_not_found),
  )
  .run(async ({ input: { slotId }, user, t, locale }) => {
    const cart = await getCart({ customerId: user.id }, locale);
    if (!cart || cart.fulfilment !== 'drive' || cart.driveStoreId === null) return refuse(t.orders.chooseDriveStore);
    const hold = await holdSlot({ storeId: cart.driveStoreId, slotId, holder: { customerId: user.id } });
    return { ok: true as const, slotId: hold.slotId, expiresAt: hold.expiresAt.toISOString() };
  });
