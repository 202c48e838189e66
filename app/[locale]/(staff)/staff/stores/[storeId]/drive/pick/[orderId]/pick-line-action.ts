'use server';
import { refresh } from 'next/cache';
import { z } from 'zod';
import { staffAction } from '@/lib/actions/builder';
import { idSchema } from '@/lib/actions/inputs';
import { done, refuse } from '@/lib/actions/state';
import { interpolate } from '@/lib/i18n/format';
import { wholeNumber } from '@/lib/input/integer';
import { pickLine } from '@/lib/orders/picking';

const pickSchema = z.object({
  storeId: idSchema,
  orderId: idSchema,
  lineId: idSchema,
  found: wholeNumber(0, 10_000),
  /** Absent ("No substitute"): the line is short, or picked whole. */
  substituteSkuId: idSchema.optional(),
});

/**
 * One line of a drive order picked: whole, short, or with a substitute (staff of the store the form
 * names; the command finds no order of another store). The substitute's stock is held at once.
 */
export const pickLineAction = staffAction('drive')
  .form(pickSchema, (error, { t }) =>
    error.issues.some((i) => i.path[0] === 'found') ? refuse(t.orders.pickInvalidFound, { found: t.orders.pickInvalidFound }) : refuse(t.orders.invalidRequest),
  )
  .stamped()
  .run(async ({ input: { storeId, orderId, lineId, found, substituteSkuId }, user, t }) => {
    const order = await pickLine({ orderId, locationId: storeId, actorId: user.id, lineId, found, substituteSkuId: substituteSkuId ?? null });
    refresh();
    return done(interpolate(t.orders.pickedMsg, { number: order.number }));
  });
