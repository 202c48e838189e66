'use server';
import { done } from '@/lib/actions/state';
import { formatPrice, interpolate } from '@/lib/i18n/format';
import { collectReservation } from '@/lib/reservations/commands';
import { pickupDesk, revalidateDesk } from './pickup-action-support';

/** Payment taken at the desk: the goods leave the shelf and the sale is recorded for the customer. */
export const handOverAction = pickupDesk.run(async ({ input: { storeId, reservationId }, user, t, locale }) => {
  const sale = await collectReservation({ reservationId, storeId, actorId: user.id });
  revalidateDesk(storeId);
  return done(interpolate(t.pickup.handedOver, { total: formatPrice(sale.totalCents, locale), saleId: sale.saleId }));
});
