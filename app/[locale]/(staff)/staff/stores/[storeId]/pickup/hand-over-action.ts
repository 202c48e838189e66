'use server';
import { formAction } from '@/lib/http/form-action';
import { initialPickupFormState } from './pickup-action-support';
import { assertStaffOfStore, getSessionUser } from '@/lib/auth/guards';
import { formatPrice, interpolate } from '@/lib/i18n/format';
import { getI18n } from '@/lib/i18n/server';
import { collectReservation } from '@/lib/reservations/commands';
import { done, pickupRefusal, pickupTransitionSchema, refused, revalidateDesk, type PickupFormState } from './pickup-action-support';
import { formFields } from '../stock-action-support';

/** Payment taken at the desk: the goods leave the shelf and the sale is recorded for the customer. */
async function handOverActionUnchecked(_prev: PickupFormState, formData: FormData): Promise<PickupFormState> {
  const { locale, t } = await getI18n();
  const user = await getSessionUser();
  if (!user) return refused(t.staff.signInAgain);
  const parsed = pickupTransitionSchema.safeParse(formFields(formData));
  if (!parsed.success) return refused(t.pickup.invalidRequest);
  const { storeId, reservationId } = parsed.data;
  try {
    // Checked for the store named in the request, not trusted from the page that rendered the form.
    await assertStaffOfStore(user.id, storeId);
    const sale = await collectReservation({ reservationId, storeId, actorId: user.id });
    revalidateDesk(storeId);
    return done(interpolate(t.pickup.handedOver, { total: formatPrice(sale.totalCents, locale), saleId: sale.saleId }));
  } catch (err) {
    return pickupRefusal(err, storeId, t);
  }
}

/** Guarded: any argument, any text (lib/http/form-action.ts). */
export const handOverAction = formAction(initialPickupFormState, handOverActionUnchecked);
