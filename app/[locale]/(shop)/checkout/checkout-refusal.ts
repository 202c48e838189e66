import 'server-only';
import { z } from 'zod';
import { wholeNumber } from '@/lib/input/integer';
import type { AddressField, CheckoutState } from '@/components/checkout/form-state';
import { CartNotFoundError, EmptyCartError, ProductWithdrawnError, StoreWithoutDriveError } from '@/lib/cart/errors';
import type { CartLine } from '@/lib/cart/types';
import {
  DriveNotAvailableError,
  OrderAlreadyBookedError,
  SlotClosedError,
  SlotFullError,
  SlotNotFoundError,
  SlotOfAnotherStoreError,
  SlotPastCutoffError,
} from '@/lib/drive/errors';
import type { Dictionary } from '@/lib/i18n/dictionary';
import type { Locale } from '@/lib/i18n/config';
import { formatPrice, interpolate, intlTag } from '@/lib/i18n/format';
import { IdempotencyKeyReusedError } from '@/lib/inventory/commands';
import { NotStockedHereError, OutOfStockError } from '@/lib/inventory/holds';
import { NotAMemberError, NotEnoughPointsError } from '@/lib/loyalty/errors';
import { DriveNotOfferedError, InvalidCheckoutError, PaymentDeclinedError, PointsNotUsableError, PriceChangedError } from '@/lib/orders/errors';
import { PaymentConfigError, PaymentError } from '@/lib/payments';
import { declinedCheckoutMessage, paymentErrorMessage } from '@/lib/payments/messages';

/*
 * The checkout's form schemas and every refusal placing an order can meet, as a sentence in the
 * shopper's language, on the field it concerns. Ids and keys come from the form, so they are
 * bounded here before any query sees them; the customer and the cart never come from the form.
 */
export const slotIdSchema = wholeNumber(1, 2_147_483_647);
export const idempotencyKeySchema = z.uuid();
/** Points to spend: whole and bounded here; steps and balance are the domain's to judge. */
export const redeemPointsSchema = z.preprocess((v) => (v === '' ? 0 : v), wholeNumber(0, 100_000_000));
/**
 * The unit prices the page showed, "sku:cents,sku:cents" (components/checkout/checkout-form.tsx):
 * the order is refused if today's differ (lib/orders/pricing.ts), so the shopper never pays a
 * price the page did not show.
 */
export const shownPricesSchema = z
  .string()
  .regex(/^[0-9]{1,10}:[0-9]{1,9}(,[0-9]{1,10}:[0-9]{1,9}){0,199}$/)
  .transform((raw) => new Map(raw.split(',').map((pair) => pair.split(':').map(Number) as [number, number])));

export { addressSchema } from '@/lib/orders/address';

export function addressValues(formData: FormData): Record<AddressField, string> {
  const get = (k: string) => String(formData.get(k) ?? '').slice(0, 300);
  return { name: get('name'), address: get('address'), postcode: get('postcode'), town: get('town'), phone: get('phone') };
}

type Context = { locale: Locale; t: Dictionary; lines: CartLine[]; values: CheckoutState['values']; slotRefused: number };

function refused(ctx: Context, message: string, fieldErrors: CheckoutState['fieldErrors'] = {}): CheckoutState {
  return { ok: false, message, fieldErrors, values: ctx.values };
}

function hours(minutes: number, ctx: Context): string {
  return new Intl.NumberFormat(intlTag(ctx.locale), { maximumFractionDigits: 1 }).format(minutes / 60);
}

const DECLINE_FIELD: Record<string, 'card_number' | 'card_exp' | 'card_cvc'> = {
  incorrect_number: 'card_number',
  expired_card: 'card_exp',
  invalid_expiry: 'card_exp',
  incorrect_cvc: 'card_cvc',
  invalid_cvc: 'card_cvc',
};

/** Refusals become a sentence; anything unexpected is rethrown (a real bug, logged by Next). */
export function checkoutRefusal(err: unknown, ctx: Context): CheckoutState {
  const o = ctx.t.orders;
  const name = (skuId: number) => ctx.lines.find((l) => l.skuId === skuId)?.productName ?? '';
  const slot = (message: string): CheckoutState => ({ ...refused(ctx, message, { slot: message }), slotRefused: ctx.slotRefused + 1 });
  if (err instanceof EmptyCartError || err instanceof CartNotFoundError) return refused(ctx, o.emptyCart);
  if (err instanceof OutOfStockError) {
    return refused(
      ctx,
      err.available > 0 ? interpolate(o.onlyLeft, { count: err.available, name: name(err.skuId) }) : interpolate(o.soldOut, { name: name(err.skuId) }),
    );
  }
  if (err instanceof NotStockedHereError) return refused(ctx, interpolate(o.notStocked, { name: name(err.skuId) }));
  if (err instanceof ProductWithdrawnError) return refused(ctx, interpolate(o.withdrawn, { name: name(err.skuId) }));
  if (err instanceof SlotFullError) return slot(o.slotFull);
  if (err instanceof SlotPastCutoffError) return slot(interpolate(o.slotPastCutoff, { hours: hours(err.cutoffMinutes, ctx) }));
  if (err instanceof SlotClosedError) return slot(o.slotClosed);
  if (err instanceof SlotOfAnotherStoreError) return slot(o.slotOtherStore);
  if (err instanceof SlotNotFoundError) return slot(o.slotNotFound);
  if (err instanceof DriveNotOfferedError || err instanceof DriveNotAvailableError || err instanceof StoreWithoutDriveError)
    return refused(ctx, o.driveNotOffered);
  if (err instanceof PaymentDeclinedError) {
    const message = declinedCheckoutMessage(err.declineCode, ctx.t.payments);
    const field = DECLINE_FIELD[err.declineCode] ?? 'card_number';
    return refused(ctx, message, { [field]: message });
  }
  if (err instanceof PriceChangedError) {
    if (err.moved.length === 0) return refused(ctx, o.priceChanged);
    const lines = err.moved.map((m) =>
      interpolate(o.priceMoved, { name: name(m.skuId), price: formatPrice(m.nowCents, ctx.locale), was: formatPrice(m.shownCents, ctx.locale) }),
    );
    return refused(ctx, `${lines.join(' ')} ${o.priceCheckAgain}`);
  }
  const points = (message: string) => refused(ctx, message, { points: message });
  if (err instanceof PointsNotUsableError) {
    return points(err.maxPoints === 0 ? o.pointsNotUsable : interpolate(o.pointsAtMost, { points: err.maxPoints, step: err.stepPoints }));
  }
  if (err instanceof NotEnoughPointsError) return points(o.pointsNotEnough);
  if (err instanceof NotAMemberError) return points(o.pointsNotMember);
  const outage = paymentErrorMessage(err, ctx.t.payments);
  if (outage) return refused(ctx, outage);
  if (err instanceof PaymentError || err instanceof PaymentConfigError) {
    // A provider's refusal of the call itself (not the card): the shopper can only try later.
    console.error('checkout: payment provider refused the request', err);
    return refused(ctx, o.paymentUnavailable);
  }
  if (err instanceof InvalidCheckoutError || err instanceof IdempotencyKeyReusedError || err instanceof OrderAlreadyBookedError) {
    return refused(ctx, o.invalidRequest);
  }
  throw err;
}
