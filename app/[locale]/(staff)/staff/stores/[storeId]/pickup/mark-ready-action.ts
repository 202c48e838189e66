'use server';
import { done } from '@/lib/actions/state';
import { formatDateTime, interpolate } from '@/lib/i18n/format';
import { markReservationReady } from '@/lib/reservations/commands';
import { pickupDesk, revalidateDesk } from './pickup-action-support';

/** Picked and set aside: the customer is told, and the pickup deadline starts. */
export const markReadyAction = pickupDesk.run(async ({ input: { storeId, reservationId }, user, t, locale }) => {
  const { expiresAt } = await markReservationReady({ reservationId, storeId, actorId: user.id });
  revalidateDesk(storeId);
  return done(interpolate(t.pickup.markedReady, { deadline: formatDateTime(expiresAt, locale) }));
});
