import 'server-only';
import { sql } from 'drizzle-orm';
import { getDb, type Db } from '@/lib/db';
import { NotEnoughStoreCreditError } from './errors';

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
  await tx.execute(sql`INSERT INTO store_credit_accounts (customer_id) VALUES (${c.customerId}) ON CONFLICT DO NOTHING`);
  // The account row is the lock every change of this shopper's credit queues on.
  const account = await tx.execute<{ balance_cents: number }>(sql`
    SELECT balance_cents FROM store_credit_accounts WHERE customer_id = ${c.customerId} FOR UPDATE`);
  const entry = await tx.execute<{ id: number }>(sql`
    INSERT INTO store_credit_entries (customer_id, kind, amount_cents, return_id, idempotency_key, note)
    VALUES (${c.customerId}, ${c.returnId ? 'return' : 'adjust'}, ${c.amountCents}, ${c.returnId ?? null}, ${c.key}, ${c.note ?? null})
    ON CONFLICT (idempotency_key) DO NOTHING RETURNING id`);
  if (!entry.rows[0]) {
    const first = await tx.execute<{ id: number }>(sql`SELECT id FROM store_credit_entries WHERE idempotency_key = ${c.key}`);
    return { entryId: first.rows[0]!.id, balanceCents: account.rows[0]!.balance_cents, replayed: true };
  }
  const r = await tx.execute<{ balance_cents: number }>(sql`
    UPDATE store_credit_accounts SET balance_cents = balance_cents + ${c.amountCents}, updated_at = now()
    WHERE customer_id = ${c.customerId} RETURNING balance_cents`);
  return { entryId: entry.rows[0].id, balanceCents: r.rows[0]!.balance_cents, replayed: false };
}

/** Spends credit (a checkout, the till): refused with NotEnoughStoreCreditError rather than going below zero. */
export async function spendStoreCredit(
  tx: Db,
  s: { customerId: number; amountCents: number; key: string; note?: string | null },
): Promise<{ entryId: number; balanceCents: number; replayed: boolean }> {
  assertCents(s.amountCents);
  const first = await tx.execute<{ id: number }>(sql`SELECT id FROM store_credit_entries WHERE idempotency_key = ${s.key}`);
  const debited = first.rows[0]
    ? null
    : await tx.execute<{ balance_cents: number }>(sql`
        UPDATE store_credit_accounts SET balance_cents = balance_cents - ${s.amountCents}, updated_at = now()
        WHERE customer_id = ${s.customerId} AND balance_cents >= ${s.amountCents} RETURNING balance_cents`);
  if (first.rows[0]) {
    const b = await tx.execute<{ balance_cents: number }>(sql`SELECT balance_cents FROM store_credit_accounts WHERE customer_id = ${s.customerId}`);
    return { entryId: first.rows[0].id, balanceCents: b.rows[0]?.balance_cents ?? 0, replayed: true };
  }
  if (!debited?.rows[0]) {
    const b = await tx.execute<{ balance_cents: number }>(sql`SELECT balance_cents FROM store_credit_accounts WHERE customer_id = ${s.customerId}`);
    throw new NotEnoughStoreCreditError(b.rows[0]?.balance_cents ?? 0);
  }
  // The unique key is the last guard: a concurrent spend with the same key fails here and rolls back its debit.
  const entry = await tx.execute<{ id: number }>(sql`
    INSERT INTO store_credit_entries (customer_id, kind, amount_cents, idempotency_key, note)
    VALUES (${s.customerId}, 'spend', ${-s.amountCents}, ${s.key}, ${s.note ?? null}) RETURNING id`);
  return { entryId: entry.rows[0]!.id, balanceCents: debited.rows[0].balance_cents, replayed: false };
}

export type StoreCreditEntry = { id: number; kind: 'return' | 'spend' | 'adjust'; amountCents: number; returnId: number | null; at: string };

/** The shopper's balance and latest entries (0 and none when they never had credit). */
export async function getStoreCredit(customerId: number, limit = 20): Promise<{ balanceCents: number; entries: StoreCreditEntry[] }> {
  const db = await getDb();
  const [balance, entries] = await Promise.all([
    db.execute<{ balance_cents: number }>(sql`SELECT balance_cents FROM store_credit_accounts WHERE customer_id = ${customerId}`),
    db.execute<{ id: number; kind: StoreCreditEntry['kind']; amount_cents: number; return_id: number | null; created_at: Date | string }>(sql`
      SELECT id, kind, amount_cents, return_id, created_at FROM store_credit_entries
      WHERE customer_id = ${customerId} ORDER BY created_at DESC, id DESC LIMIT ${limit}`),
  ]);
  return {
    balanceCents: balance.rows[0]?.balance_cents ?? 0,
    entries: entries.rows.map((e) => ({
      id: e.id,
      kind: e.kind,
      amountCents: e.amount_cents,
      returnId: e.return_id,
      at: new Date(e.created_at).toISOString(),
    })),
  };
}
