'use server';
import { done } from '@/lib/actions/state';
import { cancelReservationByStaff } from '@/lib/reservations/commands';
import { pickupDesk, revalidateDesk } from './pickup-action-support';

/** The desk cancels (item damaged, customer called): the held units go back on sale. */
export const cancelReservationAction = pickupDesk.run(async ({ input: { storeId, reservationId }, user, t }) => {
  await cancelReservationByStaff({ reservationId, storeId, actorId: user.id });
  revalidateDesk(storeId);
  return done(t.pickup.cancelled);
});
