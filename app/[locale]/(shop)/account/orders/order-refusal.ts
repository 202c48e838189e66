import 'server-only';
import { z } from 'zod';
import { wholeNumber } from '@/lib/input/integer';
import type { OrderActionState } from '@/components/my-orders/form-state';
import { BookingNotFoundError, SlotPastCutoffError } from '@/lib/drive/errors';
import { DomainError } from '@/lib/errors';
import type { Dictionary } from '@/lib/i18n/dictionary';
import { interpolate } from '@/lib/i18n/format';
import { ArrivalNotOpenError, OrderNotFoundError, OrderPaidInStoreError, OrderStateError, PastCutoffError } from '@/lib/orders/errors';

/*
 * Shared by the order page's actions: the id schema (bounded to a Postgres int before any query)
 * and every refusal the orders and drive domains can give, as a sentence in the shopper's language.
 */
const id = wholeNumber(1, 2_147_483_647);
export const orderIdSchema = z.object({ orderId: id });
export const moveSlotSchema = z.object({ orderId: id, slotId: id });
export const arrivalSchema = z.object({ orderId: id, bay: z.string().trim().max(12).optional().default('') });

export function refused(message: string): OrderActionState {
  return { ok: false, message };
}

function lead(minutes: number): string {
  return minutes % 60 === 0 ? `${minutes / 60} h` : minutes > 60 ? `${Math.floor(minutes / 60)} h ${minutes % 60}` : `${minutes} min`;
}

/** Refusals become a sentence; anything unexpected is rethrown (a real bug, logged by Next). */
export function orderRefusal(err: unknown, t: Dictionary): OrderActionState {
  const o = t.orders;
  if (err instanceof OrderNotFoundError || err instanceof BookingNotFoundError) return refused(o.notFound);
  if (err instanceof OrderStateError) return refused(interpolate(o.stateRefused, { status: o[`status_${err.status}`] }));
  if (err instanceof PastCutoffError) return refused(o.pastCutoff);
  if (err instanceof OrderPaidInStoreError) return refused(o.paidInStoreNoCancel);
  if (err instanceof ArrivalNotOpenError) return refused(o.arrivalNotOpen);
  if (err instanceof SlotPastCutoffError) return refused(interpolate(t.drive.drive_slot_past_cutoff, { cutoff: lead(err.cutoffMinutes) }));
  // The new slot's refusals (full, closed, another shop's, unknown), by their code.
  if (err instanceof DomainError && err.code in t.drive) return refused(t.drive[err.code as keyof typeof t.drive]);
  throw err;
}
