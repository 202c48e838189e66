import 'server-only';
import { and, eq, gt, lte, sql, type SQL } from 'drizzle-orm';
import type { Db } from '@/lib/db';
import { loyaltyAccounts, loyaltyEntries, loyaltyLots, type LoyaltyChannel, type LoyaltyEntryKind } from './schema';

/*
 * The ledger's building blocks, shared by the commands. Every function here expects the account
 * row to be locked by the caller's transaction (lockAccount), which is what makes the reads of
 * lots and entries below safe to act on.
 */

const iso = (at: Date | null | undefined) => (at ? at.toISOString() : null);

/** The moment an entry is written at: the caller's `at` (a replayed import, a test), else the transaction's now(). */
const momentOf = (at: Date | null | undefined): SQL => (at ? sql`${at.toISOString()}::timestamptz` : sql`now()`);

/** Locks the account for this transaction; false when the shopper is not a member. */
export async function lockAccount(tx: Db, customerId: number): Promise<boolean> {
  const [account] = await tx
    .select({ customerId: loyaltyAccounts.customerId })
    .from(loyaltyAccounts)
    .where(eq(loyaltyAccounts.customerId, customerId))
    .for('update');
  return account !== undefined;
}

export type KeyedEntry = { id: number; customerId: number; kind: LoyaltyEntryKind; points: number; shortfall: number; discountCents: number };

export async function findEntryByKey(tx: Db, key: string): Promise<KeyedEntry | null> {
  const [entry] = await tx
    .select({
      id: loyaltyEntries.id,
      customerId: loyaltyEntries.customerId,
      kind: loyaltyEntries.kind,
      points: loyaltyEntries.points,
      shortfall: loyaltyEntries.shortfall,
      discountCents: loyaltyEntries.discountCents,
    })
    .from(loyaltyEntries)
    .where(eq(loyaltyEntries.idempotencyKey, key));
  return entry ?? null;
}

/** Spend recorded over the `months` before `at` (default now): what sets the tier. */
export async function rollingSpendCents(tx: Db, customerId: number, at: Date | null, months: number): Promise<number> {
  const [row] = await tx
    .select({ spend: sql<number>`coalesce(sum(${loyaltyEntries.spendCents}), 0)::int` })
    .from(loyaltyEntries)
    .where(
      and(
        eq(loyaltyEntries.customerId, customerId),
        gt(loyaltyEntries.createdAt, sql`${momentOf(at)} - make_interval(months => ${months}::int)`),
        lte(loyaltyEntries.createdAt, momentOf(at)),
      ),
    );
  return row!.spend;
}

export async function insertEntry(
  tx: Db,
  e: {
    customerId: number;
    kind: LoyaltyEntryKind;
    points: number;
    channel: LoyaltyChannel | null;
    storeId: number | null;
    orderId: number | null;
    saleId: number | null;
    key: string;
    spendCents?: number;
    shortfall?: number;
    discountCents?: number;
    staffId?: number | null;
    note?: string | null;
    at: Date | null;
  },
): Promise<number> {
  const [entry] = await tx
    .insert(loyaltyEntries)
    .values({
      customerId: e.customerId,
      kind: e.kind,
      points: e.points,
      channel: e.channel,
      storeId: e.storeId,
      orderId: e.orderId,
      saleId: e.saleId,
      idempotencyKey: e.key,
      spendCents: e.spendCents ?? 0,
      shortfall: e.shortfall ?? 0,
      discountCents: e.discountCents ?? 0,
      staffId: e.staffId ?? null,
      note: e.note ?? null,
      createdAt: momentOf(e.at),
    })
    .returning({ id: loyaltyEntries.id });
  return entry!.id;
}

/** Points credited by `entryId`, spendable until `expiryMonths` after `at`. */
export async function creditLot(tx: Db, l: { customerId: number; entryId: number; points: number; at: Date | null; expiryMonths: number }): Promise<void> {
  const earnedAt = momentOf(l.at);
  await tx.insert(loyaltyLots).values({
    customerId: l.customerId,
    entryId: l.entryId,
    points: l.points,
    remaining: l.points,
    earnedAt,
    expiresAt: sql`${earnedAt} + make_interval(months => ${l.expiryMonths}::int)`,
  });
}

/**
 * Takes `points` from the account's lots, those expiring first first — after the lots of
 * `prefer` (the order or sale being reversed), which are the very points being taken back. The
 * balance has already been debited by the same amount; lots that cannot cover it mean the two
 * have drifted apart, and the transaction is aborted rather than committed wrong.
 */
export async function consumeLots(tx: Db, customerId: number, points: number, prefer: { orderId: number | null; saleId: number | null } | null): Promise<void> {
  // Raw SQL: a running sum over the lots (window) picks what to take; CTEs take it in the same statement.
  const r = await tx.execute<{ taken: number }>(sql`
    WITH open AS (
      SELECT l.id, l.remaining,
             sum(l.remaining) OVER (
               ORDER BY CASE WHEN e.order_id = ${prefer?.orderId ?? null}::int OR e.sale_id = ${prefer?.saleId ?? null}::int THEN 0 ELSE 1 END,
                        l.expires_at, l.id
               ROWS UNBOUNDED PRECEDING) AS upto
      FROM loyalty_lots l JOIN loyalty_entries e ON e.id = l.entry_id
      WHERE l.customer_id = ${customerId} AND l.remaining > 0
    ), take AS (
      SELECT id, LEAST(remaining, ${points}::int - (upto - remaining))::int AS n FROM open WHERE upto - remaining < ${points}::int
    ), done AS (
      UPDATE loyalty_lots l SET remaining = l.remaining - take.n FROM take WHERE l.id = take.id RETURNING take.n
    )
    SELECT coalesce(sum(n), 0)::int AS taken FROM done`);
  const taken = Number(r.rows[0]!.taken);
  if (taken !== points) throw new Error(`Loyalty lots of customer ${customerId} hold ${taken} of the ${points} points debited`);
}

/** Debits up to `target` points, never below zero; returns what was taken. */
export async function debitUpTo(tx: Db, customerId: number, target: number): Promise<number> {
  // Raw SQL: UPDATE … FROM reads the balance before the debit, so RETURNING can say how much was taken.
  const r = await tx.execute<{ taken: number }>(sql`
    UPDATE loyalty_accounts a SET balance = a.balance - t.take, updated_at = now()
    FROM (SELECT LEAST(${target}::int, balance) AS take FROM loyalty_accounts WHERE customer_id = ${customerId}) t
    WHERE a.customer_id = ${customerId}
    RETURNING t.take AS taken`);
  return Number(r.rows[0]?.taken ?? 0);
}

/**
 * Expires lots past their date: each lot's remaining points become one 'expire' entry (key
 * 'expire:lot:<id>', so a lot expires once whoever sweeps), taken off the balance, in one
 * statement. Either the lots of one locked account as of `at` (before it spends, so it never
 * spends points that have lapsed), or the rows `due` selects (the sweeper's SKIP LOCKED batch).
 */
export async function expireLotsOf(tx: Db, customerId: number | null, at: Date | null, due?: SQL): Promise<{ expired: number; points: number }> {
  const selection =
    due ??
    sql`SELECT id, customer_id, remaining FROM loyalty_lots
        WHERE customer_id = ${customerId} AND remaining > 0 AND expires_at <= coalesce(${iso(at)}::timestamptz, now())`;
  // Raw SQL: one statement of CTEs zeroes the lots, writes their entries and debits the balances.
  const r = await tx.execute<{ expired: number; points: number }>(sql`
    WITH due AS (${selection}),
    zeroed AS (
      UPDATE loyalty_lots l SET remaining = 0 FROM due WHERE l.id = due.id RETURNING l.id
    ), written AS (
      INSERT INTO loyalty_entries (customer_id, kind, points, idempotency_key, created_at)
      SELECT customer_id, 'expire', -remaining, 'expire:lot:' || id, coalesce(${iso(at)}::timestamptz, now()) FROM due
      RETURNING customer_id, points
    ), debited AS (
      UPDATE loyalty_accounts a SET balance = a.balance + t.total, updated_at = now()
      FROM (SELECT customer_id, sum(points)::int AS total FROM written GROUP BY customer_id) t
      WHERE a.customer_id = t.customer_id RETURNING a.customer_id
    )
    SELECT (SELECT count(*) FROM written)::int AS expired,
           (SELECT coalesce(-sum(points), 0) FROM written)::int AS points,
           (SELECT count(*) FROM zeroed)::int AS zeroed,
           (SELECT count(*) FROM debited)::int AS debited`);
  return { expired: Number(r.rows[0]!.expired), points: Number(r.rows[0]!.points) };
}
