'use server';
import { formAction } from '@/lib/http/form-action';
import { initialPickupFormState } from './pickup-action-support';
import { assertStaffOfStore, getSessionUser } from '@/lib/auth/guards';
import { formatDateTime, interpolate } from '@/lib/i18n/format';
import { getI18n } from '@/lib/i18n/server';
import { markReservationReady } from '@/lib/reservations/commands';
import { done, pickupRefusal, pickupTransitionSchema, refused, revalidateDesk, type PickupFormState } from './pickup-action-support';
import { formFields } from '../stock-action-support';

async function markReadyActionUnchecked(_prev: PickupFormState, formData: FormData): Promise<PickupFormState> {
  const { locale, t } = await getI18n();
  const user = await getSessionUser();
  if (!user) return refused(t.staff.signInAgain);
  const parsed = pickupTransitionSchema.safeParse(formFields(formData));
  if (!parsed.success) return refused(t.pickup.invalidRequest);
  const { storeId, reservationId } = parsed.data;
  try {
    // The store id comes from the request: membership of *that* store is checked here, and the
    // domain only touches a reservation of that store.
    await assertStaffOfStore(user.id, storeId);
    const { expiresAt } = await markReservationReady({ reservationId, storeId, actorId: user.id });
    revalidateDesk(storeId);
    return done(interpolate(t.pickup.markedReady, { deadline: formatDateTime(expiresAt, locale) }));
  } catch (err) {
    return pickupRefusal(err, storeId, t);
  }
}

/** Guarded: any argument, any text (lib/http/form-action.ts). */
export const markReadyAction = formAction(initialPickupFormState, markReadyActionUnchecked);
