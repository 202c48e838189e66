import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/lib/db';
import { useTestDatabase } from '@/test/support/db';
import { insertShoppers, insertStore, insertWarehouse } from '@/test/support/fixtures';
import { isValidCardNumber } from './card-number';
import { adjustPoints, earnPoints, expireDuePoints, joinLoyalty, redeemPoints, reversePoints } from './commands';
import {
  InvalidAdjustmentError,
  InvalidCardNumberError,
  InvalidRedemptionError,
  NotAMemberError,
  NotEnoughPointsError,
  UnknownCardNumberError,
  UnknownCustomerError,
} from './errors';
import { findMemberByCardNumber, findMemberByEmail, getLoyaltyCard, getMemberByCardNumberOrThrow, listLoyaltyEntries } from './queries';
import { inTx, insertOrderRow, insertSaleRow, ledgerOf, monthsAgo } from '@/test/support/loyalty';

let conn: Awaited<ReturnType<typeof useTestDatabase>>;
let db: Db;
let store: number;
let warehouse: number;
let shoppers: number[];
let nextShopper = 0;
let k = 0;
const key = (label: string) => `${label}-${++k}`;

beforeAll(async () => {
  conn = await useTestDatabase();
  db = conn.db;
  store = await insertStore(db, { slug: 'loyalty-shop', lat: 48.85, lng: 2.35 });
  warehouse = await insertWarehouse(db);
  shoppers = await insertShoppers(db, 40, 'loyal');
});
afterAll(async () => conn?.drop());

/** A fresh member (and their card). */
async function member(): Promise<{ id: number; card: string }> {
  const id = shoppers[nextShopper++]!;
  const { cardNumber } = await joinLoyalty(id);
  return { id, card: cardNumber };
}

const earn = (customerId: number, spendCents: number, extra: Partial<Parameters<typeof earnPoints>[1]> = {}) =>
  inTx((tx) => earnPoints(tx, { customerId, spendCents, channel: 'web', storeId: null, key: key('earn'), ...extra }));
const redeem = (customerId: number, points: number, extra: Partial<Parameters<typeof redeemPoints>[1]> = {}) =>
  inTx((tx) => redeemPoints(tx, { customerId, points, channel: 'store', storeId: store, key: key('redeem'), ...extra }));

async function expectConsistent(customerId: number) {
  const l = await ledgerOf(db, customerId);
  expect(l.entries).toBe(l.balance);
  expect(l.lots).toBe(l.balance);
  expect(l.balance).toBeGreaterThanOrEqual(0);
  return l;
}

describe('joining', () => {
  it('gives a valid, unique card; joining again returns the same card', async () => {
    const a = await member();
    const b = await member();
    expect(isValidCardNumber(a.card)).toBe(true);
    expect(a.card).not.toBe(b.card);
    expect(await joinLoyalty(a.id)).toEqual({ cardNumber: a.card });
    const twice = await Promise.all([joinLoyalty(shoppers[39]!), joinLoyalty(shoppers[39]!)]);
    expect(twice[0]).toEqual(twice[1]);
    const card = await getLoyaltyCard(a.id);
    expect(card).toMatchObject({ cardNumber: a.card, balance: 0, tier: 'member', tierMultiplier: 1, nextTier: { id: 'silver', minSpendCents: 50_000 } });
  });

  it('refuses an unknown customer; non-members have no card and earn nothing', async () => {
    await expect(joinLoyalty(9_999_999)).rejects.toBeInstanceOf(UnknownCustomerError);
    const outsider = shoppers[38]!;
    expect(await getLoyaltyCard(outsider)).toBeNull();
    expect(await earn(outsider, 5000)).toBeNull();
    await expect(redeem(outsider, 100)).rejects.toBeInstanceOf(NotAMemberError);
    const n = await db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM loyalty_entries WHERE customer_id = ${outsider}`);
    expect(n.rows[0]!.n).toBe(0);
  });
});

describe('earning', () => {
  it('1 point per euro, floored; the same key once; spend recorded', async () => {
    const m = await member();
    const order = await insertOrderRow(db, m.id, warehouse, 4999);
    const k1 = key('order');
    const first = await earn(m.id, 4999, { key: k1, orderId: order });
    expect(first?.points).toBe(49);
    const again = await earn(m.id, 4999, { key: k1, orderId: order });
    expect(again).toEqual(first);
    expect((await earn(m.id, 99))?.points).toBe(0); // under a euro: no point, but spend counts
    const l = await expectConsistent(m.id);
    expect(l).toMatchObject({ balance: 49, count: 2 });
    expect((await getLoyaltyCard(m.id))?.spend12mCents).toBe(5098);
  });

  it('tier multipliers follow the rolling 12-month spend before the purchase', async () => {
    const m = await member();
    // €400 thirteen months ago does not count; €450 last month does (member, ×1).
    expect((await earn(m.id, 40_000, { at: monthsAgo(13) }))?.points).toBe(400);
    expect((await earn(m.id, 45_000, { at: monthsAgo(1) }))?.points).toBe(450);
    // €450 in the window: still member for this purchase, which takes it over €500.
    expect((await earn(m.id, 10_000, { at: monthsAgo(0, 10) }))?.points).toBe(100);
    // €550 in the window: silver, ×1.25 (floored).
    expect((await earn(m.id, 1_999))?.points).toBe(24);
    let card = await getLoyaltyCard(m.id);
    expect(card).toMatchObject({ tier: 'silver', tierMultiplier: 1.25, nextTier: { id: 'gold', minSpendCents: 150_000 } });
    await earn(m.id, 100_000);
    card = await getLoyaltyCard(m.id);
    expect(card).toMatchObject({ tier: 'gold', tierMultiplier: 1.5, nextTier: null });
    expect((await earn(m.id, 1_000))?.points).toBe(15);
    await expectConsistent(m.id);
  });

  it('refuses nonsense amounts before writing', async () => {
    const m = await member();
    await expect(earn(m.id, -1)).rejects.toThrow(/spendCents/);
    await expect(earn(m.id, 10.5)).rejects.toThrow(/spendCents/);
    expect((await ledgerOf(db, m.id)).count).toBe(0);
  });
});

describe('redeeming', () => {
  it('in whole steps, 100 points = €5; oldest lots first', async () => {
    const m = await member();
    await earn(m.id, 10_000, { at: monthsAgo(6) }); // 100, older
    await earn(m.id, 15_000); // 150
    const r = await redeem(m.id, 200);
    expect(r).toMatchObject({ points: 200, discountCents: 1000, replayed: false });
    const lots = await db.execute<{ points: number; remaining: number }>(
      sql`SELECT points, remaining FROM loyalty_lots WHERE customer_id = ${m.id} ORDER BY expires_at`,
    );
    expect(lots.rows).toEqual([
      { points: 100, remaining: 0 },
      { points: 150, remaining: 50 },
    ]);
    expect(await expectConsistent(m.id)).toMatchObject({ balance: 50 });
  });

  it('refuses odd amounts, more than the balance, and replays a key without a second effect', async () => {
    const m = await member();
    await earn(m.id, 25_000);
    for (const bad of [0, -100, 150, 99.5]) await expect(redeem(m.id, bad)).rejects.toBeInstanceOf(InvalidRedemptionError);
    const err = await redeem(m.id, 300).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(NotEnoughPointsError);
    expect((err as Error).message).toMatch(/250.*300/);
    const k1 = key('redeem');
    const first = await redeem(m.id, 200, { key: k1 });
    const replay = await redeem(m.id, 200, { key: k1 });
    expect(replay).toEqual({ ...first, replayed: true });
    expect(await expectConsistent(m.id)).toMatchObject({ balance: 50, count: 2 });
  });

  it('a refusal inside a caller transaction writes nothing and leaves it usable', async () => {
    const m = await member();
    await earn(m.id, 10_000);
    const sale = await inTx(async (tx) => {
      const id = await insertSaleRow(tx, m.id, store);
      await expect(redeemPoints(tx, { customerId: m.id, points: 500, channel: 'store', storeId: store, saleId: id, key: key('r') })).rejects.toBeInstanceOf(
        NotEnoughPointsError,
      );
      return id; // the till goes on without the discount
    });
    expect(sale).toBeGreaterThan(0);
    expect(await expectConsistent(m.id)).toMatchObject({ balance: 100, count: 1 });
  });

  it('never spends points that have lapsed but not been swept yet', async () => {
    const m = await member();
    await earn(m.id, 10_000, { at: monthsAgo(13) }); // expired a month ago
    await earn(m.id, 5_000);
    expect((await getLoyaltyCard(m.id))?.balance).toBe(50);
    await expect(redeem(m.id, 100)).rejects.toBeInstanceOf(NotEnoughPointsError);
    // The refusal rolled its transaction back, lapse included: the sweep will write it.
    expect(await expectConsistent(m.id)).toMatchObject({ balance: 150 });
  });
});

describe('reversing', () => {
  it('a cancelled order: earned points taken back, redeemed points given back; once', async () => {
    const m = await member();
    await earn(m.id, 20_000); // 200 from before
    const order = await insertOrderRow(db, m.id, warehouse, 8000);
    await redeem(m.id, 100, { orderId: order, channel: 'web', storeId: null });
    await earn(m.id, 8_000, { orderId: order });
    const k1 = key('cancel');
    const res = await inTx((tx) => reversePoints(tx, { customerId: m.id, orderId: order, key: k1 }));
    expect(res).toEqual({ reversedEarned: 80, shortfall: 0, restoredRedeemed: 100 });
    expect(await inTx((tx) => reversePoints(tx, { customerId: m.id, orderId: order, key: k1 }))).toEqual(res);
    // A second cancel under another key finds nothing left to undo.
    expect(await inTx((tx) => reversePoints(tx, { customerId: m.id, orderId: order, key: key('cancel') }))).toEqual({
      reversedEarned: 0,
      shortfall: 0,
      restoredRedeemed: 0,
    });
    expect(await expectConsistent(m.id)).toMatchObject({ balance: 200 });
    expect((await getLoyaltyCard(m.id))?.spend12mCents).toBe(20_000);
  });

  it('partial returns take back a proportional share; spent points become a shortfall, never a negative balance', async () => {
    const m = await member();
    const sale = await insertSaleRow(db, m.id, store, 10_000);
    await earn(m.id, 10_000, { saleId: sale, channel: 'store', storeId: store }); // 100
    await redeem(m.id, 100); // all spent elsewhere
    const first = await inTx((tx) => reversePoints(tx, { customerId: m.id, saleId: sale, key: key('ret'), spendCents: 3_333 }));
    expect(first).toEqual({ reversedEarned: 0, shortfall: 33, restoredRedeemed: 0 });
    await earn(m.id, 5_000); // 50 more
    const second = await inTx((tx) => reversePoints(tx, { customerId: m.id, saleId: sale, key: key('ret'), spendCents: 3_333 }));
    expect(second).toEqual({ reversedEarned: 33, shortfall: 0, restoredRedeemed: 0 }); // floor(100 × 6666/10000) − 33
    const third = await inTx((tx) => reversePoints(tx, { customerId: m.id, saleId: sale, key: key('ret'), spendCents: 99_999 }));
    expect(third).toEqual({ reversedEarned: 17, shortfall: 17, restoredRedeemed: 0 }); // the rest: 34, only 17 left
    const l = await expectConsistent(m.id);
    expect(l.balance).toBe(0);
    const entries = await listLoyaltyEntries(m.id);
    expect(entries[0]).toMatchObject({ kind: 'reverse', points: -17, shortfall: 17, channel: 'store', storeId: store, saleId: sale });
  });

  it('is a no-op for non-members and needs one order or sale', async () => {
    const outsider = shoppers[37]!;
    const order = await insertOrderRow(db, outsider, warehouse);
    expect(await inTx((tx) => reversePoints(tx, { customerId: outsider, orderId: order, key: key('x') }))).toEqual({
      reversedEarned: 0,
      shortfall: 0,
      restoredRedeemed: 0,
    });
    await expect(inTx((tx) => reversePoints(tx, { customerId: outsider, key: key('x') }))).rejects.toThrow(/exactly one/);
  });
});

describe('expiry', () => {
  it('expires lots past 12 months, oldest first, once', async () => {
    const m = await member();
    await earn(m.id, 10_000, { at: monthsAgo(14) }); // 100, lapsed
    await earn(m.id, 20_000, { at: monthsAgo(12, 3) }); // 200, lapsed 3 days ago
    await earn(m.id, 30_000, { at: monthsAgo(2) }); // 300, good
    await redeem(m.id, 100, { at: monthsAgo(13) }); // came out of the oldest lot
    // Not yet swept: the card already leaves lapsed points out.
    expect((await getLoyaltyCard(m.id))?.balance).toBe(300);
    let total = 0;
    for (;;) {
      const { expired } = await expireDuePoints({ limit: 1 });
      total += expired;
      if (expired === 0) break;
    }
    expect(total).toBeGreaterThanOrEqual(1);
    const l = await expectConsistent(m.id);
    expect(l.balance).toBe(300);
    const expiries = (await listLoyaltyEntries(m.id)).filter((e) => e.kind === 'expire');
    expect(expiries.map((e) => e.points)).toEqual([-200]);
    expect(await expireDuePoints()).toEqual({ expired: 0, points: 0 });
  });

  it('warns of the next points to lapse within 30 days', async () => {
    const m = await member();
    await earn(m.id, 7_000, { at: monthsAgo(12, -10) }); // lapses in ~10 days
    await earn(m.id, 5_000, { at: monthsAgo(3) });
    const card = await getLoyaltyCard(m.id);
    expect(card?.expiringSoon?.points).toBe(70);
    expect(card!.expiringSoon!.on.getTime()).toBeGreaterThan(Date.now());
  });
});

describe('adjusting', () => {
  it('gives and takes with a reason, never below zero, once per key', async () => {
    const m = await member();
    const k1 = key('adj');
    const given = await inTx((tx) => adjustPoints(tx, { customerId: m.id, points: 120, reason: 'Goodwill: late parcel', staffId: null, key: k1 }));
    expect(given).toMatchObject({ points: 120, replayed: false });
    expect(await inTx((tx) => adjustPoints(tx, { customerId: m.id, points: 120, reason: 'again', staffId: null, key: k1 }))).toMatchObject({ replayed: true });
    await expect(inTx((tx) => adjustPoints(tx, { customerId: m.id, points: -500, reason: 'Mistake', staffId: null, key: key('adj') }))).rejects.toBeInstanceOf(
      NotEnoughPointsError,
    );
    await expect(inTx((tx) => adjustPoints(tx, { customerId: m.id, points: 10, reason: ' ', staffId: null, key: key('adj') }))).rejects.toBeInstanceOf(
      InvalidAdjustmentError,
    );
    await inTx((tx) => adjustPoints(tx, { customerId: m.id, points: -20, reason: 'Mistake', staffId: null, key: key('adj') }));
    expect(await expectConsistent(m.id)).toMatchObject({ balance: 100, count: 2 });
    expect((await listLoyaltyEntries(m.id))[0]).toMatchObject({ kind: 'adjust', points: -20, note: 'Mistake' });
  });
});

describe('the ledger', () => {
  it('is append-only, and the database refuses a balance that disagrees with it', async () => {
    const m = await member();
    await earn(m.id, 10_000);
    await expect(db.execute(sql`UPDATE loyalty_entries SET points = 1000 WHERE customer_id = ${m.id}`)).rejects.toThrow();
    await expect(db.execute(sql`DELETE FROM loyalty_entries WHERE customer_id = ${m.id}`)).rejects.toThrow();
    await expect(db.execute(sql`UPDATE loyalty_accounts SET balance = 1000 WHERE customer_id = ${m.id}`)).rejects.toThrow();
    await expect(db.execute(sql`UPDATE loyalty_accounts SET balance = -1 WHERE customer_id = ${m.id}`)).rejects.toThrow();
    expect(await expectConsistent(m.id)).toMatchObject({ balance: 100 });
  });
});

describe('finding members', () => {
  it('by card number (as typed) or email; says why a number is refused', async () => {
    const m = await member();
    await earn(m.id, 1_000);
    const spaced = m.card.replace(/(\d{4})/g, '$1 ');
    expect(await findMemberByCardNumber(spaced)).toMatchObject({ customerId: m.id, cardNumber: m.card, balance: 10, tier: 'member' });
    const email = (await db.execute<{ email: string }>(sql`SELECT email FROM users WHERE id = ${m.id}`)).rows[0]!.email;
    expect(await findMemberByEmail(email.toUpperCase())).toMatchObject({ customerId: m.id });
    const mistyped = m.card.slice(0, 12) + String((Number(m.card[12]) + 1) % 10);
    expect(await findMemberByCardNumber(mistyped)).toBeNull();
    await expect(getMemberByCardNumberOrThrow(mistyped)).rejects.toBeInstanceOf(InvalidCardNumberError);
    await expect(getMemberByCardNumberOrThrow('123')).rejects.toMatchObject({ code: 'loyalty_card_format' });
    // A well-formed number nobody holds.
    let unused = '';
    for (let body = 0; ; body++) {
      const { cardNumberFromBody } = await import('./card-number');
      unused = cardNumberFromBody(String(body).padStart(10, '9'));
      if (!(await findMemberByCardNumber(unused))) break;
    }
    await expect(getMemberByCardNumberOrThrow(unused)).rejects.toBeInstanceOf(UnknownCardNumberError);
    expect(await findMemberByEmail('nobody@example.com')).toBeNull();
  });

  it('lists entries newest first with store and order, a page at a time', async () => {
    const m = await member();
    const order = await insertOrderRow(db, m.id, warehouse);
    await earn(m.id, 1_000, { at: monthsAgo(3) });
    await earn(m.id, 2_000, { at: monthsAgo(2), orderId: order });
    await earn(m.id, 3_000, { at: monthsAgo(1), channel: 'store', storeId: store });
    const page1 = await listLoyaltyEntries(m.id, { limit: 2 });
    expect(page1.map((e) => e.points)).toEqual([30, 20]);
    expect(page1[0]).toMatchObject({ channel: 'store', storeName: 'loyalty-shop' });
    expect(page1[1]!.orderNumber).toMatch(/^CMD-/);
    const page2 = await listLoyaltyEntries(m.id, { limit: 2, before: page1[1]!.id });
    expect(page2.map((e) => e.points)).toEqual([10]);
  });
});
