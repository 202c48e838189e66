'use server';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import type { CloseTillResult } from '@/components/staff/till/types';
import { staffAction } from '@/lib/actions/builder';
import { idSchema, idempotencyKeySchema } from '@/lib/actions/inputs';
import { refuse } from '@/lib/actions/state';
import { closeTill } from '@/lib/sales/close';

const closeSchema = z.object({
  storeId: idSchema,
  businessDay: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  idempotencyKey: idempotencyKeySchema,
});
const argsSchema = z.tuple([closeSchema]).transform(([close]) => close);

/**
 * The day's close of this store's till, for staff of the store (the builder checks membership for
 * `storeId`, and closeTill again). A second close of the day, or a retry of this one, answers
 * with the first close: the totals are counted once.
 */
export const closeTillAction = staffAction('till')
  .call(argsSchema, (_error, { t }) => refuse(t.till.closeDayInvalid))
  .run(async ({ input: { storeId, businessDay, idempotencyKey }, user }): Promise<CloseTillResult> => {
    const { closedAt, ...close } = await closeTill({ storeId, staffId: user.id, businessDay, idempotencyKey });
    revalidatePath(`/staff/stores/${storeId}/till/close`);
    return { ok: true, close: { ...close, closedAt: closedAt.toISOString() } };
  });
