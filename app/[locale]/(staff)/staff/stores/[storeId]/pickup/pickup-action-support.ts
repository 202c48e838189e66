import 'server-only';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { wholeNumber } from '@/lib/input/integer';
import { ForbiddenError } from '@/lib/auth/errors';
import { DomainError } from '@/lib/errors';
import type { Dictionary } from '@/lib/i18n/dictionary';
import { ReservationNotFoundError, ReservationStateError } from '@/lib/reservations/errors';

/** What a desk action returns (useActionState). `at` tells the panel which of its forms spoke last. */
export type PickupFormState = { ok: boolean; message: string; at: number };
export const initialPickupFormState: PickupFormState = { ok: false, message: '', at: 0 };

const id = wholeNumber(1, 2_147_483_647);

/** Which store the desk acts for, and on which of its reservations: both come from the request. */
export const pickupTransitionSchema = z.object({ storeId: id, reservationId: id });

export function done(message: string): PickupFormState {
  return { ok: true, message, at: Date.now() };
}

export function refused(message: string): PickupFormState {
  return { ok: false, message, at: Date.now() };
}

/** The desk page and the stock page (on hand changes when goods are handed over). */
export function revalidateDesk(storeId: number): void {
  revalidatePath(`/staff/stores/${storeId}`, 'layout');
}

/**
 * Refusals become a sentence for staff. Another store's reservation reads as "not found here",
 * exactly like one that does not exist. A state refusal means the page was stale (a colleague or
 * the expiry sweep got there first), so the desk is refreshed too. Anything else is a bug: rethrown.
 */
export function pickupRefusal(err: unknown, storeId: number, t: Dictionary): PickupFormState {
  if (err instanceof ForbiddenError) return refused(t.staff.notYourStore);
  if (err instanceof ReservationNotFoundError) return refused(t.pickup.notFoundHere);
  if (err instanceof ReservationStateError) {
    revalidateDesk(storeId);
    return refused(t.pickup[`state_${err.status}`]);
  }
  if (err instanceof DomainError) return refused(err.message);
  throw err;
}
