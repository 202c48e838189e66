'use server';
import { formAction } from '@/lib/http/form-action';
import { initialReservationFormState } from '@/components/reservations/form-state';
import { revalidatePath } from 'next/cache';
import type { ReservationFormState } from '@/components/reservations/form-state';
import { getSessionUser } from '@/lib/auth/guards';
import { getI18n } from '@/lib/i18n/server';
import { cancelReservationByCustomer } from '@/lib/reservations/commands';
import { cancelReservationSchema, reservationRefusal } from '../reservation-refusal';

/**
 * The shopper cancels one of their own reservations. The command is scoped to the session's
 * customer, so someone else's id is "not found", exactly like an unknown one.
 */
async function cancelReservationActionUnchecked(_prev: ReservationFormState, formData: FormData): Promise<ReservationFormState> {
  const { t } = await getI18n();
  const user = await getSessionUser();
  if (!user) return { ok: false, message: t.reservations.signInAgain, fieldErrors: {} };
  const parsed = cancelReservationSchema.safeParse({ reservationId: formData.get('reservationId') });
  if (!parsed.success) return { ok: false, message: t.reservations.invalidRequest, fieldErrors: {} };
  const { reservationId } = parsed.data;
  let result: ReservationFormState;
  try {
    await cancelReservationByCustomer({ reservationId, customerId: user.id });
    result = { ok: true, message: t.reservations.cancelled, fieldErrors: {} };
  } catch (err) {
    result = reservationRefusal(err, t.reservations, 'cancel');
  }
  // Refused too: it was collected or expired meanwhile, so the page must show what it is now.
  revalidatePath(`/account/reservations/${reservationId}`);
  revalidatePath('/account/reservations');
  return result;
}

/** Guarded: any argument, any text (lib/http/form-action.ts). */
export const cancelReservationAction = formAction(initialReservationFormState, cancelReservationActionUnchecked);
