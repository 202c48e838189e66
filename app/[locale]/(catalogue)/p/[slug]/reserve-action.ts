'use server';
import { formAction } from '@/lib/http/form-action';
import { initialReservationFormState } from '@/components/reservations/form-state';
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import type { ReservationFormState } from '@/components/reservations/form-state';
import { getSessionUser } from '@/lib/auth/guards';
import { getI18n } from '@/lib/i18n/server';
import { findReservationByKey, placeReservation } from '@/lib/reservations/commands';
import { reservationLimits } from '@/lib/reservations/config';
import { invalidReservationInput, reservationRefusal, reserveKeySchema, reserveSchema } from '../../../(shop)/account/reservations/reservation-refusal';

/** "Reserve in store": one SKU at one shop, for the signed-in shopper (never a customer id from the form). */
async function reserveActionUnchecked(_prev: ReservationFormState, formData: FormData): Promise<ReservationFormState> {
  const { t } = await getI18n();
  const user = await getSessionUser();
  if (!user) return { ok: false, message: t.reservations.signInAgain, fieldErrors: {} };
  // A key that already placed a reservation goes to it before anything else is checked (limits, stock).
  const key = reserveKeySchema.safeParse(formData.get('idempotencyKey'));
  if (key.success) {
    let first: Awaited<ReturnType<typeof findReservationByKey>>;
    try {
      first = await findReservationByKey(user.id, key.data);
    } catch (err) {
      return reservationRefusal(err, t.reservations, 'place');
    }
    if (first) reserved(first.id);
  }
  const { maxUnitsPerSku } = reservationLimits();
  const parsed = reserveSchema(maxUnitsPerSku).safeParse(Object.fromEntries(formData));
  if (!parsed.success) return invalidReservationInput(parsed.error, maxUnitsPerSku, t.reservations);
  const { storeId, skuId, quantity, idempotencyKey } = parsed.data;
  let reservationId: number;
  try {
    // The key makes a double-click or a resubmitted form land on the same reservation (replayed).
    const placed = await placeReservation({ customerId: user.id, storeId, lines: [{ skuId, quantity }], idempotencyKey });
    reservationId = placed.id;
  } catch (err) {
    return reservationRefusal(err, t.reservations, 'place');
  }
  reserved(reservationId);
}

/** The answer to a placed reservation, the first time and on every replay of its key: its page. */
function reserved(id: number): never {
  revalidatePath('/account/reservations');
  redirect(`/account/reservations/${id}`);
}

/** Guarded: any argument, any text (lib/http/form-action.ts). */
export const reserveAction = formAction(initialReservationFormState, reserveActionUnchecked);
