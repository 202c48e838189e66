import 'server-only';
import { z } from 'zod';
import { wholeNumber } from '@/lib/input/integer';
import { ForbiddenError } from '@/lib/auth/errors';
import { isDatabaseUnavailable } from '@/lib/db/unavailable';
import { DomainError } from '@/lib/errors';
import type { Dictionary } from '@/lib/i18n/dictionary';
import { interpolate } from '@/lib/i18n/format';
import { OrderNotFoundError, OrderPaidInStoreError, OrderStateError } from '@/lib/orders/errors';

/** What an order action returns (useActionState). `at` tells the screen which of its forms spoke last. */
export type OrderActionState = { ok: boolean; message: string; at: number };
export const initialOrderActionState: OrderActionState = { ok: false, message: '', at: 0 };

const id = wholeNumber(1, 2_147_483_647);

/** The drive screen acts for the store named in the request, on one of its orders. */
export const driveOrderSchema = z.object({ storeId: id, orderId: id });
/** The delivery desk acts on a warehouse order. */
export const deliveryOrderSchema = z.object({ orderId: id });

export function done(message: string): OrderActionState {
  return { ok: true, message, at: Date.now() };
}

export function refused(message: string): OrderActionState {
  return { ok: false, message, at: Date.now() };
}

/**
 * Refusals become a sentence for staff. Another store's order reads as "not found here", like one
 * that does not exist. A state refusal means the screen was stale (a colleague, or the shopper
 * cancelling, got there first): the screen re-reads after every answer. Anything else is a bug,
 * logged, and answered with a generic message rather than an error page on a busy screen — except
 * a database that cannot be reached: formAction() answers that one, saying so.
 */
export function orderRefusal(err: unknown, t: Dictionary, forbidden = t.staff.notYourStore): OrderActionState {
  if (err instanceof ForbiddenError) return refused(forbidden);
  if (err instanceof OrderNotFoundError) return refused(t.orders.notFoundHere);
  if (err instanceof OrderStateError) return refused(interpolate(t.orders.staffStateRefused, { status: t.orders[`status_${err.status}`] }));
  if (err instanceof OrderPaidInStoreError) return refused(t.orders.paidInStoreNoCancel);
  if (err instanceof DomainError) return refused(err.message);
  if (isDatabaseUnavailable(err)) throw err; // every order form is a formAction(): it says so
  console.error('order action failed', err);
  return refused(t.staff.unexpected);
}
