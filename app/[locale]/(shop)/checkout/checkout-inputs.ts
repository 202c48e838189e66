import 'server-only';
import { z } from 'zod';
import { wholeNumber } from '@/lib/input/integer';
import { normalizeGiftCardCode } from '@/lib/wallet/code';

/*
 * What the checkout form sends besides its key, read once the cart says what it needs (a slot for
 * drive, an address and a card for delivery). Ids and numbers are bounded here before any query
 * sees them; the customer and the cart never come from the form.
 */
export const slotIdSchema = wholeNumber(1, 2_147_483_647);
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

export { addressSchema, addressValues } from '@/lib/orders/address';

/**
 * Which address the shopper picked at checkout: `new` (the fields typed; also when the form has no
 * choice, as for a shopper without saved addresses), one saved address's id, or `invalid` for
 * anything else posted.
 */
export function savedAddressChoice(raw: FormDataEntryValue | null): number | 'new' | 'invalid' {
  if (raw === null || raw === 'new') return 'new';
  if (typeof raw !== 'string' || !/^[1-9]\d{0,9}$/.test(raw)) return 'invalid';
  const id = Number(raw);
  return id <= 2_147_483_647 ? id : 'invalid';
}

/**
 * The wallet's part of the payment (lib/wallet/pay.ts): the store credit's box, and a gift card's
 * code — blank for none, else anything that can be a code (its balance is the domain's to judge).
 */
export const walletChoiceSchema = z.object({
  useStoreCredit: z
    .enum(['1', 'on'])
    .optional()
    .transform((v) => v !== undefined),
  giftCardCode: z
    .string()
    .max(60)
    .optional()
    .transform((v) => v?.trim() || null)
    .refine((v) => v === null || normalizeGiftCardCode(v) !== null),
  /** The credit the page showed beside the box (lib/wallet/pay.ts refuses less than that). */
  // Not a figure (a tampered page): no guard, the shopper's own balance still bounds the debit.
  storeCreditShownCents: z
    .string()
    .optional()
    .transform((v) => (v !== undefined && /^\d{1,9}$/.test(v) ? Number(v) : undefined)),
});

/** Whether the shopper asked the wallet to pay (the card may then be left blank). */
export function walletChosen(form: FormData): boolean {
  const code = form.get('giftCardCode');
  return form.get('useStoreCredit') !== null || (typeof code === 'string' && code.trim() !== '');
}

/** Not one of the card's fields typed in. */
export function cardLeftBlank(form: FormData): boolean {
  return ['card_number', 'card_exp', 'card_cvc', 'card_holder'].every((name) => {
    const v = form.get(name);
    return v === null || (typeof v === 'string' && v.trim() === '');
  });
}
