'use server';
import { refresh } from 'next/cache';
import { z } from 'zod';
import { shopperAction, refreshOnRefusal } from '@/lib/actions/builder';
import { idSchema } from '@/lib/actions/inputs';
import { done } from '@/lib/actions/state';
import { formatTime, interpolate } from '@/lib/i18n/format';
import { markArrived } from '@/lib/orders/fulfilment';

const arrivalSchema = z.object({ orderId: idSchema, bay: z.string().trim().max(12).optional().default('') });

/** "I'm here" on one of the shopper's own drive orders (scoped to the session's customer). */
export const markArrivedAction = shopperAction('orders')
  .form(arrivalSchema)
  .refused(refreshOnRefusal)
  .run(async ({ input: { orderId, bay }, user, t, locale }) => {
    const { arrivedAt } = await markArrived({ orderId, customerId: user.id, bay });
    refresh();
    return done(interpolate(t.orders.arrivedAt, { time: formatTime(arrivedAt, locale) }));
  });
