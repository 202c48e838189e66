'use server';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import type { GiftCardBalanceState, GiftCardBuyState } from '@/components/wallet/gift-card-forms';
import { shopperAction } from '@/lib/actions/builder';
import { idempotencyKeySchema } from '@/lib/actions/inputs';
import { formatDate, formatPrice, interpolate } from '@/lib/i18n/format';
import { buyGiftCardOnline } from '@/lib/orders/gift-cards';
import { parseCardForm } from '@/lib/payments/card-schema';
import { findGiftCardByKey, getGiftCardBalance } from '@/lib/wallet/queries';

const longDay = { day: 'numeric', month: 'long', year: 'numeric' } as const;
/** Euros as typed ("50", "25,50"): whole cents, bounded here; the shop's own limits are the domain's. */
const euros = z
  .string()
  .trim()
  .regex(/^\d{1,4}([.,]\d{1,2})?$/)
  .transform((v) => Math.round(Number(v.replace(',', '.')) * 100));

/**
 * A gift card bought by the signed-in shopper (their wallet holds it): paid by card, its code shown
 * at once. The form's key makes a double tap or a retry answer with the first card, charged once.
 */
export const buyGiftCardAction = shopperAction('account')
  .form(z.object({ idempotencyKey: idempotencyKeySchema }))
  .state<GiftCardBuyState>()
  .run(async ({ input: { idempotencyKey }, user, t, locale, formData }) => {
    // A key that already bought a card answers with it, whatever the form says now.
    let bought = await findGiftCardByKey(`web:${user.id}:${idempotencyKey}`);
    if (!bought) {
      const amount = euros.safeParse(String(formData.get('amount') ?? ''));
      const card = parseCardForm(formData);
      const fieldErrors: Record<string, string> = {};
      if (!amount.success) fieldErrors.amount = t.wallet.gift_card_amount_invalid;
      if (!card.ok) for (const [field, k] of Object.entries(card.errors)) fieldErrors[field] = t.payments[k];
      if (!amount.success || !card.ok) return { ok: false, message: t.orders.fixErrors, fieldErrors };
      bought = await buyGiftCardOnline({ customerId: user.id, amountCents: amount.data, card: card.method, idempotencyKey });
    }
    revalidatePath('/account');
    return {
      ok: true,
      message: interpolate(t.wallet.bought, {
        amount: formatPrice(bought.amountCents, locale),
        code: bought.code,
        date: formatDate(bought.expiresAt, locale, longDay),
      }),
      code: bought.code,
    };
  });

/** What a gift card can still pay, from its code (any code the shopper holds: a gift they were given). */
export const checkGiftCardBalanceAction = shopperAction('account')
  .form(z.object({ code: z.string().max(60) }))
  .state<GiftCardBalanceState>()
  .run(async ({ input: { code }, t, locale }) => {
    const card = await getGiftCardBalance(code);
    if (!card) return { ok: false, message: t.wallet.gift_card_unknown, fieldErrors: { code: t.wallet.gift_card_unknown } };
    const tail = card.code.slice(-4);
    const date = formatDate(card.expiresAt, locale, longDay);
    return {
      ok: true,
      message: card.expired
        ? interpolate(t.wallet.balanceExpired, { tail, date })
        : interpolate(t.wallet.balanceIs, { tail, amount: formatPrice(card.balanceCents, locale), date }),
    };
  });
