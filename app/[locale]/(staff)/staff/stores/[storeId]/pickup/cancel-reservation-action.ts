'use server';
import { formAction } from '@/lib/http/form-action';
import { initialPickupFormState } from './pickup-action-support';
import { assertStaffOfStore, getSessionUser } from '@/lib/auth/guards';
import { getI18n } from '@/lib/i18n/server';
import { cancelReservationByStaff } from '@/lib/reservations/commands';
import { done, pickupRefusal, pickupTransitionSchema, refused, revalidateDesk, type PickupFormState } from './pickup-action-support';
import { formFields } from '../stock-action-support';

/** The desk cancels (item damaged, customer called): the held units go back on sale. */
async function cancelReservationActionUnchecked(_prev: PickupFormState, formData: FormData): Promise<PickupFormState> {
  const { t } = await getI18n();
  const user = await getSessionUser();
  if (!user) return refused(t.staff.signInAgain);
  const parsed = pickupTransitionSchema.safeParse(formFields(formData));
  if (!parsed.success) return refused(t.pickup.invalidRequest);
  const { storeId, reservationId } = parsed.data;
  try {
    // Checked for the store named in the request, not trusted from the page that rendered the form.
    await assertStaffOfStore(user.id, storeId);
    await cancelReservationByStaff({ reservationId, storeId, actorId: user.id });
    revalidateDesk(storeId);
    return done(t.pickup.cancelled);
  } catch (err) {
    return pickupRefusal(err, storeId, t);
  }
}

/** Guarded: any argument, any text (lib/http/form-action.ts). */
export const cancelReservationAction = formAction(initialPickupFormState, cancelReservationActionUnchecked);
