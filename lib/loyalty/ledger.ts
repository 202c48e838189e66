import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '@/lib/db';
import type { LoyaltyChannel, LoyaltyEntryKind } from './schema';

/*
 * The ledger's building blocks, shared by the commands. Every function here expects the account
 * row to be locked by the caller's transaction (lockAccount), which is what makes the reads of
 * lots and entries below safe to act on.
 */

const iso = (at: Date | null | undefined) => (at ? at.toISOString() : null);

/** Locks the account for this transaction; false when the shopper is not a member. */
export async function lockAccount(tx: Db, customerId: number): Promise<boolean> {
  const r = await tx.execute(sql`SELECT 1 FROM loyalty_accounts WHERE customer_id = ${customerId} FOR UPDATE`);
  return r.rows.length > 0;
}

export type KeyedEntry = { id: number; customerId: number; kind: LoyaltyEntryKind; points: number; shortfall: number; discountCents: number };

export async function findEntryByKey(tx: Db, key: string): Promise<KeyedEntry | null> {
  const r = await tx.execute<{ id: number; customer_id: number; kind: LoyaltyEntryKind; points: number; shortfall: number; discount_cents: number }>(
    sql`SELECT id, customer_id, kind, points, shortfall, discount_cents FROM loyalty_entries WHERE idempotency_key = ${key}`,
  );
  const e = r.rows[0];
  return e
    ? { id: e.id, customerId: e.customer_id, kind: e.kind, points: Number(e.points), shortfall: Number(e.shortfall), discountCents: Number(e.discount_cents) }
    : null;
}

/** Spend recorded over the `months` before `at` (default now): what sets the tier. */
export async function rollingSpendCents(tx: Db, customerId: number, at: Date | null, months: number): Promise<number> {
  const r = await tx.execute<{ spend: number }>(sql`
    SELECT coalesce(sum(spend_cents), 0)::int AS spend FROM loyalty_entries
    WHERE customer_id = ${customerId}
      AND created_at > coalesce(${iso(at)}::timestamptz, now()) - make_interval(months => ${months}::int)
      AND created_at <= coalesce(${iso(at)}::timestamptz, now())`);
  return Number(r.rows[0]!.spend);
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
  const r = await tx.execute<{ id: number }>(sql`
    INSERT INTO loyalty_entries (customer_id, kind, points, channel, store_id, order_id, sale_id, idempotency_key,
                                 spend_cents, shortfall, discount_cents, staff_id, note, created_at)
    VALUES (${e.customerId}, ${e.kind}, ${e.points}, ${e.channel}, ${e.storeId}, ${e.orderId}, ${e.saleId}, ${e.key},
            ${e.spendCents ?? 0}, ${e.shortfall ?? 0}, ${e.discountCents ?? 0}, ${e.staffId ?? null}, ${e.note ?? null},
            coalesce(${iso(e.at)}::timestamptz, now()))
    RETURNING id`);
  return r.rows[0]!.id;
}

/** Points credited by `entryId`, spendable until `expiryMonths` after `at`. */
export async function creditLot(tx: Db, l: { customerId: number; entryId: number; points: number; at: Date | null; expiryMonths: number }): Promise<void> {
  await tx.execute(sql`
    INSERT INTO loyalty_lots (customer_id, entry_id, points, remaining, earned_at, expires_at)
    SELECT ${l.customerId}, ${l.entryId}, ${l.points}, ${l.points}, t, t + make_interval(months => ${l.expiryMonths}::int)
    FROM (SELECT coalesce(${iso(l.at)}::timestamptz, now()) AS t) x`);
}

/**
 * Takes `points` from the account's lots, those expiring first first — after the lots of
 * `prefer` (the order or sale being reversed), which are the very points being taken back. The
 * balance has already been debited by the same amount; lots that cannot cover it mean the two
 * have drifted apart, and the transaction is aborted rather than committed wrong.
 */
export async function consumeLots(tx: Db, customerId: number, points: number, prefer: { orderId: number | null; saleId: number | null } | null): Promise<void> {
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
