'use server';
import { withOutageRefusal } from '@/lib/http/action-outage';
import type { HoldState } from '@/components/checkout/form-state';
import { getSessionUser } from '@/lib/auth/guards';
import { getCart } from '@/lib/cart/queries';
import { holdSlot } from '@/lib/drive/commands';
import { DriveNotAvailableError, SlotPastCutoffError } from '@/lib/drive/errors';
import { DomainError } from '@/lib/errors';
import { interpolate } from '@/lib/i18n/format';
import { getI18n } from '@/lib/i18n/server';
import { slotIdSchema } from './checkout-refusal';

function lead(minutes: number): string {
  return minutes % 60 === 0 ? `${minutes / 60} h` : minutes > 60 ? `${Math.floor(minutes / 60)} h ${minutes % 60}` : `${minutes} min`;
}

/**
 * The shopper picks a slot at checkout: it is kept for them for 10 minutes at the drive store of
 * their own cart (the store never comes from the request). Choosing another moves the one hold.
 */
async function holdSlotActionUnchecked(slotId: number): Promise<HoldState> {
  const { locale, t } = await getI18n();
  const user = await getSessionUser();
  if (!user) return { ok: false, message: t.orders.signInAgain };
  const parsed = slotIdSchema.safeParse(slotId);
  if (!parsed.success) return { ok: false, message: t.drive.drive_slot_not_found };
  const cart = await getCart({ customerId: user.id }, locale);
  if (!cart || cart.fulfilment !== 'drive' || cart.driveStoreId === null) return { ok: false, message: t.orders.chooseDriveStore };
  try {
    const hold = await holdSlot({ storeId: cart.driveStoreId, slotId: parsed.data, holder: { customerId: user.id } });
    return { ok: true, slotId: hold.slotId, expiresAt: hold.expiresAt.toISOString() };
  } catch (err) {
    if (err instanceof SlotPastCutoffError) return { ok: false, message: interpolate(t.drive.drive_slot_past_cutoff, { cutoff: lead(err.cutoffMinutes) }) };
    if (err instanceof DriveNotAvailableError) return { ok: false, message: t.drive.drive_not_available };
    if (err instanceof DomainError && err.code in t.drive) return { ok: false, message: t.drive[err.code as keyof typeof t.drive] };
    throw err;
  }
}

/** A database that cannot be reached is answered with a refusal the screen shows (lib/http/action-outage.ts). */
export const holdSlotAction = withOutageRefusal(holdSlotActionUnchecked);
