import 'server-only';
import { randomInt } from 'node:crypto';
import { and, eq, gte, sql } from 'drizzle-orm';
import { getDb, transaction, type Db } from '@/lib/db';
import { PG_FOREIGN_KEY_VIOLATION, pgErrorCode } from '@/lib/errors';
import { cardNumberFromBody } from './card-number';
import { discountForPoints, getLoyaltyRules, pointsForSpend, tierForSpend } from './config';
import { InvalidAdjustmentError, InvalidRedemptionError, NotAMemberError, NotEnoughPointsError, UnknownCustomerError } from './errors';
import { type KeyedEntry, consumeLots, creditLot, debitUpTo, expireLotsOf, findEntryByKey, insertEntry, lockAccount, rollingSpendCents } from './ledger';
import { loyaltyAccounts, type LoyaltyChannel } from './schema';

/*
 * Loyalty writes. Each command locks the shopper's account row first (FOR UPDATE), so everything
 * one account does — earn, redeem, reverse, expire, adjust — happens one at a time, and a retried
 * request finds the first one's entry by its idempotency key. The balance itself only moves by a
 * conditional UPDATE (`balance >= n`) and a CHECK (balance >= 0); a deferred trigger checks at
 * commit that balance = sum of entries = points left in lots
 * (lib/db/migrations/0008_loyalty_functions.sql).
 *
 * Commands that take `tx` run inside the caller's transaction (the order, the till sale), so the
 * points and the purchase are written together or not at all. A refusal is thrown before anything
 * is written.
 */

function assertKey(key: string): void {
  if (typeof key !== 'string' || key.length === 0 || key.length > 200) throw new Error('An idempotency key of 1 to 200 characters is required');
}

function assertCustomerId(id: number): void {
  if (!Number.isSafeInteger(id) || id <= 0 || id > 2_147_483_647) throw new NotAMemberError();
}

/** Adds points to the (locked) account's balance. */
async function credit(tx: Db, customerId: number, points: number): Promise<void> {
  await tx
    .update(loyaltyAccounts)
    .set({ balance: sql`${loyaltyAccounts.balance} + ${points}`, updatedAt: sql`now()` })
    .where(eq(loyaltyAccounts.customerId, customerId));
}

/** Takes points off the balance only if it holds them (the condition is the invariant); false when it does not. */
async function debit(tx: Db, customerId: number, points: number): Promise<boolean> {
  const debited = await tx
    .update(loyaltyAccounts)
    .set({ balance: sql`${loyaltyAccounts.balance} - ${points}`, updatedAt: sql`now()` })
    .where(and(eq(loyaltyAccounts.customerId, customerId), gte(loyaltyAccounts.balance, points)))
    .returning({ balance: loyaltyAccounts.balance });
  return debited.length > 0;
}

async function balanceOf(tx: Db, customerId: number): Promise<number> {
  const [account] = await tx.select({ balance: loyaltyAccounts.balance }).from(loyaltyAccounts).where(eq(loyaltyAccounts.customerId, customerId));
  return account?.balance ?? 0;
}

/** A key already used for another customer or another kind of entry is a caller's bug, not a replay. */
function sameRequest(first: KeyedEntry, customerId: number, kind: KeyedEntry['kind']): KeyedEntry {
  if (first.customerId !== customerId || first.kind !== kind) throw new Error(`Idempotency key already used for another ${first.kind} entry`);
  return first;
}

/**
 * Gives the shopper a card (idempotent: joining twice returns the same card). The number is drawn
 * at random — a sequence would let anyone guess a neighbour's card at the till — and a collision
 * with an existing card simply draws again.
 */
export async function joinLoyalty(customerId: number, opts: { tx?: Db; at?: Date } = {}): Promise<{ cardNumber: string }> {
  if (!Number.isSafeInteger(customerId) || customerId <= 0 || customerId > 2_147_483_647) throw new UnknownCustomerError();
  const db = opts.tx ?? (await getDb());
  for (let attempt = 0; attempt < 8; attempt++) {
    const cardNumber = cardNumberFromBody(String(randomInt(0, 10_000_000_000)).padStart(10, '0'));
    let inserted;
    try {
      inserted = await db
        .insert(loyaltyAccounts)
        .values({ customerId, cardNumber, joinedAt: opts.at ?? sql`now()`, updatedAt: sql`now()` })
        .onConflictDoNothing()
        .returning({ cardNumber: loyaltyAccounts.cardNumber });
    } catch (err) {
      if (pgErrorCode(err) === PG_FOREIGN_KEY_VIOLATION) throw new UnknownCustomerError();
      throw err;
    }
    if (inserted[0]) return inserted[0];
    const [existing] = await db.select({ cardNumber: loyaltyAccounts.cardNumber }).from(loyaltyAccounts).where(eq(loyaltyAccounts.customerId, customerId));
    if (existing) return existing;
    // Neither ours nor inserted: the drawn number belongs to someone else. Draw again.
  }
  throw new Error('Could not draw a free loyalty card number');
}

export type EarnInput = {
  customerId: number;
  spendCents: number;
  channel: LoyaltyChannel;
  storeId: number | null;
  orderId?: number | null;
  saleId?: number | null;
  key: string;
  /** When the purchase happened (the seed's history); default now. */
  at?: Date;
};

/**
 * Points for a purchase: floor(euros × points per euro × the tier's multiplier), the tier being
 * the one the last 12 months' spend gives before this purchase. The spend is recorded (it counts
 * towards the tier) even when it earns no point. Null when the shopper is not a member; the same
 * key again returns the first entry's result and writes nothing.
 */
export async function earnPoints(tx: Db, e: EarnInput): Promise<{ entryId: number; points: number } | null> {
  assertKey(e.key);
  if (!Number.isSafeInteger(e.spendCents) || e.spendCents < 0) throw new Error('spendCents must be a whole number of cents, 0 or more');
  assertCustomerId(e.customerId);
  if (!(await lockAccount(tx, e.customerId))) return null;
  const first = await findEntryByKey(tx, e.key);
  if (first) return { entryId: sameRequest(first, e.customerId, 'earn').id, points: first.points };

  const rules = getLoyaltyRules();
  const at = e.at ?? null;
  const spend = await rollingSpendCents(tx, e.customerId, at, rules.tierWindowMonths);
  const points = pointsForSpend(rules, e.spendCents, tierForSpend(rules, spend).tier.multiplier);
  const entryId = await insertEntry(tx, {
    customerId: e.customerId,
    kind: 'earn',
    points,
    channel: e.channel,
    storeId: e.storeId,
    orderId: e.orderId ?? null,
    saleId: e.saleId ?? null,
    key: e.key,
    spendCents: e.spendCents,
    at,
  });
  if (points > 0) {
    await credit(tx, e.customerId, points);
    await creditLot(tx, { customerId: e.customerId, entryId, points, at, expiryMonths: rules.expiryMonths });
  }
  return { entryId, points };
}

export type RedeemInput = {
  customerId: number;
  points: number;
  channel: LoyaltyChannel;
  storeId: number | null;
  orderId?: number | null;
  saleId?: number | null;
  key: string;
  at?: Date;
};

/**
 * Points off a purchase, in whole steps (100 points = €5 off), taken from the lots that expire
 * first. Refuses InvalidRedemptionError, NotAMemberError, NotEnoughPointsError before writing
 * anything. The same key again → the first redemption, `replayed: true`, no second effect.
 */
export async function redeemPoints(tx: Db, r: RedeemInput): Promise<{ entryId: number; points: number; discountCents: number; replayed: boolean }> {
  assertKey(r.key);
  const rules = getLoyaltyRules();
  if (!Number.isSafeInteger(r.points) || r.points <= 0 || r.points % rules.redeemStepPoints !== 0) {
    throw new InvalidRedemptionError(rules.redeemStepPoints);
  }
  assertCustomerId(r.customerId);
  if (!(await lockAccount(tx, r.customerId))) throw new NotAMemberError();
  const first = await findEntryByKey(tx, r.key);
  if (first) return { entryId: sameRequest(first, r.customerId, 'redeem').id, points: -first.points, discountCents: first.discountCents, replayed: true };

  const at = r.at ?? null;
  await expireLotsOf(tx, r.customerId, at);
  if (!(await debit(tx, r.customerId, r.points))) throw new NotEnoughPointsError(await balanceOf(tx, r.customerId), r.points);
  const discountCents = discountForPoints(rules, r.points);
  const entryId = await insertEntry(tx, {
    customerId: r.customerId,
    kind: 'redeem',
    points: -r.points,
    channel: r.channel,
    storeId: r.storeId,
    orderId: r.orderId ?? null,
    saleId: r.saleId ?? null,
    key: r.key,
    discountCents,
    at,
  });
  await consumeLots(tx, r.customerId, r.points, null);
  return { entryId, points: r.points, discountCents, replayed: false };
}

export type ReverseInput = {
  customerId: number;
  orderId?: number | null;
  saleId?: number | null;
  key: string;
  /** A partial return: the amount given back. Without it, the whole order or sale is cancelled. */
  spendCents?: number;
  /** Where it happened when that is a shop (a returns desk): the entry is the store channel's there. */
  storeId?: number;
  at?: Date;
};

export type ReverseResult = { reversedEarned: number; shortfall: number; restoredRedeemed: number };

/**
 * An order or sale cancelled or returned. Takes back the points it earned — all of them, or for a
 * partial return the share of `spendCents` in its spend (cumulatively, so returning everything
 * piece by piece takes back exactly what was earned) — and, when the whole of it is cancelled,
 * gives back the points redeemed on it (as a new lot). Never below zero: what has already been
 * spent is not taken, it is recorded as the entry's `shortfall`. Idempotent by key; a non-member
 * gets zeros and nothing is written.
 */
export async function reversePoints(tx: Db, r: ReverseInput): Promise<ReverseResult> {
  assertKey(r.key);
  const orderId = r.orderId ?? null;
  const saleId = r.saleId ?? null;
  if ((orderId === null) === (saleId === null)) throw new Error('reversePoints needs exactly one of orderId and saleId');
  if (r.spendCents !== undefined && (!Number.isSafeInteger(r.spendCents) || r.spendCents < 0)) {
    throw new Error('spendCents must be a whole number of cents, 0 or more');
  }
  assertCustomerId(r.customerId);
  if (!(await lockAccount(tx, r.customerId))) return { reversedEarned: 0, shortfall: 0, restoredRedeemed: 0 };
  const first = await findEntryByKey(tx, r.key);
  if (first) {
    sameRequest(first, r.customerId, 'reverse');
    const restore = await findEntryByKey(tx, `${r.key}:restore`);
    return { reversedEarned: -first.points, shortfall: first.shortfall, restoredRedeemed: restore?.points ?? 0 };
  }

  const rules = getLoyaltyRules();
  const at = r.at ?? null;
  // Raw SQL: FILTERed aggregates of every entry of this order or sale, in one read.
  const sums = await tx.execute<{
    earned: number;
    earn_spend: number;
    reversed: number;
    returned_spend: number;
    redeemed: number;
    restored: number;
    channel: LoyaltyChannel | null;
    store_id: number | null;
  }>(sql`
    SELECT coalesce(sum(points) FILTER (WHERE kind = 'earn'), 0)::int AS earned,
           coalesce(sum(spend_cents) FILTER (WHERE kind = 'earn'), 0)::int AS earn_spend,
           coalesce(sum(shortfall - points) FILTER (WHERE kind = 'reverse' AND points <= 0), 0)::int AS reversed,
           coalesce(-sum(spend_cents) FILTER (WHERE kind = 'reverse'), 0)::int AS returned_spend,
           coalesce(-sum(points) FILTER (WHERE kind = 'redeem'), 0)::int AS redeemed,
           coalesce(sum(points) FILTER (WHERE kind = 'reverse' AND points > 0), 0)::int AS restored,
           (array_agg(channel ORDER BY id))[1] AS channel,
           (array_agg(store_id ORDER BY id))[1] AS store_id
    FROM loyalty_entries
    WHERE customer_id = ${r.customerId}
      AND (order_id = ${orderId}::int OR sale_id = ${saleId}::int)`);
  const s = sums.rows[0]!;
  const earned = Number(s.earned);
  const earnSpend = Number(s.earn_spend);
  const reversed = Number(s.reversed);
  const returnedSpend = Number(s.returned_spend);

  let target: number;
  let spendBack: number;
  let restore = 0;
  if (r.spendCents === undefined) {
    target = Math.max(0, earned - reversed);
    spendBack = Math.max(0, earnSpend - returnedSpend);
    restore = Math.max(0, Number(s.redeemed) - Number(s.restored));
  } else {
    spendBack = Math.min(r.spendCents, Math.max(0, earnSpend - returnedSpend));
    const cumulative = earnSpend > 0 ? Math.floor((earned * (returnedSpend + spendBack)) / earnSpend) : 0;
    target = Math.max(0, Math.min(earned, cumulative) - reversed);
  }

  const where = r.storeId !== undefined ? { channel: 'store' as const, storeId: r.storeId } : { channel: s.channel, storeId: s.store_id };
  const common = { customerId: r.customerId, ...where, orderId, saleId, at };
  await expireLotsOf(tx, r.customerId, at);
  if (restore > 0) {
    await credit(tx, r.customerId, restore);
    const entryId = await insertEntry(tx, { ...common, kind: 'reverse', points: restore, key: `${r.key}:restore`, note: 'redeemed points given back' });
    await creditLot(tx, { customerId: r.customerId, entryId, points: restore, at, expiryMonths: rules.expiryMonths });
  }
  const taken = target > 0 ? await debitUpTo(tx, r.customerId, target) : 0;
  await insertEntry(tx, { ...common, kind: 'reverse', points: -taken, key: r.key, spendCents: -spendBack, shortfall: target - taken });
  if (taken > 0) await consumeLots(tx, r.customerId, taken, { orderId, saleId });
  return { reversedEarned: taken, shortfall: target - taken, restoredRedeemed: restore };
}

/**
 * Expires every lot past its date (12 months after it was earned), oldest first, a batch of at
 * most `limit` lots per call: each lot becomes one 'expire' entry. Safe with several processes:
 * the accounts and their lots are locked FOR UPDATE SKIP LOCKED, so two sweepers never take the same
 * account (one busy redeeming is left for the next tick). The lots are locked too so that a lot
 * another sweeper emptied meanwhile is re-read under the lock and dropped: with only the account
 * locked, the lot's `remaining` came from the statement's older snapshot and the second sweeper hit
 * the first one's entry key. Each lot's entry key stays unique, the last line of defence. Returns the lots
 * expired (a full batch means there may be more).
 */
export async function expireDuePoints(opts: { limit?: number } = {}): Promise<{ expired: number; points: number }> {
  const limit = opts.limit ?? 500;
  if (!Number.isSafeInteger(limit) || limit < 1) throw new Error('limit must be a positive whole number');
  return transaction(async (tx) =>
    expireLotsOf(
      tx,
      null,
      null,
      sql`SELECT l.id, l.customer_id, l.remaining
          FROM loyalty_lots l JOIN loyalty_accounts a ON a.customer_id = l.customer_id
          WHERE l.remaining > 0 AND l.expires_at <= now()
          ORDER BY l.expires_at, l.id
          LIMIT ${limit}
          FOR UPDATE OF l, a SKIP LOCKED`,
    ),
  );
}

export type AdjustInput = {
  customerId: number;
  /** Signed: points given (positive) or taken (negative). */
  points: number;
  reason: string;
  staffId: number | null;
  key: string;
  at?: Date;
};

/**
 * A correction by staff or support (a goodwill gesture, a mistake). Taking points never goes below
 * zero: NotEnoughPointsError. The same key again → the first entry, `replayed: true`.
 */
export async function adjustPoints(tx: Db, a: AdjustInput): Promise<{ entryId: number; points: number; replayed: boolean }> {
  assertKey(a.key);
  if (!Number.isSafeInteger(a.points) || a.points === 0 || Math.abs(a.points) > 1_000_000) {
    throw new InvalidAdjustmentError('An adjustment gives or takes a whole number of points (not 0).');
  }
  const reason = typeof a.reason === 'string' ? a.reason.trim() : '';
  if (reason.length === 0 || reason.length > 500) throw new InvalidAdjustmentError('Say why the points are adjusted (up to 500 characters).');
  assertCustomerId(a.customerId);
  if (!(await lockAccount(tx, a.customerId))) throw new NotAMemberError();
  const first = await findEntryByKey(tx, a.key);
  if (first) return { entryId: sameRequest(first, a.customerId, 'adjust').id, points: first.points, replayed: true };

  const rules = getLoyaltyRules();
  const at = a.at ?? null;
  await expireLotsOf(tx, a.customerId, at);
  if (a.points < 0) {
    if (!(await debit(tx, a.customerId, -a.points))) throw new NotEnoughPointsError(await balanceOf(tx, a.customerId), -a.points);
  } else {
    await credit(tx, a.customerId, a.points);
  }
  const entryId = await insertEntry(tx, {
    customerId: a.customerId,
    kind: 'adjust',
    points: a.points,
    channel: null,
    storeId: null,
    orderId: null,
    saleId: null,
    key: a.key,
    staffId: a.staffId,
    note: reason,
    at,
  });
  if (a.points > 0) await creditLot(tx, { customerId: a.customerId, entryId, points: a.points, at, expiryMonths: rules.expiryMonths });
  else await consumeLots(tx, a.customerId, -a.points, null);
  return { entryId, points: a.points, replayed: false };
}
