import 'server-only';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { staffAction } from '@/lib/actions/builder';
import { idSchema } from '@/lib/actions/inputs';

/** The desk page and the stock page (on hand changes when goods are handed over). */
export function revalidateDesk(storeId: number): void {
  revalidatePath(`/staff/stores/${storeId}`, 'layout');
}

/**
 * The pickup desk's forms: the store it acts for and one of its reservations, both from the
 * request (membership of that store is checked; another store's reservation reads as "not found
 * here", like one that does not exist). A refusal means the desk was stale — a colleague or the
 * expiry sweep got there first — so the desk is read again too.
 */
export const pickupDesk = staffAction('pickup')
  .form(z.object({ storeId: idSchema, reservationId: idSchema }))
  .stamped()
  .refused((refusal, { input }) => {
    if (input) revalidateDesk(input.storeId);
    return refusal;
  });
