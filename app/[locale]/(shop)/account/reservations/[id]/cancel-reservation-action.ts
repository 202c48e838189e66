'use server';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { shopperAction } from '@/lib/actions/builder';
import { idSchema } from '@/lib/actions/inputs';
import { done } from '@/lib/actions/state';
import { cancelReservationByCustomer } from '@/lib/reservations/commands';

/**
 * The shopper cancels one of their own reservations. The command is scoped to the session's
 * customer, so someone else's id is "not found", exactly like an unknown one. Refused too, the
 * page is read again: it was collected or expired meanwhile, and must show what it is now.
 */
export const cancelReservationAction = shopperAction('reservations')
  .form(z.object({ reservationId: idSchema }))
  .refused((refusal, { input }) => {
    if (input) revalidateReservation(input.reservationId);
    return refusal;
  })
  .run(async ({ input: { reservationId }, user, t }) => {
    await cancelReservationByCustomer({ reservationId, customerId: user.id });
    revalidateReservation(reservationId);
    return done(t.reservations.cancelled);
  });

function revalidateReservation(id: number): void {
  revalidatePath(`/account/reservations/${id}`);
  revalidatePath('/account/reservations');
}
