'use server';
import { refresh, revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { inRequestLocale } from '@/lib/i18n/server';
import { z } from 'zod';
import type { AddressField, CheckoutState } from '@/components/checkout/form-state';
import { shopperAction } from '@/lib/actions/builder';
import type { Dictionary } from '@/lib/i18n/dictionary';
import { idempotencyKeySchema } from '@/lib/actions/inputs';
import { getCart } from '@/lib/cart/queries';
import { getSavedAddress } from '@/lib/customers/addresses';
import { findOrderByKey, placeOrder, type PlaceOrderInput } from '@/lib/orders/placing';
import { parseCardForm } from '@/lib/payments/card-schema';
import {
  addressSchema,
  addressValues,
  cardLeftBlank,
  redeemPointsSchema,
  savedAddressChoice,
  shownPricesSchema,
  slotIdSchema,
  walletChoiceSchema,
  walletChosen,
} from './checkout-inputs';

/**
 * "Place order" for the signed-in shopper's own cart (found from the session, never the form):
 * drive with the held slot, or home delivery with the address and the card. Every refusal comes
 * back as a sentence on the field it concerns, with what was typed; an order goes to its page. A
 * key that already placed an order goes to that order's page before anything is judged: a double
 * tap, or a retry after a lost answer, finds the cart empty because its first request succeeded.
 */
export const placeOrderAction = shopperAction('checkout')
  .form(z.object({ idempotencyKey: idempotencyKeySchema }))
  .state<CheckoutState>()
  .refused((refusal, { prev, formData, err }) => {
    if (err !== undefined) refresh(); // a price, a stock figure or a slot moved: the page shows it now
    const slotRefused = refusal.fieldErrors?.slot ? (prev.slotRefused ?? 0) + 1 : prev.slotRefused;
    return { ...refusal, values: { ...addressValues(formData), ...driveChoices(formData) }, slotRefused };
  })
  .run(async ({ input: { idempotencyKey }, user, t, locale, prev, formData, nameProducts }) => {
    const values = { ...addressValues(formData), ...driveChoices(formData) };
    const refused = (message: string, fieldErrors: CheckoutState['fieldErrors'] = {}): CheckoutState => ({
      ok: false,
      message,
      fieldErrors,
      values,
      slotRefused: prev.slotRefused,
    });
    const cart = await getCart({ customerId: user.id }, locale);
    // The key is looked up after the cart is read and before anything is judged: a cart found empty
    // because this key's first request emptied it (committed in between) finds that order here.
    const first = await findOrderByKey(user.id, idempotencyKey);
    if (first) await placed(first.number);
    if (!cart || cart.lines.length === 0) return refused(t.orders.emptyCart);
    nameProducts((skuId) => cart.lines.find((l) => l.skuId === skuId)?.productName ?? '');
    // The prices the page showed (a new order is judged against them; a replay above is not).
    const shownPrices = shownPricesSchema.safeParse(formData.get('shownPrices'));
    if (!shownPrices.success) return refused(t.orders.invalidRequest);

    const input: PlaceOrderInput = { customerId: user.id, cartId: cart.id, idempotencyKey, shownPrices: shownPrices.data, locale };
    const fieldErrors: NonNullable<CheckoutState['fieldErrors']> = {};
    if (cart.fulfilment === 'drive') {
      if (cart.driveStoreId === null) return refused(t.orders.chooseDriveStore);
      const slot = slotIdSchema.safeParse(formData.get('slotId'));
      if (slot.success) input.slotId = slot.data;
      else fieldErrors.slot = t.orders.slotRequired;
      // Paid online (a card authorised now, captured at handover), or at pickup.
      const pay = formData.get('payment') ?? 'at_pickup';
      if (pay !== 'at_pickup' && pay !== 'card') return refused(t.orders.invalidRequest);
      // A card chosen is asked in full: a blank one never turns into paying at pickup.
      if (pay === 'card') readCard(formData, input, fieldErrors, t, { blankWithWallet: false });
      input.substitutesWelcome = formData.get('substitutesWelcome') === '1';
    } else {
      // One of the shopper's saved addresses (looked up as theirs), or the address typed.
      const choice = savedAddressChoice(formData.get('savedAddress'));
      if (choice === 'invalid') return refused(t.orders.invalidRequest);
      if (choice !== 'new') {
        const saved = await getSavedAddress(user.id, choice);
        if (saved) input.address = { name: saved.name, address: saved.address, postcode: saved.postcode, town: saved.town, phone: saved.phone };
        else fieldErrors.savedAddress = t.orders.savedAddressGone;
      } else {
        const address = addressSchema(t.orders).safeParse(values);
        if (address.success) input.address = address.data;
        else for (const issue of address.error.issues) fieldErrors[issue.path[0] as AddressField] ??= issue.message;
      }
      readCard(formData, input, fieldErrors, t, { blankWithWallet: true });
    }
    const points = redeemPointsSchema.safeParse(formData.get('redeemPoints') ?? 0);
    if (points.success) input.redeemPoints = points.data;
    else fieldErrors.points = t.orders.pointsInvalid;
    const wallet = walletChoiceSchema.safeParse({
      useStoreCredit: formData.get('useStoreCredit') ?? undefined,
      giftCardCode: formData.get('giftCardCode') ?? undefined,
      storeCreditShownCents: formData.get('storeCreditShown') ?? undefined,
    });
    if (wallet.success) input.wallet = wallet.data;
    else fieldErrors.giftCardCode = t.wallet.gift_card_unknown;
    const invalid = Object.keys(fieldErrors).length;
    if (invalid > 0) return refused(invalid === 1 && fieldErrors.slot ? fieldErrors.slot : t.orders.fixErrors, fieldErrors);

    const { number } = await placeOrder(input);
    return placed(number);
  });

/** The card fields, on the input, or their refusals on the fields they concern. */
function readCard(
  formData: FormData,
  input: PlaceOrderInput,
  fieldErrors: NonNullable<CheckoutState['fieldErrors']>,
  t: Dictionary,
  opts: { blankWithWallet: boolean },
): void {
  const card = parseCardForm(formData);
  if (card.ok) input.payment = card.method;
  // Home delivery with the wallet chosen: the card may be left blank, placeOrder asks for it when something is left to pay.
  else if (!(opts.blankWithWallet && walletChosen(formData) && cardLeftBlank(formData)))
    for (const [field, k] of Object.entries(card.errors)) fieldErrors[field as keyof typeof card.errors] = t.payments[k];
}

/** A drive checkout's choices as sent, for the form to keep after a refusal. */
function driveChoices(formData: FormData): { payment?: string; substitutesWelcome?: string } {
  const payment = formData.get('payment');
  if (payment !== 'card' && payment !== 'at_pickup') return {};
  return { payment, substitutesWelcome: formData.get('substitutesWelcome') === '1' ? '1' : '0' };
}

/** The answer to a placed order, the first time and on every replay of its key: its page. */
async function placed(number: string): Promise<never> {
  revalidatePath('/account/orders');
  redirect(await inRequestLocale(`/account/orders/${number}`));
}
