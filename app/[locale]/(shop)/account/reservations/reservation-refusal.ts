import 'server-only';
import { z } from 'zod';
import { wholeNumber } from '@/lib/input/integer';
import type { ReservationFormState } from '@/components/reservations/form-state';
import type { Dictionary } from '@/lib/i18n/dictionary';
import { interpolate } from '@/lib/i18n/format';
import { IdempotencyKeyReusedError } from '@/lib/inventory/commands';
import { NotStockedHereError, OutOfStockError } from '@/lib/inventory/holds';
import {
  EmptyReservationError,
  InvalidReservationQuantityError,
  ReservationLimitError,
  ReservationNotFoundError,
  ReservationStateError,
  StoreNotReservableError,
} from '@/lib/reservations/errors';

/*
 * Shared by the shopper's reservation actions: the form schema, and every refusal the domain can
 * give turned into a sentence in the shopper's language. Ids arrive from the form, so they are
 * bounded here (Postgres int) before any query sees them.
 */
type Texts = Dictionary['reservations'];

const id = wholeNumber(1, 2_147_483_647);

export const reserveKeySchema = z.uuid();

/** The per-account cap is configurable (config.ts), so the schema is built with it. */
export function reserveSchema(maxUnitsPerSku: number) {
  return z.object({
    storeId: id,
    skuId: id,
    quantity: wholeNumber(1, maxUnitsPerSku),
    idempotencyKey: reserveKeySchema,
  });
}

export const cancelReservationSchema = z.object({ reservationId: id });

function refused(message: string, fieldErrors: ReservationFormState['fieldErrors'] = {}): ReservationFormState {
  return { ok: false, message, fieldErrors };
}

/** A quantity out of range says so on its field; anything else was tampered with (or a stale page). */
export function invalidReservationInput(error: z.ZodError, maxUnitsPerSku: number, t: Texts): ReservationFormState {
  const fields = new Set(error.issues.map((i) => i.path[0]));
  if (fields.has('quantity')) {
    const message = interpolate(t.quantityRange, { max: maxUnitsPerSku });
    return refused(message, { quantity: message });
  }
  if (fields.has('storeId') && fields.size === 1) return refused(t.storeRequired, { storeId: t.storeRequired });
  return refused(t.invalidRequest);
}

/** Refusals become a sentence; anything unexpected is rethrown (a real bug, logged by Next). */
export function reservationRefusal(err: unknown, t: Texts, doing: 'place' | 'cancel'): ReservationFormState {
  if (err instanceof InvalidReservationQuantityError) {
    const message = interpolate(t.quantityRange, { max: err.max });
    return refused(message, { quantity: message });
  }
  if (err instanceof OutOfStockError) {
    const message = err.available > 0 ? interpolate(t.onlyLeftHere, { count: err.available }) : t.soldOutHere;
    return refused(message, { quantity: message });
  }
  if (err instanceof NotStockedHereError) return refused(t.notStockedHere, { storeId: t.notStockedHere });
  if (err instanceof StoreNotReservableError) return refused(t.storeNotReservable, { storeId: t.storeNotReservable });
  if (err instanceof ReservationLimitError) {
    if (err.kind === 'active') return refused(interpolate(t.limitActive, { limit: err.limit }));
    const message = interpolate(err.alreadyHeld > 0 ? t.limitUnitsHeld : t.limitUnits, { limit: err.limit, held: err.alreadyHeld });
    return refused(message, { quantity: message });
  }
  if (err instanceof ReservationStateError) return refused(t[`state_${err.status}`]);
  // Placing: the account behind a still-valid session is gone. Cancelling: not theirs, or no such id.
  if (err instanceof ReservationNotFoundError) return refused(doing === 'place' ? t.signInAgain : t.notFound);
  if (err instanceof EmptyReservationError || err instanceof IdempotencyKeyReusedError) return refused(t.invalidRequest);
  throw err;
}
