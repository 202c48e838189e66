'use server';
import { formAction } from '@/lib/http/form-action';
import { initialCheckoutState } from '@/components/checkout/form-state';
import { refresh, revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import type { CheckoutState } from '@/components/checkout/form-state';
import { getSessionUser } from '@/lib/auth/guards';
import { getCart } from '@/lib/cart/queries';
import { getI18n } from '@/lib/i18n/server';
import { findOrderByKey, placeOrder, type PlacedOrder, type PlaceOrderInput } from '@/lib/orders/placing';
import { parseCardForm } from '@/lib/payments/card-schema';
import { addressSchema, addressValues, checkoutRefusal, idempotencyKeySchema, redeemPointsSchema, shownPricesSchema, slotIdSchema } from './checkout-refusal';

/**
 * "Place order" for the signed-in shopper's own cart (found from the session, never the form):
 * drive with the held slot, or home delivery with the address and the card. Every refusal comes
 * back as a sentence on the field it concerns; an order goes to its page. A key that already placed
 * an order goes to that order's page before anything is judged: a double tap, or a retry after a
 * lost answer, finds the cart empty because its first request succeeded.
 */
async function placeOrderActionUnchecked(prev: CheckoutState, formData: FormData): Promise<CheckoutState> {
  const { locale, t } = await getI18n();
  const values = addressValues(formData);
  const base = { ok: false, fieldErrors: {}, values, slotRefused: prev.slotRefused } as const;
  const user = await getSessionUser();
  if (!user) return { ...base, message: t.orders.signInAgain };
  const key = idempotencyKeySchema.safeParse(formData.get('idempotencyKey'));
  if (!key.success) return { ...base, message: t.orders.invalidRequest };
  const cart = await getCart({ customerId: user.id }, locale);
  // The key is looked up after the cart is read and before anything is judged: a cart found empty
  // because this key's first request emptied it (committed in between) finds that order here.
  let first: PlacedOrder | null;
  try {
    first = await findOrderByKey(user.id, key.data);
  } catch (err) {
    return checkoutRefusal(err, { locale, t, lines: [], values, slotRefused: prev.slotRefused ?? 0 });
  }
  if (first) placed(first.number);
  if (!cart || cart.lines.length === 0) return { ...base, message: t.orders.emptyCart };
  // The prices the page showed (a new order is judged against them; a replay above is not).
  const shownPrices = shownPricesSchema.safeParse(formData.get('shownPrices'));
  if (!shownPrices.success) return { ...base, message: t.orders.invalidRequest };

  const input: PlaceOrderInput = { customerId: user.id, cartId: cart.id, idempotencyKey: key.data, shownPrices: shownPrices.data };
  const fieldErrors: CheckoutState['fieldErrors'] = {};
  if (cart.fulfilment === 'drive') {
    if (cart.driveStoreId === null) return { ...base, message: t.orders.chooseDriveStore };
    const slot = slotIdSchema.safeParse(formData.get('slotId'));
    if (slot.success) input.slotId = slot.data;
    else fieldErrors.slot = t.orders.slotRequired;
  } else {
    const address = addressSchema(t.orders).safeParse(values);
    if (address.success) input.address = address.data;
    else for (const issue of address.error.issues) fieldErrors[issue.path[0] as keyof typeof values] ??= issue.message;
    const card = parseCardForm(formData);
    if (card.ok) input.payment = card.method;
    else for (const [field, k] of Object.entries(card.errors)) fieldErrors[field as keyof typeof card.errors] = t.payments[k];
  }
  const points = redeemPointsSchema.safeParse(formData.get('redeemPoints') ?? 0);
  if (points.success) input.redeemPoints = points.data;
  else fieldErrors.points = t.orders.pointsInvalid;
  const invalid = Object.keys(fieldErrors).length;
  if (invalid > 0) return { ...base, fieldErrors, message: invalid === 1 && fieldErrors.slot ? fieldErrors.slot : t.orders.fixErrors };

  let number: string;
  try {
    ({ number } = await placeOrder(input));
  } catch (err) {
    const refusal = checkoutRefusal(err, { locale, t, lines: cart.lines, values, slotRefused: prev.slotRefused ?? 0 });
    refresh(); // a price, a stock figure or a slot moved: the page shows it now
    return refusal;
  }
  placed(number);
}

/** The answer to a placed order, the first time and on every replay of its key: its page. */
function placed(number: string): never {
  revalidatePath('/account/orders');
  redirect(`/account/orders/${number}`);
}

/** Guarded: any argument, any text (lib/http/form-action.ts). */
export const placeOrderAction = formAction(initialCheckoutState, placeOrderActionUnchecked);
