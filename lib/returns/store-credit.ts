import 'server-only';
import { and, desc, eq, gte, sql } from 'drizzle-orm';
import { getDb, type Db } from '@/lib/db';
import { NotEnoughStoreCreditError } from './errors';
import { storeCreditAccounts, storeCreditEntries } from './schema';

export { NotEnoughStoreCreditError };

/*
 * Store credit: one balance per shopper, spendable online and in the shops. The balance moves only
 * by conditional UPDATEs in the same transaction as its ledger entry (CHECK balance ≥ 0), and an
 * entry's idempotency key is unique, so a retried refund credits once and a retried spend debits once.
 */

function assertCents(amount: number): void {
  if (!Number.isSafeInteger(amount) || amount <= 0 || amount > 99_999_999) throw new Error('amountCents must be a positive whole number of cents');
}

/** Credits the shopper (inside the caller's transaction). The same key again: the first entry, nothing added. */
export async function creditStoreCredit(
  tx: Db,
  c: { customerId: number; amountCents: number; key: string; returnId?: number | null; note?: string | null },
): Promise<{ entryId: number; balanceCents: number; replayed: boolean }> {
  assertCents(c.amountCents);
  await tx.insert(storeCreditAccounts).values({ customerId: c.customerId }).onConflictDoNothing();
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
      kind: c.returnId ? 'return' : 'adjust',
      amountCents: c.amountCents,
      returnId: c.returnId ?? null,
      idempotencyKey: c.key,
      note: c.note ?? null,
    })
    .onConflictDoNothing({ target: storeCreditEntries.idempotencyKey })
    .returning({ id: storeCreditEntries.id });
  if (!entry) return { entryId: (await entryByKey(tx, c.key))!, balanceCents: account!.balanceCents, replayed: true };
  const [credited] = await tx
    .update(storeCreditAccounts)
    .set({ balanceCents: sql`${storeCreditAccounts.balanceCents} + ${c.amountCents}`, updatedAt: sql`now()` })
    .where(eq(storeCreditAccounts.customerId, c.customerId))
    .returning({ balanceCents: storeCreditAccounts.balanceCents });
  return { entryId: entry.id, balanceCents: credited!.balanceCents, replayed: false };
}

/** Spends credit (a checkout, the till): refused with NotEnoughStoreCreditError rather than going below zero. */
export async function spendStoreCredit(
  tx: Db,
  s: { customerId: number; amountCents: number; key: string; note?: string | null },
): Promise<{ entryId: number; balanceCents: number; replayed: boolean }> {
  assertCents(s.amountCents);
  const first = await entryByKey(tx, s.key);
  if (first !== null) return { entryId: first, balanceCents: await balanceOf(tx, s.customerId), replayed: true };
  // The balance only goes down where it holds the amount (in the WHERE clause), never below zero.
  const [debited] = await tx
    .update(storeCreditAccounts)
    .set({ balanceCents: sql`${storeCreditAccounts.balanceCents} - ${s.amountCents}`, updatedAt: sql`now()` })
    .where(and(eq(storeCreditAccounts.customerId, s.customerId), gte(storeCreditAccounts.balanceCents, s.amountCents)))
    .returning({ balanceCents: storeCreditAccounts.balanceCents });
  if (!debited) throw new NotEnoughStoreCreditError(await balanceOf(tx, s.customerId));
  // The unique key is the last guard: a concurrent spend with the same key fails here and rolls back its debit.
  const [entry] = await tx
    .insert(storeCreditEntries)
    .values({ customerId: s.customerId, kind: 'spend', amountCents: -s.amountCents, idempotencyKey: s.key, note: s.note ?? null })
    .returning({ id: storeCreditEntries.id });
  return { entryId: entry!.id, balanceCents: debited.balanceCents, replayed: false };
}

async function entryByKey(tx: Db, key: string): Promise<number | null> {
  const [entry] = await tx.select({ id: storeCreditEntries.id }).from(storeCreditEntries).where(eq(storeCreditEntries.idempotencyKey, key));
  return entry?.id ?? null;
}

async function balanceOf(db: Db, customerId: number): Promise<number> {
  const [account] = await db
    .select({ balanceCents: storeCreditAccounts.balanceCents })
    .from(storeCreditAccounts)
    .where(eq(storeCreditAccounts.customerId, customerId));
  return account?.balanceCents ?? 0;
}

export type StoreCreditEntry = { id: number; kind: 'return' | 'spend' | 'adjust'; amountCents: number; returnId: number | null; at: string };

/** The shopper's balance and latest entries (0 and none when they never had credit). */
export async function getStoreCredit(customerId: number, limit = 20): Promise<{ balanceCents: number; entries: StoreCreditEntry[] }> {
  const db = await getDb();
  const [balanceCents, entries] = await Promise.all([
    balanceOf(db, customerId),
    db
      .select({
        id: storeCreditEntries.id,
        kind: storeCreditEntries.kind,
        amountCents: storeCreditEntries.amountCents,
        returnId: storeCreditEntries.returnId,
        at: storeCreditEntries.createdAt,
      })
      .from(storeCreditEntries)
      .where(eq(storeCreditEntries.customerId, customerId))
      .orderBy(desc(storeCreditEntries.createdAt), desc(storeCreditEntries.id))
      .limit(limit),
  ]);
  return { balanceCents, entries: entries.map((e) => ({ ...e, at: e.at.toISOString() })) };
}
