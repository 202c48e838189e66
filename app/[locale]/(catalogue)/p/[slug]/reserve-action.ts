'use server';
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { inRequestLocale } from '@/lib/i18n/server';
import { z } from 'zod';
import { shopperAction } from '@/lib/actions/builder';
import { idSchema, idempotencyKeySchema } from '@/lib/actions/inputs';
import { refuse } from '@/lib/actions/state';
import { interpolate } from '@/lib/i18n/format';
import { wholeNumber } from '@/lib/input/integer';
import { findReservationByKey, placeReservation } from '@/lib/reservations/commands';
import { reservationLimits } from '@/lib/reservations/config';

/** One SKU at one shop; how many one account may hold is configured (lib/reservations/config.ts). */
const reserveSchema = z.object({
  storeId: idSchema,
  skuId: idSchema,
  quantity: wholeNumber(1, 1_000_000).refine((q) => q <= reservationLimits().maxUnitsPerSku),
  idempotencyKey: idempotencyKeySchema,
});

/**
 * "Reserve in store": one SKU at one shop, for the signed-in shopper (never a customer id from the
 * form). A key that already placed a reservation goes to it before anything else is checked
 * (limits, stock): a double tap or a resubmitted form lands on the same reservation.
 */
export const reserveAction = shopperAction('reserve')
  .form(reserveSchema, (error, { t }) => {
    // A quantity out of range says so on its field; anything else was tampered with (or a stale page).
    const fields = new Set(error.issues.map((i) => i.path[0]));
    if (fields.has('quantity')) {
      const message = interpolate(t.reservations.quantityRange, { max: reservationLimits().maxUnitsPerSku });
      return refuse(message, { quantity: message });
    }
    if (fields.has('storeId') && fields.size === 1) return refuse(t.reservations.storeRequired, { storeId: t.reservations.storeRequired });
    return refuse(t.reservations.invalidRequest);
  })
  .replay(z.object({ idempotencyKey: idempotencyKeySchema }), async ({ idempotencyKey }, { user }) => {
    const first = await findReservationByKey(user.id, idempotencyKey);
    if (first) await reserved(first.id);
  })
  .run(async ({ input: { storeId, skuId, quantity, idempotencyKey }, user, locale }) => {
    const placed = await placeReservation({ customerId: user.id, storeId, lines: [{ skuId, quantity }], idempotencyKey, locale });
    return reserved(placed.id);
  });

/** The answer to a placed reservation, the first time and on every replay of its key: its page. */
async function reserved(id: number): Promise<never> {
  revalidatePath('/account/reservations');
  redirect(await inRequestLocale(`/account/reservations/${id}`));
}
