import { sql } from 'drizzle-orm';
import { arrayLiteral } from '../sql';
import { cardNumberFromBody } from '../../loyalty/card-number';
import { getLoyaltyRules, pointsForSpend, tierForSpend, type LoyaltyRules } from '../../loyalty/config';
import type { Rng } from './prng';
import type { SeedTx } from './types';

// Raw SQL throughout: demo data dated from the database's clock (now() - interval …) and written set-wise
// from generated arrays (unnest), once at setup. Issue 20 moves the seed onto the catalogue import.

/*
 * Loyalty members and their history. The demo shopper has earned on her delivered orders and on
 * three visits to the Lyon shops over the last year and a half, redeemed 100 points at the till
 * once, seen an old lot lapse, and has another lot that lapses within the month. About two
 * shoppers in five are members, earning on their collected drive orders.
 *
 * Written straight in SQL, in bulk, the way lib/loyalty's commands would have written it (tiers
 * from the rolling spend, lots spent and lapsed oldest first): lib/loyalty is server-only and this
 * runs under tsx. The database's deferred check (balance = entries = lots) vouches for it at commit.
 */

const MEMBER_SHARE = 0.4;
const DAY = 24 * 3600 * 1000;

type Event =
  | { kind: 'earn'; at: Date; spendCents: number; channel: 'web' | 'store'; storeId: number | null; orderId: number | null; saleId: number | null }
  | { kind: 'redeem'; at: Date; points: number; channel: 'web' | 'store'; storeId: number | null; saleId: number | null };

type Entry = {
  customerId: number;
  kind: 'earn' | 'redeem' | 'expire';
  points: number;
  channel: string | null;
  storeId: number | null;
  orderId: number | null;
  saleId: number | null;
  key: string;
  spendCents: number;
  discountCents: number;
  at: Date;
};
type Lot = { entry: number; customerId: number; points: number; remaining: number; earnedAt: Date; expiresAt: Date };

function addMonths(d: Date, months: number): Date {
  const r = new Date(d);
  r.setUTCMonth(r.getUTCMonth() + months);
  return r;
}

/** Plays one member's purchases in time order, as the commands would, into entries and lots. */
function playHistory(rules: LoyaltyRules, customerId: number, events: Event[], now: Date, entries: Entry[], lots: Lot[]): number {
  const mine: Lot[] = [];
  let balance = 0;
  const lapseUntil = (t: Date) => {
    for (const lot of [...mine].sort((x, y) => x.expiresAt.getTime() - y.expiresAt.getTime())) {
      if (lot.remaining === 0 || lot.expiresAt > t) continue;
      entries.push({
        customerId,
        kind: 'expire',
        points: -lot.remaining,
        channel: null,
        storeId: null,
        orderId: null,
        saleId: null,
        key: `expire:seed:${entries.length}`,
        spendCents: 0,
        discountCents: 0,
        at: lot.expiresAt,
      });
      balance -= lot.remaining;
      lot.remaining = 0;
    }
  };
  for (const e of [...events].sort((x, y) => x.at.getTime() - y.at.getTime())) {
    lapseUntil(e.at);
    if (e.kind === 'earn') {
      const from = addMonths(e.at, -rules.tierWindowMonths);
      const spend = entries.filter((x) => x.customerId === customerId && x.at > from && x.at <= e.at).reduce((s, x) => s + x.spendCents, 0);
      const points = pointsForSpend(rules, e.spendCents, tierForSpend(rules, spend).tier.multiplier);
      // The keys lib/orders and the till use, so a retry after the seed finds these entries.
      const ref = e.orderId !== null ? `order:${e.orderId}` : `sale:${e.saleId}`;
      entries.push({
        customerId,
        kind: 'earn',
        points,
        channel: e.channel,
        storeId: e.storeId,
        orderId: e.orderId,
        saleId: e.saleId,
        key: `${ref}:earn`,
        spendCents: e.spendCents,
        discountCents: 0,
        at: e.at,
      });
      if (points > 0) {
        const lot = { entry: entries.length - 1, customerId, points, remaining: points, earnedAt: e.at, expiresAt: addMonths(e.at, rules.expiryMonths) };
        mine.push(lot);
        lots.push(lot);
        balance += points;
      }
    } else {
      if (e.points > balance) throw new Error('seed: a redemption beyond the balance');
      const discountCents = (e.points / rules.redeemStepPoints) * rules.redeemStepCents;
      entries.push({
        customerId,
        kind: 'redeem',
        points: -e.points,
        channel: e.channel,
        storeId: e.storeId,
        orderId: null,
        saleId: e.saleId,
        key: `sale:${e.saleId}:redeem`,
        spendCents: 0,
        discountCents,
        at: e.at,
      });
      let left = e.points;
      for (const lot of [...mine].sort((x, y) => x.expiresAt.getTime() - y.expiresAt.getTime())) {
        const take = Math.min(lot.remaining, left);
        lot.remaining -= take;
        left -= take;
      }
      balance -= e.points;
    }
  }
  lapseUntil(now);
  return balance;
}

/** Till sales for the demo shopper (lines from the catalogue), returning their ids and totals. */
async function insertDemoSales(
  tx: SeedTx,
  rng: Rng,
  customerId: number,
  staffId: number | null,
  visits: { storeId: number; daysAgo: number; discountCents: number }[],
): Promise<{ id: number; totalCents: number; at: Date }[]> {
  const skus = (
    await tx.execute<{ id: number; price: number }>(
      sql`SELECT id, price_cents AS price FROM skus WHERE price_cents BETWEEN 2500 AND 6000 ORDER BY id LIMIT 300`,
    )
  ).rows;
  if (skus.length === 0) return [];
  const out: { id: number; totalCents: number; at: Date }[] = [];
  for (const v of visits) {
    // Three lines of €25 or more: two visits always cover the 100 points she redeems.
    const lines = rng.sample(skus, 3).map((k) => ({ sku: k.id, price: k.price, quantity: 1 }));
    const gross = lines.reduce((s, l) => s + l.price * l.quantity, 0);
    const total = Math.max(0, gross - v.discountCents);
    const at = new Date(Date.now() - v.daysAgo * DAY - rng.int(9, 18) * 3600 * 1000);
    const sale = await tx.execute<{ id: number }>(sql`
      INSERT INTO sales (channel, store_id, customer_id, staff_id, source, total_cents, created_at)
      VALUES ('store', ${v.storeId}, ${customerId}, ${staffId}, 'till', ${total}, ${at.toISOString()}::timestamptz) RETURNING id`);
    const id = sale.rows[0]!.id;
    await tx.execute(sql`
      INSERT INTO sale_lines (sale_id, sku_id, quantity, unit_price_cents)
      SELECT ${id}, l.sku, l.quantity, l.price
      FROM unnest(${arrayLiteral(lines.map((l) => l.sku))}::int[], ${arrayLiteral(lines.map((l) => l.quantity))}::int[], ${arrayLiteral(lines.map((l) => l.price))}::int[]) AS l(sku, quantity, price)`);
    out.push({ id, totalCents: total, at });
  }
  return out;
}

export async function insertDemoLoyalty(tx: SeedTx, rng: Rng): Promise<{ members: number; entries: number }> {
  const rules = getLoyaltyRules();
  const now = new Date();
  const shoppers = (await tx.execute<{ id: number; email: string }>(sql`SELECT id, email FROM users WHERE role = 'shopper' ORDER BY id`)).rows;
  const demo = shoppers.find((s) => s.email === 'camille@example.com');
  const members = shoppers.filter((s) => s === demo || rng.chance(MEMBER_SHARE));
  if (members.length === 0) return { members: 0, entries: 0 };
  const memberIds = new Set(members.map((m) => m.id));

  // Orders handed over or delivered earn on their goods (delivery earns nothing), on the day they were.
  const done = (
    await tx.execute<{ id: number; customer_id: number; total: number; mode: string; location_id: number; at: Date | string }>(sql`
    SELECT o.id, o.customer_id, o.subtotal_cents AS total, o.mode, o.location_id,
           coalesce((SELECT max(e.at) FROM order_events e WHERE e.order_id = o.id AND e.kind IN ('collected', 'delivered')), o.updated_at) AS at
    FROM orders o WHERE o.status IN ('collected', 'delivered') ORDER BY o.id`)
  ).rows;
  const events = new Map<number, Event[]>(members.map((m) => [m.id, []]));
  for (const o of done) {
    if (!memberIds.has(o.customer_id)) continue;
    events.get(o.customer_id)!.push({
      kind: 'earn',
      at: new Date(o.at),
      spendCents: o.total,
      channel: 'web',
      storeId: o.mode === 'drive' ? o.location_id : null,
      orderId: o.id,
      saleId: null,
    });
  }

  if (demo) {
    const place = (
      await tx.execute<{ lyon: number | null; hyper: number | null; staff: number | null }>(sql`
      SELECT (SELECT location_id FROM stores WHERE slug = 'lyon-part-dieu') AS lyon,
             (SELECT location_id FROM stores WHERE slug = 'villeurbanne') AS hyper,
             (SELECT id FROM users WHERE email = 'sam@example.com') AS staff`)
    ).rows[0]!;
    if (place.lyon && place.hyper) {
      const redeemCents = rules.redeemStepCents;
      // 19 months ago (lapsed 7 months ago), 14 and ~11½ months ago (that lot lapses in ~2 weeks),
      // and 6 months ago at the hyper, where she took 100 points off the bill.
      const visits = [
        { storeId: place.lyon, daysAgo: 578, discountCents: 0 },
        { storeId: place.lyon, daysAgo: 426, discountCents: 0 },
        { storeId: place.lyon, daysAgo: 351, discountCents: 0 },
        { storeId: place.hyper, daysAgo: 183, discountCents: redeemCents },
      ];
      const sales = await insertDemoSales(tx, rng, demo.id, place.staff, visits);
      const mine = events.get(demo.id)!;
      sales.forEach((s, i) => {
        const storeId = visits[i]!.storeId;
        mine.push({ kind: 'earn', at: s.at, spendCents: s.totalCents, channel: 'store', storeId, orderId: null, saleId: s.id });
        if (visits[i]!.discountCents > 0) {
          mine.push({ kind: 'redeem', at: new Date(s.at.getTime() - 60_000), points: rules.redeemStepPoints, channel: 'store', storeId, saleId: s.id });
        }
      });
    }
  }

  const entries: Entry[] = [];
  const lots: Lot[] = [];
  const accounts: { id: number; card: string; balance: number; joinedAt: Date }[] = [];
  const cards = new Set<string>();
  for (const m of members) {
    const history = events.get(m.id)!;
    const first = history.reduce((t, e) => Math.min(t, e.at.getTime()), now.getTime());
    const joinedAt = new Date(Math.min(first - rng.int(1, 40) * DAY, now.getTime() - rng.int(1, 500) * DAY));
    const balance = playHistory(rules, m.id, history, now, entries, lots);
    let card: string;
    do card = cardNumberFromBody(String(rng.int(0, 99_999)).padStart(5, '0') + String(rng.int(0, 99_999)).padStart(5, '0'));
    while (cards.has(card));
    cards.add(card);
    accounts.push({ id: m.id, card, balance, joinedAt });
  }

  await tx.execute(sql`
    INSERT INTO loyalty_accounts (customer_id, card_number, balance, joined_at, updated_at)
    SELECT a.id, a.card, a.balance, a.joined_at, now()
    FROM unnest(${arrayLiteral(accounts.map((a) => a.id))}::int[], ${arrayLiteral(accounts.map((a) => a.card))}::text[], ${arrayLiteral(accounts.map((a) => a.balance))}::int[],
                ${arrayLiteral(accounts.map((a) => a.joinedAt.toISOString()))}::timestamptz[]) AS a(id, card, balance, joined_at)`);
  if (entries.length === 0) return { members: accounts.length, entries: 0 };
  const inserted = await tx.execute<{ id: number }>(sql`
    INSERT INTO loyalty_entries (customer_id, kind, points, channel, store_id, order_id, sale_id, idempotency_key, spend_cents, discount_cents, created_at)
    SELECT e.customer_id, e.kind, e.points, e.channel, e.store_id, e.order_id, e.sale_id, e.key, e.spend, e.discount, e.at
    FROM unnest(${arrayLiteral(entries.map((e) => e.customerId))}::int[], ${arrayLiteral(entries.map((e) => e.kind))}::text[], ${arrayLiteral(entries.map((e) => e.points))}::int[],
                ${arrayLiteral(entries.map((e) => e.channel))}::text[], ${arrayLiteral(entries.map((e) => e.storeId))}::int[], ${arrayLiteral(entries.map((e) => e.orderId))}::int[],
                ${arrayLiteral(entries.map((e) => e.saleId))}::int[], ${arrayLiteral(entries.map((e) => e.key))}::text[], ${arrayLiteral(entries.map((e) => e.spendCents))}::int[],
                ${arrayLiteral(entries.map((e) => e.discountCents))}::int[], ${arrayLiteral(entries.map((e) => e.at.toISOString()))}::timestamptz[])
         WITH ORDINALITY AS e(customer_id, kind, points, channel, store_id, order_id, sale_id, key, spend, discount, at, ord)
    ORDER BY e.ord
    RETURNING id`);
  const ids = inserted.rows.map((r) => r.id);
  if (lots.length > 0) {
    await tx.execute(sql`
      INSERT INTO loyalty_lots (customer_id, entry_id, points, remaining, earned_at, expires_at)
      SELECT l.customer_id, l.entry_id, l.points, l.remaining, l.earned_at, l.expires_at
      FROM unnest(${arrayLiteral(lots.map((l) => l.customerId))}::int[], ${arrayLiteral(lots.map((l) => ids[l.entry]!))}::int[], ${arrayLiteral(lots.map((l) => l.points))}::int[],
                  ${arrayLiteral(lots.map((l) => l.remaining))}::int[], ${arrayLiteral(lots.map((l) => l.earnedAt.toISOString()))}::timestamptz[],
                  ${arrayLiteral(lots.map((l) => l.expiresAt.toISOString()))}::timestamptz[]) AS l(customer_id, entry_id, points, remaining, earned_at, expires_at)`);
  }
  return { members: accounts.length, entries: entries.length };
}
