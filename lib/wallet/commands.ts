import 'server-only';
import { and, eq, gt, gte, sql } from 'drizzle-orm';
import type { Db } from '@/lib/db';
import { giftCardTail, newGiftCardCode, normalizeGiftCardCode } from './code';
import { giftCardConfig } from './config';
import { GiftCardAmountError, GiftCardExpiredError, GiftCardUnknownError, NotEnoughOnGiftCardError, NotEnoughStoreCreditError } from './errors';
import { giftCards, storeCreditAccounts, storeCreditEntries } from './schema';

/*
 * The wallet's writes, each inside the caller's transaction (an order, a sale, a return), so the
 * money moves with what it pays for or not at all. A balance only moves by a conditional UPDATE
 * (`WHERE balance_cents >= n`: two channels spending the last euro make one payment), in the same
 * transaction as its ledger entry, whose unique key makes a retried spend or credit the first one.
 */

export type WalletMove = { entryId: number; balanceCents: number; replayed: boolean };

/** What a movement paid for or came from, written on its entry (the timeline and the refunds read it). */
export type WalletLink = { orderId?: number | null; saleId?: number | null; returnId?: number | null; storeId?: number | null; note?: string | null };

function assertCents(amount: number): void {
  if (!Number.isSafeInteger(amount) || amount <= 0 || amount > 99_999_999) throw new Error('amountCents must be a positive whole number of cents');
}

const links = (l: WalletLink) => ({
  orderId: l.orderId ?? null,
  saleId: l.saleId ?? null,
  returnId: l.returnId ?? null,
  storeId: l.storeId ?? null,
  note: l.note ?? null,
});

async function ensureAccount(tx: Db, customerId: number): Promise<void> {
  await tx.insert(storeCreditAccounts).values({ customerId }).onConflictDoNothing();
}

/**
 * Credits the shopper's store credit: a return refunded as credit (`returnId`, kind 'return'), the
 * wallet-paid part of a returned order ('refund'), or staff ('adjust'). The same key again: the
 * first entry, nothing added.
 */
export async function creditStoreCredit(
  tx: Db,
  c: { customerId: number; amountCents: number; key: string; kind?: 'return' | 'refund' | 'adjust' } & WalletLink,
): Promise<WalletMove> {
  assertCents(c.amountCents);
  await ensureAccount(tx, c.customerId);
  // The account row is the lock every change of this shopper's credit queues on.
  const [account] = await tx
    .select({ balanceCents: storeCreditAccounts.balanceCents })
    .from(storeCreditAccounts)
    .where(eq(storeCreditAccounts.customerId, c.customerId))
    .for('update');
  const [entry] = await tx
    .insert(storeCreditEntries)
    .values({
      customerId: c.customerId,
      kind: c.kind ?? (c.returnId ? 'return' : 'adjust'),
      amountCents: c.amountCents,
      idempotencyKey: c.key,
      ...links(c),
    })
    .onConflictDoNothing({ target: storeCreditEntries.idempotencyKey })
    .returning({ id: storeCreditEntries.id });
  if (!entry) return { entryId: (await entryByKey(tx, c.key))!.id, balanceCents: account!.balanceCents, replayed: true };
  const [credited] = await tx
    .update(storeCreditAccounts)
    .set({ balanceCents: sql`${storeCreditAccounts.balanceCents} + ${c.amountCents}`, updatedAt: sql`now()` })
    .where(eq(storeCreditAccounts.customerId, c.customerId))
    .returning({ balanceCents: storeCreditAccounts.balanceCents });
  return { entryId: entry.id, balanceCents: credited!.balanceCents, replayed: false };
}

/** Spends store credit (a checkout, the till): refused with NotEnoughStoreCreditError rather than going below zero. */
export async function spendStoreCredit(tx: Db, s: { customerId: number; amountCents: number; key: string } & WalletLink): Promise<WalletMove> {
  assertCents(s.amountCents);
  const first = await entryByKey(tx, s.key);
  if (first !== null) return { entryId: first.id, balanceCents: await storeCreditOf(tx, s.customerId), replayed: true };
  // The balance only goes down where it holds the amount (in the WHERE clause), never below zero.
  const [debited] = await tx
    .update(storeCreditAccounts)
    .set({ balanceCents: sql`${storeCreditAccounts.balanceCents} - ${s.amountCents}`, updatedAt: sql`now()` })
    .where(and(eq(storeCreditAccounts.customerId, s.customerId), gte(storeCreditAccounts.balanceCents, s.amountCents)))
    .returning({ balanceCents: storeCreditAccounts.balanceCents });
  if (!debited) throw new NotEnoughStoreCreditError(await storeCreditOf(tx, s.customerId));
  // The unique key is the last guard: a concurrent spend with the same key fails here and rolls back its debit.
  const [entry] = await tx
    .insert(storeCreditEntries)
    .values({ customerId: s.customerId, kind: 'spend', amountCents: -s.amountCents, idempotencyKey: s.key, ...links(s) })
    .returning({ id: storeCreditEntries.id });
  return { entryId: entry!.id, balanceCents: debited.balanceCents, replayed: false };
}

export type IssuedGiftCard = { id: number; code: string; amountCents: number; expiresAt: Date; replayed: boolean };

/**
 * A gift card sold (online, or at the till inside the sale's transaction): a fresh code worth
 * `amountCents` until the validity runs out, and its entry. In the buyer's wallet when `customerId`
 * is given. The same key again answers with the first card: a retried purchase issues one card.
 */
export async function issueGiftCard(
  tx: Db,
  g: { amountCents: number; key: string; customerId: number | null; storeId?: number | null; saleId?: number | null; paymentReference?: string | null },
): Promise<IssuedGiftCard> {
  const { minCents, maxCents, validityDays } = giftCardConfig();
  if (!Number.isSafeInteger(g.amountCents) || g.amountCents < minCents || g.amountCents > maxCents) throw new GiftCardAmountError(minCents, maxCents);
  const [made] = await tx
    .insert(giftCards)
    .values({
      code: newGiftCardCode(),
      initialCents: g.amountCents,
      balanceCents: g.amountCents,
      expiresAt: sql`now() + make_interval(days => ${validityDays})`,
      customerId: g.customerId,
      storeId: g.storeId ?? null,
      saleId: g.saleId ?? null,
      paymentReference: g.paymentReference ?? null,
      idempotencyKey: g.key,
    })
    .onConflictDoNothing({ target: giftCards.idempotencyKey })
    .returning();
  if (!made) {
    const [first] = await tx.select().from(giftCards).where(eq(giftCards.idempotencyKey, g.key));
    return { id: first!.id, code: first!.code, amountCents: first!.initialCents, expiresAt: first!.expiresAt, replayed: true };
  }
  if (g.customerId !== null) await ensureAccount(tx, g.customerId);
  await tx.insert(storeCreditEntries).values({
    customerId: g.customerId,
    giftCardId: made.id,
    kind: 'gift_card',
    amountCents: g.amountCents,
    idempotencyKey: `${g.key}:issue`,
    storeId: g.storeId ?? null,
    saleId: g.saleId ?? null,
    note: giftCardTail(made.code),
  });
  return { id: made.id, code: made.code, amountCents: g.amountCents, expiresAt: made.expiresAt, replayed: false };
}

/**
 * Spends a gift card by its code (whoever holds the code may: a gift changes hands). Refused when
 * the code is unknown, the card expired or holds less than `amountCents`; the entry is written on
 * the card's owner, if any, so it shows in their wallet.
 */
export async function spendGiftCard(tx: Db, s: { code: string; amountCents: number; key: string } & WalletLink): Promise<WalletMove & { giftCardId: number }> {
  assertCents(s.amountCents);
  const code = normalizeGiftCardCode(s.code);
  if (!code) throw new GiftCardUnknownError();
  const first = await entryByKey(tx, s.key);
  if (first !== null) {
    const [card] = await tx
      .select({ balanceCents: giftCards.balanceCents })
      .from(giftCards)
      .where(eq(giftCards.id, first.giftCardId ?? 0));
    return { entryId: first.id, giftCardId: first.giftCardId ?? 0, balanceCents: card?.balanceCents ?? 0, replayed: true };
  }
  const [debited] = await tx
    .update(giftCards)
    .set({ balanceCents: sql`${giftCards.balanceCents} - ${s.amountCents}` })
    .where(and(eq(giftCards.code, code), gte(giftCards.balanceCents, s.amountCents), gt(giftCards.expiresAt, sql`now()`)))
    .returning({ id: giftCards.id, balanceCents: giftCards.balanceCents, customerId: giftCards.customerId });
  if (!debited) {
    const [card] = await tx.select({ balanceCents: giftCards.balanceCents, expiresAt: giftCards.expiresAt }).from(giftCards).where(eq(giftCards.code, code));
    if (!card) throw new GiftCardUnknownError();
    if (card.expiresAt.getTime() <= Date.now()) throw new GiftCardExpiredError(card.expiresAt);
    throw new NotEnoughOnGiftCardError(card.balanceCents);
  }
  const [entry] = await tx
    .insert(storeCreditEntries)
    .values({
      customerId: debited.customerId,
      giftCardId: debited.id,
      kind: 'spend',
      amountCents: -s.amountCents,
      idempotencyKey: s.key,
      ...links(s),
      note: s.note ?? giftCardTail(code),
    })
    .returning({ id: storeCreditEntries.id });
  return { entryId: entry!.id, giftCardId: debited.id, balanceCents: debited.balanceCents, replayed: false };
}

async function entryByKey(tx: Db, key: string): Promise<{ id: number; giftCardId: number | null } | null> {
  const [entry] = await tx
    .select({ id: storeCreditEntries.id, giftCardId: storeCreditEntries.giftCardId })
    .from(storeCreditEntries)
    .where(eq(storeCreditEntries.idempotencyKey, key));
  return entry ?? null;
}

export async function storeCreditOf(db: Db, customerId: number): Promise<number> {
  const [account] = await db
    .select({ balanceCents: storeCreditAccounts.balanceCents })
    .from(storeCreditAccounts)
    .where(eq(storeCreditAccounts.customerId, customerId));
  return account?.balanceCents ?? 0;
}
