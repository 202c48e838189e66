import 'server-only';
import { z } from 'zod';
import { idSchema, idempotencyKeySchema } from '@/lib/actions/inputs';
import { refuse, type Refusal } from '@/lib/actions/state';
import type { Dictionary } from '@/lib/i18n/dictionary';
import { safeText } from '@/lib/input/text';
import { cardFormSchema } from '@/lib/payments/card-schema';
import type { PaymentTextKey } from '@/lib/payments/messages';
import type { TenderInput } from '@/lib/sales/commands';

/** An item ordered for the customer at the counter: this till's shop, the sealed customer pass (findCustomerAction), what and how many, the attempt's key. */
export const customerItemRequest = z.object({
  storeId: idSchema,
  customerPass: safeText.min(1).max(300),
  skuId: idSchema,
  quantity: z.number().int().min(1).max(99),
  idempotencyKey: idempotencyKeySchema,
});

/**
 * The wallet's part of a payment at the till (lib/wallet/pay.ts): the customer's store credit —
 * spent only when their card was scanned (the sealed pass says so) — and a gift card's code, as
 * scanned or typed (its balance and expiry are the domain's to judge).
 */
export const walletTenderSchema = z.object({
  useStoreCredit: z.boolean(),
  giftCardCode: z.string().max(60).nullable(),
});

/** The card as typed at the till (the test provider's fields); parsed by the checkout's card schema. */
const rawCardSchema = z.object({
  card_number: z.string().max(40),
  card_exp: z.string().max(10),
  card_cvc: z.string().max(6),
  card_holder: z.string().max(200),
});
const centsSchema = z.number().int().min(0).max(1_000_000);
/** How the rest is paid at the till: cash (what was handed over), card, or both. */
export const tenderSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('cash'), givenCents: centsSchema }),
  z.object({ kind: z.literal('card'), card: rawCardSchema }),
  z.object({ kind: z.literal('split'), cashCents: centsSchema, givenCents: centsSchema, card: rawCardSchema }),
]);

/** The tender as the domain takes it, or the refusal naming the card's first bad field. */
export function parseTender(raw: z.infer<typeof tenderSchema>, t: Dictionary): { ok: true; tender: TenderInput } | { ok: false; refusal: Refusal } {
  if (raw.kind === 'cash') return { ok: true, tender: raw };
  const card = cardFormSchema.safeParse(raw.card);
  if (!card.success) {
    const issue = card.error.issues[0]!;
    return {
      ok: false,
      refusal: refuse(t.payments[issue.message as PaymentTextKey] ?? t.till.invalidTender, {
        [String(issue.path[0])]: t.payments[issue.message as PaymentTextKey],
      }),
    };
  }
  return { ok: true, tender: raw.kind === 'card' ? { kind: 'card', card: card.data } : { ...raw, card: card.data } };
}
