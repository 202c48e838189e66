import 'server-only';
import { and, desc, eq, gt, sql } from 'drizzle-orm';
import { getDb } from '@/lib/db';
import { giftCardTail, normalizeGiftCardCode } from './code';
import { storeCreditOf, type IssuedGiftCard } from './commands';
import { giftCards, storeCreditEntries, type StoreCreditKind } from './schema';

export type WalletEntry = {
  id: number;
  kind: StoreCreditKind;
  amountCents: number;
  /** Set when the movement was a gift card's: its code's last four characters. */
  giftCardTail: string | null;
  returnId: number | null;
  orderId: number | null;
  saleId: number | null;
  at: string;
};

export type WalletGiftCard = { code: string; balanceCents: number; initialCents: number; expiresAt: string };

export type Wallet = {
  storeCreditCents: number;
  /** The shopper's gift cards that can still be spent (balance left, not expired), soonest to lapse first. */
  giftCards: WalletGiftCard[];
  /** Store credit + those cards: what the wallet can pay today. */
  totalCents: number;
  entries: WalletEntry[];
};

/** The shopper's wallet: balances and latest movements (0 and none when they never had any). */
export async function getWallet(customerId: number, limit = 20): Promise<Wallet> {
  const db = await getDb();
  const [storeCreditCents, cards, entries] = await Promise.all([
    storeCreditOf(db, customerId),
    db
      .select({ code: giftCards.code, balanceCents: giftCards.balanceCents, initialCents: giftCards.initialCents, expiresAt: giftCards.expiresAt })
      .from(giftCards)
      .where(and(eq(giftCards.customerId, customerId), gt(giftCards.balanceCents, 0), gt(giftCards.expiresAt, sql`now()`)))
      .orderBy(giftCards.expiresAt),
    db
      .select({
        id: storeCreditEntries.id,
        kind: storeCreditEntries.kind,
        amountCents: storeCreditEntries.amountCents,
        code: giftCards.code,
        returnId: storeCreditEntries.returnId,
        orderId: storeCreditEntries.orderId,
        saleId: storeCreditEntries.saleId,
        at: storeCreditEntries.createdAt,
      })
      .from(storeCreditEntries)
      .leftJoin(giftCards, eq(giftCards.id, storeCreditEntries.giftCardId))
      .where(eq(storeCreditEntries.customerId, customerId))
      .orderBy(desc(storeCreditEntries.createdAt), desc(storeCreditEntries.id))
      .limit(limit),
  ]);
  const giftCardsLeft = cards.map((c) => ({ ...c, expiresAt: c.expiresAt.toISOString() }));
  return {
    storeCreditCents,
    giftCards: giftCardsLeft,
    totalCents: storeCreditCents + giftCardsLeft.reduce((sum, c) => sum + c.balanceCents, 0),
    entries: entries.map(({ code, at, ...e }) => ({ ...e, giftCardTail: code ? giftCardTail(code) : null, at: at.toISOString() })),
  };
}

/** Whether a gift card can still be spent (for a page that shows a code's balance). */
export async function getGiftCardBalance(code: string): Promise<{ code: string; balanceCents: number; expiresAt: Date; expired: boolean } | null> {
  const normal = normalizeGiftCardCode(code);
  if (!normal) return null;
  const db = await getDb();
  const [card] = await db
    .select({ balanceCents: giftCards.balanceCents, expiresAt: giftCards.expiresAt, live: gt(giftCards.expiresAt, sql`now()`) })
    .from(giftCards)
    .where(eq(giftCards.code, normal));
  return card ? { code: normal, balanceCents: card.balanceCents, expiresAt: card.expiresAt, expired: !card.live } : null;
}

/** The gift card a purchase's key already issued (a retried purchase answers with it), or null. */
export async function findGiftCardByKey(key: string): Promise<IssuedGiftCard | null> {
  const db = await getDb();
  const [row] = await db
    .select({ id: giftCards.id, code: giftCards.code, amountCents: giftCards.initialCents, expiresAt: giftCards.expiresAt })
    .from(giftCards)
    .where(eq(giftCards.idempotencyKey, key));
  return row ? { ...row, replayed: true } : null;
}
