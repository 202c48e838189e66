'use server';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import type { SellGiftCardResult } from '@/components/staff/till/types';
import { staffAction } from '@/lib/actions/builder';
import { idSchema, idempotencyKeySchema } from '@/lib/actions/inputs';
import { refuse } from '@/lib/actions/state';
import { sellTillGiftCard } from '@/lib/sales/gift-card-sale';
import { parseTender, tenderSchema } from '../till-action-support';

const sellSchema = z.object({
  storeId: idSchema,
  idempotencyKey: idempotencyKeySchema,
  /** Bounded by GIFT_CARD_MIN/MAX_CENTS in the domain (lib/wallet/config.ts), which names the range. */
  amountCents: z.number().int().min(0).max(10_000_000),
  tender: tenderSchema,
});
const argsSchema = z.tuple([sellSchema]).transform(([sale]) => sale);

/**
 * A gift card sold at this store's till, paid by card, cash or both, for staff of the store (the
 * builder checks membership for `storeId`; the domain again). The ticket's key makes a retry
 * answer with the first sale and its card: one card, one charge.
 */
export const sellGiftCardAction = staffAction('till')
  .call(argsSchema, (_error, { t }) => refuse(t.wallet.gift_card_amount_invalid))
  .run(async ({ input: { storeId, idempotencyKey, amountCents, tender: raw }, user, t }): Promise<SellGiftCardResult> => {
    const tender = parseTender(raw, t);
    if (!tender.ok) return tender.refusal;
    const sold = await sellTillGiftCard({ storeId, staffId: user.id, amountCents, tender: tender.tender, idempotencyKey });
    revalidatePath(`/staff/stores/${storeId}`, 'layout');
    return { ok: true, saleId: sold.saleId };
  });
