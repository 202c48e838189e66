import 'server-only';
import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { Db } from '@/lib/db';
import { giftCards, storeCreditEntries } from './schema';

/*
 * What the other domains may read of the wallet: what was already given back to it for an order
 * or a return (lib/returns), and a customer's movements as a row source (the account timeline).
 */

/** The wallet-paid part of an order already given back to the wallet (returns, a cancellation). */
export async function walletRefundedForOrder(db: Db, orderId: number): Promise<number> {
  const [row] = await db
    .select({ cents: sql<number>`coalesce(sum(${storeCreditEntries.amountCents}), 0)::int` })
    .from(storeCreditEntries)
    .where(and(eq(storeCreditEntries.orderId, orderId), eq(storeCreditEntries.kind, 'refund')));
  return row?.cents ?? 0;
}

/** What a return gave back to the wallet (the rest of its refund goes to the card or the desk). */
export async function walletRefundOfReturn(db: Db, returnId: number): Promise<number> {
  const [row] = await db
    .select({ cents: sql<number>`coalesce(sum(${storeCreditEntries.amountCents}), 0)::int` })
    .from(storeCreditEntries)
    .where(and(eq(storeCreditEntries.returnId, returnId), eq(storeCreditEntries.kind, 'refund')));
  return row?.cents ?? 0;
}

/**
 * A customer's wallet movements as a row source — `FROM ${customerWalletEntriesSql(id)} w` — with
 * the columns id, customer_id, kind, amount_cents, gift_card_code, order_id, sale_id, return_id,
 * store_id and created_at; read through its (customer_id, created_at) index.
 */
export function customerWalletEntriesSql(customerId: number): SQL {
  return sql`(SELECT e.id, e.customer_id, e.kind, e.amount_cents, g.code AS gift_card_code, e.order_id, e.sale_id, e.return_id, e.store_id, e.created_at
              FROM ${storeCreditEntries} e LEFT JOIN ${giftCards} g ON g.id = e.gift_card_id WHERE e.customer_id = ${customerId})`;
}

/** The gift card a till sale sold (its receipt shows the code), or null for a sale of goods. */
export async function giftCardSoldWith(
  db: Db,
  saleId: number,
): Promise<{ code: string; amountCents: number; expiresAt: Date; paymentReference: string | null } | null> {
  const [card] = await db
    .select({ code: giftCards.code, amountCents: giftCards.initialCents, expiresAt: giftCards.expiresAt, paymentReference: giftCards.paymentReference })
    .from(giftCards)
    .where(eq(giftCards.saleId, saleId))
    .limit(1);
  return card ?? null;
}
