import 'server-only';
import { and, desc, eq, sql, type SQL } from 'drizzle-orm';
import { userContacts } from '@/lib/auth/read';
import { getDb } from '@/lib/db';
import { orderNumberOf } from '@/lib/orders/read';
import { storeFacts } from '@/lib/stores/read';
import { cardNumberProblem, normaliseCardNumber } from './card-number';
import { getLoyaltyRules, tierForSpend, type TierId } from './config';
import { InvalidCardNumberError, UnknownCardNumberError } from './errors';
import { loyaltyAccounts, loyaltyEntries, loyaltyLots, type LoyaltyChannel, type LoyaltyEntryKind } from './schema';

export type LoyaltyCard = {
  cardNumber: string;
  /** Points that can be spent now (lapsed points the sweep has not reached yet are left out). */
  balance: number;
  tier: TierId;
  tierMultiplier: number;
  nextTier: { id: TierId; minSpendCents: number } | null;
  spend12mCents: number;
  joinedAt: Date;
  asOf: Date;
  /** The next points to lapse within LOYALTY_EXPIRING_SOON_DAYS: those of the first expiry day. */
  expiringSoon: { points: number; on: Date } | null;
};

/** The shopper's card, or null when they have not joined. */
export async function getLoyaltyCard(customerId: number): Promise<LoyaltyCard | null> {
  if (!Number.isSafeInteger(customerId) || customerId <= 0 || customerId > 2_147_483_647) return null;
  const rules = getLoyaltyRules();
  const db = await getDb();
  // Raw SQL: a CTE (the first expiry day to come) that two of the card's figures read.
  const r = await db.execute<{
    card_number: string;
    balance: number;
    lapsed: number;
    spend: number;
    joined_at: Date | string;
    as_of: Date | string;
    soon_on: Date | string | null;
    soon_points: number | null;
  }>(sql`
    WITH soon AS (
      SELECT expires_at FROM loyalty_lots
      WHERE customer_id = ${customerId} AND remaining > 0
        AND expires_at > now() AND expires_at <= now() + make_interval(days => ${rules.expiringSoonDays}::int)
      ORDER BY expires_at LIMIT 1
    )
    SELECT a.card_number, a.balance, a.joined_at, now() AS as_of,
           (SELECT coalesce(sum(remaining), 0) FROM loyalty_lots
             WHERE customer_id = a.customer_id AND remaining > 0 AND expires_at <= now())::int AS lapsed,
           (SELECT coalesce(sum(spend_cents), 0) FROM loyalty_entries
             WHERE customer_id = a.customer_id AND created_at > now() - make_interval(months => ${rules.tierWindowMonths}::int))::int AS spend,
           (SELECT expires_at FROM soon) AS soon_on,
           (SELECT sum(l.remaining) FROM loyalty_lots l, soon
             WHERE l.customer_id = a.customer_id AND l.remaining > 0
               AND (l.expires_at AT TIME ZONE 'Europe/Paris')::date = (soon.expires_at AT TIME ZONE 'Europe/Paris')::date)::int AS soon_points
    FROM loyalty_accounts a WHERE a.customer_id = ${customerId}`);
  const row = r.rows[0];
  if (!row) return null;
  const spend = Math.max(0, Number(row.spend));
  const { tier, next } = tierForSpend(rules, spend);
  return {
    cardNumber: row.card_number,
    balance: Number(row.balance) - Number(row.lapsed),
    tier: tier.id,
    tierMultiplier: tier.multiplier,
    nextTier: next ? { id: next.id, minSpendCents: next.minSpendCents } : null,
    spend12mCents: spend,
    joinedAt: new Date(row.joined_at),
    asOf: new Date(row.as_of),
    expiringSoon: row.soon_on && row.soon_points ? { points: Number(row.soon_points), on: new Date(row.soon_on) } : null,
  };
}

export type LoyaltyMember = { customerId: number; name: string; email: string; cardNumber: string; balance: number; tier: TierId };

/** The member's account (name, email), read through lib/auth. */
const account = userContacts('account');

async function findMember(where: SQL): Promise<LoyaltyMember | null> {
  const rules = getLoyaltyRules();
  const db = await getDb();
  const [m] = await db
    .select({
      customerId: loyaltyAccounts.customerId,
      name: account.name,
      email: account.email,
      cardNumber: loyaltyAccounts.cardNumber,
      balance: loyaltyAccounts.balance,
      // Points past their date that the expiry sweep has not reached yet: not spendable.
      lapsed: sql<number>`(SELECT coalesce(sum(l.remaining), 0) FROM ${loyaltyLots} l
        WHERE l.customer_id = ${loyaltyAccounts.customerId} AND l.remaining > 0 AND l.expires_at <= now())::int`,
      spend: sql<number>`(SELECT coalesce(sum(e.spend_cents), 0) FROM ${loyaltyEntries} e
        WHERE e.customer_id = ${loyaltyAccounts.customerId} AND e.created_at > now() - make_interval(months => ${rules.tierWindowMonths}::int))::int`,
    })
    .from(loyaltyAccounts)
    .innerJoin(account, eq(account.id, loyaltyAccounts.customerId))
    .where(where);
  if (!m) return null;
  const { lapsed, spend, ...member } = m;
  return { ...member, balance: m.balance - lapsed, tier: tierForSpend(rules, Math.max(0, spend)).tier.id };
}

/** The member holding this card; null for a malformed or unknown number. */
export async function findMemberByCardNumber(cardNumber: string): Promise<LoyaltyMember | null> {
  if (typeof cardNumber !== 'string' || cardNumberProblem(cardNumber)) return null;
  return findMember(eq(loyaltyAccounts.cardNumber, normaliseCardNumber(cardNumber)));
}

/**
 * The same, for a till or a form that must say why: InvalidCardNumberError (wrong format, or a
 * mistyped digit the check digit catches) or UnknownCardNumberError.
 */
export async function getMemberByCardNumberOrThrow(cardNumber: string): Promise<LoyaltyMember> {
  const problem = cardNumberProblem(typeof cardNumber === 'string' ? cardNumber : '');
  if (problem) throw new InvalidCardNumberError(problem);
  const member = await findMemberByCardNumber(cardNumber);
  if (!member) throw new UnknownCardNumberError();
  return member;
}

export async function findMemberByEmail(email: string): Promise<LoyaltyMember | null> {
  if (typeof email !== 'string' || email.trim() === '' || email.length > 320) return null;
  return findMember(sql`lower(${account.email}) = lower(${email.trim()})`);
}

export type LoyaltyEntry = {
  id: number;
  kind: LoyaltyEntryKind;
  points: number;
  channel: LoyaltyChannel | null;
  storeId: number | null;
  storeName: string | null;
  orderId: number | null;
  orderNumber: string | null;
  saleId: number | null;
  createdAt: Date;
  note: string | null;
  /** Redeem: the discount the points bought. Reverse: points owed but already spent. */
  discountCents: number;
  shortfall: number;
};

/** Newest first; `before` is the id of the last entry of the previous page. */
export async function listLoyaltyEntries(customerId: number, opts: { limit?: number; before?: number } = {}): Promise<LoyaltyEntry[]> {
  if (!Number.isSafeInteger(customerId) || customerId <= 0 || customerId > 2_147_483_647) return [];
  const limit = Math.min(Math.max(Math.trunc(opts.limit ?? 50), 1), 200);
  const before = opts.before !== undefined && Number.isSafeInteger(opts.before) ? opts.before : null;
  const db = await getDb();
  return db
    .select({
      id: loyaltyEntries.id,
      kind: loyaltyEntries.kind,
      points: loyaltyEntries.points,
      channel: loyaltyEntries.channel,
      storeId: loyaltyEntries.storeId,
      storeName: storeFacts.name,
      orderId: loyaltyEntries.orderId,
      orderNumber: orderNumberOf(loyaltyEntries.orderId),
      saleId: loyaltyEntries.saleId,
      createdAt: loyaltyEntries.createdAt,
      note: loyaltyEntries.note,
      discountCents: loyaltyEntries.discountCents,
      shortfall: loyaltyEntries.shortfall,
    })
    .from(loyaltyEntries)
    .leftJoin(storeFacts, eq(storeFacts.locationId, loyaltyEntries.storeId))
    .where(
      and(
        eq(loyaltyEntries.customerId, customerId),
        // Keyset: the entries older than the previous page's last one (row comparison, the index's order).
        before === null
          ? undefined
          : sql`(${loyaltyEntries.createdAt}, ${loyaltyEntries.id}) < (SELECT p.created_at, p.id FROM ${loyaltyEntries} p WHERE p.id = ${before}::int)`,
      ),
    )
    .orderBy(desc(loyaltyEntries.createdAt), desc(loyaltyEntries.id))
    .limit(limit);
}
