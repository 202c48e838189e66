'use server';
import { refresh } from 'next/cache';
import { shopperAction, refreshOnRefusal } from '@/lib/actions/builder';
import { orderIdSchema } from '@/lib/actions/inputs';
import { done } from '@/lib/actions/state';
import { cancelOrderByCustomer } from '@/lib/orders/fulfilment';

/**
 * The shopper cancels one of their own orders: scoped to the session's customer, so someone
 * else's id is "not found", exactly like an unknown one. Slot and stock are given back.
 */
export const cancelOrderAction = shopperAction('orders')
  .form(orderIdSchema)
  .refused(refreshOnRefusal)
  .run(async ({ input: { orderId }, user, t }) => {
    await cancelOrderByCustomer({ orderId, customerId: user.id });
    refresh();
    return done(t.orders.cancelled);
  });
