'use server';
import { refresh } from 'next/cache';
import { z } from 'zod';
import { refreshOnRefusal, shopperAction } from '@/lib/actions/builder';
import { idSchema } from '@/lib/actions/inputs';
import { done } from '@/lib/actions/state';
import { answerSubstitute } from '@/lib/orders/picking';
import { SUBSTITUTE_ANSWERS } from '@/lib/orders/schema';

const answerSchema = z.object({ orderId: idSchema, lineId: idSchema, answer: z.enum(SUBSTITUTE_ANSWERS) });

/** Accept or refuse a substitute proposed on one of the shopper's own drive orders (scoped to the session's customer). */
export const answerSubstituteAction = shopperAction('orders')
  .form(answerSchema)
  .refused(refreshOnRefusal)
  .run(async ({ input: { orderId, lineId, answer }, user, t }) => {
    await answerSubstitute({ orderId, lineId, answer, customerId: user.id });
    refresh();
    return done(answer === 'accepted' ? t.orders.answerAcceptedMsg : t.orders.answerRefusedMsg);
  });
