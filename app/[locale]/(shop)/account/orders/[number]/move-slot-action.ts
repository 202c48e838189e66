'use server';
import { refresh } from 'next/cache';
import { z } from 'zod';
import { shopperAction, refreshOnRefusal } from '@/lib/actions/builder';
import { idSchema } from '@/lib/actions/inputs';
import { done, refuse } from '@/lib/actions/state';
import { moveOrderSlot } from '@/lib/orders/fulfilment';

/**
 * Moves one of the shopper's own drive orders to another slot of its store, before the cut-off.
 * Refused, the page shows the order as it is now (it may have moved on meanwhile).
 */
export const moveSlotAction = shopperAction('orders')
  .form(z.object({ orderId: idSchema, slotId: idSchema }), (error, { t }) =>
    refuse(error.issues.some((i) => i.path[0] === 'slotId') ? t.orders.slotRequired : t.orders.invalidRequest),
  )
  .refused(refreshOnRefusal)
  .run(async ({ input, user, t }) => {
    await moveOrderSlot({ ...input, customerId: user.id });
    refresh();
    return done(t.orders.moved);
  });
