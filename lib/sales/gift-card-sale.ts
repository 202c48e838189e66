import 'server-only';
import { eq } from 'drizzle-orm';
import { getDb, transaction } from '@/lib/db';
import { IdempotencyKeyReusedError } from '@/lib/inventory/commands';
import { issueGiftCard } from '@/lib/wallet/commands';
import { giftCardConfig } from '@/lib/wallet/config';
import { GiftCardAmountError } from '@/lib/wallet/errors';
import { giftCardSoldWith } from '@/lib/wallet/read';
import { findTillSale } from './commands';
import { sales } from './schema';
import { authoriseTillCard, captureTillCard, insertPayments, planTender, voidTillCard, type CardHold, type TenderInput } from './tender';

export type TillGiftCardSale = { saleId: number; code: string; amountCents: number; expiresAt: Date; replayed: boolean };

/**
 * A gift card sold at the till: a till sale of `amountCents` with no lines (nothing leaves the
 * shelf), paid by card, cash or both like any ticket — so the day's close counts its takings — and
 * the card issued inside the same transaction, pointing at the sale. Anonymous (the card is a
 * present: whoever holds the code spends it) and earns no points: points reward what is bought
 * with the card. The ticket's key is claimed first (the sale row, unique key): a retried or
 * doubled request answers with the first sale and its card, one card, one charge.
 */
export async function sellTillGiftCard(input: {
  storeId: number;
  staffId: number;
  amountCents: number;
  tender: TenderInput;
  idempotencyKey: string;
}): Promise<TillGiftCardSale> {
  // Staff of this store (checked from the database) and the key's shape; then a replay.
  const replay = await findTillSale({ storeId: input.storeId, staffId: input.staffId, idempotencyKey: input.idempotencyKey });
  if (replay) return soldCard(replay.saleId, true);
  const key = input.idempotencyKey.trim();
  const { minCents, maxCents } = giftCardConfig();
  if (!Number.isSafeInteger(input.amountCents) || input.amountCents < minCents || input.amountCents > maxCents)
    throw new GiftCardAmountError(minCents, maxCents);
  const plan = planTender(input.tender, input.amountCents);
  const hold: CardHold | null = plan.card ? await authoriseTillCard(plan.card, { ticketKey: key, storeId: input.storeId, customerId: null }) : null;
  let sold: { saleId: number; replayed: boolean };
  try {
    sold = await transaction(async (tx) => {
      const [claimed] = await tx
        .insert(sales)
        .values({
          channel: 'store',
          storeId: input.storeId,
          customerId: null,
          staffId: input.staffId,
          source: 'till',
          totalCents: input.amountCents,
          idempotencyKey: key,
        })
        .onConflictDoNothing({ target: sales.idempotencyKey })
        .returning({ id: sales.id });
      if (!claimed) {
        // The same request twice at once: the other one sold it (the insert waited for its commit).
        const [first] = await tx.select({ id: sales.id, storeId: sales.storeId }).from(sales).where(eq(sales.idempotencyKey, key));
        if (!first || first.storeId !== input.storeId) throw new IdempotencyKeyReusedError();
        return { saleId: first.id, replayed: true };
      }
      await issueGiftCard(tx, {
        amountCents: input.amountCents,
        key: `till:${key}:gift-card`,
        customerId: null,
        storeId: input.storeId,
        saleId: claimed.id,
        paymentReference: hold?.reference ?? null,
      });
      await insertPayments(tx, claimed.id, plan, hold);
      return { saleId: claimed.id, replayed: false };
    });
  } catch (err) {
    if (hold) await voidTillCard(hold);
    throw err;
  }
  const db = await getDb();
  if (sold.replayed && hold) {
    // The twin request's hold is the same one (same key, card, amount) unless another card was typed.
    const first = await giftCardSoldWith(db, sold.saleId);
    if (first && first.paymentReference !== hold.reference) await voidTillCard(hold);
  }
  await captureTillCard(db, sold.saleId, key);
  return soldCard(sold.saleId, sold.replayed);
}

async function soldCard(saleId: number, replayed: boolean): Promise<TillGiftCardSale> {
  const card = await giftCardSoldWith(await getDb(), saleId);
  // A ticket key already used for a sale of goods is not a gift card sale.
  if (!card) throw new IdempotencyKeyReusedError();
  return { saleId, code: card.code, amountCents: card.amountCents, expiresAt: card.expiresAt, replayed };
}
