import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ForbiddenError } from '@/lib/auth/errors';
import { onPostgres, useTestDatabase } from '@/test/support/db';
import { IdempotencyKeyReusedError } from '@/lib/inventory/commands';
import { NotStockedHereError, OutOfStockError } from '@/lib/inventory/holds';
import { insertCategory, insertProduct, insertStore, insertUser, setStock } from '@/test/support/fixtures';
import { adjustPoints, joinLoyalty } from '@/lib/loyalty/commands';
import { NotAMemberError, NotEnoughPointsError } from '@/lib/loyalty/errors';
import { inTx, ledgerOf } from '@/test/support/loyalty';
import { ringUpSale } from './commands';
import { CardRequiredForRedemptionError, InvalidTicketError, RedemptionExceedsTotalError, UnknownCustomerError, UnknownTillItemError } from './errors';
import { getSaleReceipt } from './queries';

let conn: Awaited<ReturnType<typeof useTestDatabase>>;
let store: number;
let otherStore: number;
let skus: number[];
let staff: number;
let staffB: number;
let shopper: number;

beforeAll(async () => {
  conn = await useTestDatabase();
  const cat = await insertCategory(conn.db, 'c');
  skus = (
    await insertProduct(conn.db, {
      slug: 'p',
      categoryId: cat,
      nameFr: 'Gourde',
      nameEn: 'Bottle',
      skus: [{ priceCents: 1250 }, { priceCents: 999, size: 'M' }, { priceCents: 500 }, { priceCents: 700 }, { priceCents: 800 }],
    })
  ).skuIds;
  store = await insertStore(conn.db, { slug: 'lyon', name: 'Lyon', lat: 45.76, lng: 4.83 });
  otherStore = await insertStore(conn.db, { slug: 'paris', lat: 48.85, lng: 2.35 });
  staff = await insertUser(conn.db, { email: 'staff@example.com', name: 'Sam', role: 'staff' });
  staffB = await insertUser(conn.db, { email: 'staff-b@example.com', role: 'staff' });
  shopper = await insertUser(conn.db, { email: 'alice@example.com', name: 'Alice' });
  await conn.db.execute(sql`INSERT INTO staff_memberships (user_id, store_id) VALUES (${staff}, ${store}), (${staffB}, ${store})`);
});
afterAll(async () => conn?.drop());

async function onHand(skuId: number, locationId = store) {
  const r = await conn.db.execute<{ on_hand: number; reserved: number }>(
    sql`SELECT on_hand, reserved FROM stock WHERE location_id = ${locationId} AND sku_id = ${skuId}`,
  );
  return r.rows[0]!;
}
async function count(table: 'sales' | 'sale_lines' | 'stock_movements') {
  const r = await conn.db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM ${sql.raw(table)}`);
  return r.rows[0]!.n;
}

const ticket = (lines: { skuId: number; quantity: number }[], over: Partial<Parameters<typeof ringUpSale>[0]> = {}) =>
  ringUpSale({
    storeId: store,
    staffId: staff,
    customerId: shopper,
    identifiedBy: 'card',
    lines,
    idempotencyKey: randomUUID(),
    tender: { kind: 'cash', givenCents: 1_000_000 },
    ...over,
  });

describe('ringUpSale', () => {
  it('sells at the catalogue price, lowers on hand, writes sale movements and the lines', async () => {
    await setStock(conn.db, store, skus[0]!, 5, 1);
    await setStock(conn.db, store, skus[1]!, 3);
    const sale = await ticket([
      { skuId: skus[0]!, quantity: 2 },
      { skuId: skus[1]!, quantity: 1 },
      { skuId: skus[0]!, quantity: 1 },
    ]);
    expect(sale).toMatchObject({ subtotalCents: 3 * 1250 + 999, totalCents: 3 * 1250 + 999, discountCents: 0, replayed: false });
    expect(await onHand(skus[0]!)).toEqual({ on_hand: 2, reserved: 1 });
    expect((await onHand(skus[1]!)).on_hand).toBe(2);
    const moves = await conn.db.execute<{ sku_id: number; on_hand_delta: number; kind: string; note: string }>(
      sql`SELECT sku_id, on_hand_delta, kind, note FROM stock_movements WHERE note = ${`Till sale #${sale.saleId}`} ORDER BY sku_id`,
    );
    expect(moves.rows).toEqual([
      { sku_id: skus[0], on_hand_delta: -3, kind: 'sale', note: `Till sale #${sale.saleId}` },
      { sku_id: skus[1], on_hand_delta: -1, kind: 'sale', note: `Till sale #${sale.saleId}` },
    ]);
    const receipt = await getSaleReceipt(sale.saleId, 'en');
    expect(receipt).toMatchObject({ source: 'till', staffName: 'Sam', customer: { id: shopper, name: 'Alice' }, totalCents: sale.totalCents });
    expect(receipt!.lines.map((l) => [l.skuId, l.quantity, l.unitPriceCents, l.productName])).toEqual([
      [skus[0], 3, 1250, 'Bottle'],
      [skus[1], 1, 999, 'Bottle'],
    ]);
  });

  it('never sells units held for customers: the line that does not fit is named, and nothing is written', async () => {
    await setStock(conn.db, store, skus[2]!, 4, 3);
    await setStock(conn.db, store, skus[3]!, 9);
    const before = await Promise.all([count('sales'), count('sale_lines'), count('stock_movements')]);
    const err = await ticket([
      { skuId: skus[3]!, quantity: 1 },
      { skuId: skus[2]!, quantity: 2 },
    ]).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(OutOfStockError);
    expect(err).toMatchObject({ skuId: skus[2], available: 1 });
    expect(await onHand(skus[3]!)).toEqual({ on_hand: 9, reserved: 0 });
    expect(await Promise.all([count('sales'), count('sale_lines'), count('stock_movements')])).toEqual(before);
  });

  it('refuses an item this shop does not stock, an unknown item, an unknown customer and an empty ticket', async () => {
    await expect(ticket([{ skuId: skus[4]!, quantity: 1 }])).rejects.toBeInstanceOf(NotStockedHereError);
    await expect(ticket([{ skuId: 999_999, quantity: 1 }])).rejects.toBeInstanceOf(UnknownTillItemError);
    await expect(ticket([{ skuId: skus[3]!, quantity: 1 }], { customerId: staffB })).rejects.toBeInstanceOf(UnknownCustomerError);
    await expect(ticket([])).rejects.toBeInstanceOf(InvalidTicketError);
    await expect(ticket([{ skuId: skus[3]!, quantity: 0 }])).rejects.toBeInstanceOf(InvalidTicketError);
    await expect(ticket([{ skuId: skus[3]!, quantity: 1 }], { idempotencyKey: 'x' })).rejects.toBeInstanceOf(InvalidTicketError);
    expect((await onHand(skus[3]!)).on_hand).toBe(9);
  });

  it('refuses staff of another store (and an unknown one) before writing anything', async () => {
    const before = await count('sales');
    await expect(ticket([{ skuId: skus[3]!, quantity: 1 }], { storeId: otherStore })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(ticket([{ skuId: skus[3]!, quantity: 1 }], { staffId: shopper })).rejects.toBeInstanceOf(ForbiddenError);
    expect(await count('sales')).toBe(before);
    expect((await onHand(skus[3]!)).on_hand).toBe(9);
  });

  it('sells without a customer (an anonymous ticket)', async () => {
    const sale = await ticket([{ skuId: skus[3]!, quantity: 1 }], { customerId: null });
    expect((await getSaleReceipt(sale.saleId, 'fr'))!.customer).toBeNull();
    expect((await onHand(skus[3]!)).on_hand).toBe(8);
  });

  it('a replayed ticket returns the first sale and takes nothing more off the shelf', async () => {
    const key = randomUUID();
    const first = await ticket([{ skuId: skus[3]!, quantity: 2 }], { idempotencyKey: key });
    const again = await ticket([{ skuId: skus[3]!, quantity: 2 }], { idempotencyKey: key });
    expect(again).toEqual({ ...first, replayed: true });
    expect((await onHand(skus[3]!)).on_hand).toBe(6);
    // The same key at another store is someone else's ticket: refused, not replayed.
    await conn.db.execute(sql`INSERT INTO staff_memberships (user_id, store_id) VALUES (${staff}, ${otherStore}) ON CONFLICT DO NOTHING`);
    await expect(ticket([{ skuId: skus[3]!, quantity: 1 }], { idempotencyKey: key, storeId: otherStore })).rejects.toBeInstanceOf(IdempotencyKeyReusedError);
  });

  it('a ticket refused for stock leaves its key free: the corrected ticket goes through', async () => {
    const key = randomUUID();
    await setStock(conn.db, store, skus[2]!, 4, 3);
    await expect(ticket([{ skuId: skus[2]!, quantity: 2 }], { idempotencyKey: key })).rejects.toBeInstanceOf(OutOfStockError);
    const sale = await ticket([{ skuId: skus[2]!, quantity: 1 }], { idempotencyKey: key });
    expect(sale).toMatchObject({ replayed: false, totalCents: 500 });
  });
});

describe('ringUpSale with a loyalty card', () => {
  let member: number;
  beforeAll(async () => {
    member = await insertUser(conn.db, { email: 'member@example.com', name: 'Mia' });
    await joinLoyalty(member);
    await inTx((tx) => adjustPoints(tx, { customerId: member, points: 250, reason: 'welcome', staffId: null, key: randomUUID() }));
    await setStock(conn.db, store, skus[0]!, 50);
  });

  it('redeems 200 points as €10 off, earns points on what was paid, and records both on the sale', async () => {
    const sale = await ticket([{ skuId: skus[0]!, quantity: 2 }], { customerId: member, redeemPoints: 200 });
    // 2 × 12.50 = 25.00, less 10.00 → 15.00 paid → 15 points (member tier, ×1).
    expect(sale).toMatchObject({ subtotalCents: 2500, discountCents: 1000, totalCents: 1500, pointsRedeemed: 200, pointsEarned: 15 });
    expect(await ledgerOf(conn.db, member)).toMatchObject({ balance: 250 - 200 + 15, entries: 65, lots: 65 });
    const receipt = await getSaleReceipt(sale.saleId, 'en');
    expect(receipt).toMatchObject({ subtotalCents: 2500, discountCents: 1000, totalCents: 1500, pointsRedeemed: 200, pointsEarned: 15 });
    const entries = await conn.db.execute<{ kind: string; sale_id: number; store_id: number; channel: string }>(
      sql`SELECT kind, sale_id, store_id, channel FROM loyalty_entries WHERE customer_id = ${member} AND sale_id IS NOT NULL ORDER BY id`,
    );
    expect(entries.rows).toEqual([
      { kind: 'redeem', sale_id: sale.saleId, store_id: store, channel: 'store' },
      { kind: 'earn', sale_id: sale.saleId, store_id: store, channel: 'store' },
    ]);
  });

  it('a replayed ticket with a redemption redeems once and earns once', async () => {
    const key = randomUUID();
    const before = await ledgerOf(conn.db, member);
    const first = await ticket([{ skuId: skus[0]!, quantity: 1 }], { customerId: member, redeemPoints: 0, idempotencyKey: key });
    const again = await ticket([{ skuId: skus[0]!, quantity: 1 }], { customerId: member, redeemPoints: 0, idempotencyKey: key });
    expect(again).toEqual({ ...first, replayed: true });
    expect((await ledgerOf(conn.db, member)).count).toBe(before.count + 1);

    await inTx((tx) => adjustPoints(tx, { customerId: member, points: 200, reason: 'test', staffId: null, key: randomUUID() }));
    const k2 = randomUUID();
    const r1 = await ticket([{ skuId: skus[0]!, quantity: 2 }], { customerId: member, redeemPoints: 100, idempotencyKey: k2 });
    const mid = await ledgerOf(conn.db, member);
    const r2 = await ticket([{ skuId: skus[0]!, quantity: 2 }], { customerId: member, redeemPoints: 100, idempotencyKey: k2 });
    expect(r2).toEqual({ ...r1, replayed: true });
    expect(await ledgerOf(conn.db, member)).toEqual(mid);
  });

  it('refuses more points than the balance or than the ticket is worth, and for no card: nothing written', async () => {
    const ledger = await ledgerOf(conn.db, member);
    const shelf = await onHand(skus[0]!);
    const sales = await count('sales');
    const err = await ticket([{ skuId: skus[0]!, quantity: 4 }], { customerId: member, redeemPoints: 10_000 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(NotEnoughPointsError);
    // 12.50 of goods cannot take €15 off.
    await inTx((tx) => adjustPoints(tx, { customerId: member, points: 300, reason: 'test', staffId: null, key: randomUUID() }));
    const big = await ledgerOf(conn.db, member);
    await expect(ticket([{ skuId: skus[0]!, quantity: 1 }], { customerId: member, redeemPoints: 300 })).rejects.toBeInstanceOf(RedemptionExceedsTotalError);
    await expect(ticket([{ skuId: skus[0]!, quantity: 1 }], { customerId: shopper, redeemPoints: 100 })).rejects.toBeInstanceOf(NotAMemberError);
    await expect(ticket([{ skuId: skus[0]!, quantity: 1 }], { customerId: null, redeemPoints: 100 })).rejects.toBeInstanceOf(NotAMemberError);
    // Found by email (or not said how): the points stay where they are.
    await expect(ticket([{ skuId: skus[0]!, quantity: 2 }], { customerId: member, redeemPoints: 100, identifiedBy: 'email' })).rejects.toBeInstanceOf(
      CardRequiredForRedemptionError,
    );
    await expect(ticket([{ skuId: skus[0]!, quantity: 2 }], { customerId: member, redeemPoints: 100, identifiedBy: undefined })).rejects.toBeInstanceOf(
      CardRequiredForRedemptionError,
    );
    expect(await ledgerOf(conn.db, member)).toEqual(big);
    expect(big.balance).toBe(ledger.balance + 300);
    expect(await onHand(skus[0]!)).toEqual(shelf);
    expect(await count('sales')).toBe(sales);
  });

  it('a non-member customer buys without earning anything', async () => {
    const sale = await ticket([{ skuId: skus[0]!, quantity: 1 }], { customerId: shopper });
    expect(sale).toMatchObject({ totalCents: 1250, pointsEarned: 0 });
  });
});

const d = onPostgres ? describe : describe.skip;

d('ringUpSale races (PostgreSQL)', () => {
  it('two tills selling the last unit: one sale, the other hears out of stock — ten rounds', async () => {
    for (let round = 0; round < 10; round++) {
      await setStock(conn.db, store, skus[4]!, 1);
      const outcomes = await Promise.allSettled([
        ticket([{ skuId: skus[4]!, quantity: 1 }], { staffId: staff }),
        ticket([{ skuId: skus[4]!, quantity: 1 }], { staffId: staffB, customerId: null }),
      ]);
      const won = outcomes.filter((o) => o.status === 'fulfilled');
      const lost = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
      expect(won).toHaveLength(1);
      expect(lost[0]!.reason).toBeInstanceOf(OutOfStockError);
      expect(await onHand(skus[4]!)).toEqual({ on_hand: 0, reserved: 0 });
    }
  });

  it('the same ticket submitted twice at once: one sale, one decrement', async () => {
    await setStock(conn.db, store, skus[4]!, 5);
    const key = randomUUID();
    const [a, b] = await Promise.all([
      ticket([{ skuId: skus[4]!, quantity: 2 }], { idempotencyKey: key }),
      ticket([{ skuId: skus[4]!, quantity: 2 }], { idempotencyKey: key }),
    ]);
    expect(a.saleId).toBe(b.saleId);
    expect([a.replayed, b.replayed].sort()).toEqual([false, true]);
    expect((await onHand(skus[4]!)).on_hand).toBe(3);
  });

  it('two tills redeeming the same card at once, with points for one: one discount, the other refused', async () => {
    const card = await insertUser(conn.db, { email: 'race-member@example.com' });
    await joinLoyalty(card);
    await inTx((tx) => adjustPoints(tx, { customerId: card, points: 150, reason: 'race', staffId: null, key: randomUUID() }));
    await setStock(conn.db, store, skus[0]!, 10);
    const outcomes = await Promise.allSettled([
      ticket([{ skuId: skus[0]!, quantity: 1 }], { customerId: card, redeemPoints: 100 }),
      ticket([{ skuId: skus[0]!, quantity: 1 }], { customerId: card, redeemPoints: 100, staffId: staffB }),
    ]);
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    expect(outcomes.find((o): o is PromiseRejectedResult => o.status === 'rejected')!.reason).toBeInstanceOf(NotEnoughPointsError);
    expect((await onHand(skus[0]!)).on_hand).toBe(9);
    expect((await ledgerOf(conn.db, card)).balance).toBe(150 - 100 + 7);
  });
});
