import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ForbiddenError } from '@/lib/auth/errors';
import { IdempotencyKeyReusedError } from '@/lib/inventory/commands';
import { TEST_CARD_SUCCESS } from '@/lib/payments/test-cards';
import { GiftCardAmountError } from '@/lib/wallet/errors';
import { getGiftCardBalance } from '@/lib/wallet/queries';
import { onPostgres, useTestDatabase } from '@/test/support/db';
import { insertCategory, insertProduct, insertStore, insertUser, setStock } from '@/test/support/fixtures';
import { closeTill, parisToday } from './close';
import { ringUpSale, type TenderInput } from './commands';
import { sellTillGiftCard } from './gift-card-sale';
import { getSaleReceipt } from './queries';

let conn: Awaited<ReturnType<typeof useTestDatabase>>;
let sku: number;
let staff: number;
let outsider: number;

beforeAll(async () => {
  conn = await useTestDatabase();
  const cat = await insertCategory(conn.db, 'c');
  [sku] = (await insertProduct(conn.db, { slug: 'p', categoryId: cat, nameFr: 'Gourde', nameEn: 'Bottle', skus: [{ priceCents: 1000 }] })).skuIds as [number];
  staff = await insertUser(conn.db, { email: 'staff@example.com', name: 'Sam', role: 'staff' });
  outsider = await insertUser(conn.db, { email: 'other@example.com', role: 'staff' });
});
afterAll(async () => conn?.drop());

let stores = 0;
async function newStore() {
  const store = await insertStore(conn.db, { slug: `g${++stores}`, name: `Shop ${stores}`, lat: 45.76, lng: 4.83 });
  // Raw SQL: the test's staff member works at this store's till.
  await conn.db.execute(sql`INSERT INTO staff_memberships (user_id, store_id) VALUES (${staff}, ${store})`);
  await setStock(conn.db, store, sku, 10);
  return store;
}
const card: TenderInput = { kind: 'card', card: { kind: 'card', number: TEST_CARD_SUCCESS, expMonth: 12, expYear: 2099, cvc: '123', holder: 'A' } };
const sell = (storeId: number, over: { amountCents?: number; tender?: TenderInput; key?: string; staffId?: number } = {}) =>
  sellTillGiftCard({
    storeId,
    staffId: over.staffId ?? staff,
    amountCents: over.amountCents ?? 5000,
    tender: over.tender ?? { kind: 'cash', givenCents: 6000 },
    idempotencyKey: over.key ?? randomUUID(),
  });
async function cardsOfStore(storeId: number): Promise<number> {
  // Raw SQL: how many gift cards this store's till issued.
  const r = await conn.db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM gift_cards WHERE store_id = ${storeId}`);
  return r.rows[0]!.n;
}

describe('sellTillGiftCard', () => {
  it('sells a card paid in cash: a till sale of its amount, the code on the receipt, counted by the close', async () => {
    const store = await newStore();
    const sold = await sell(store);
    expect(sold).toMatchObject({ amountCents: 5000, replayed: false });
    expect(sold.code).toMatch(/^GC-/);
    expect((await getGiftCardBalance(sold.code))?.balanceCents).toBe(5000);
    const receipt = await getSaleReceipt(sold.saleId, 'en');
    expect(receipt).toMatchObject({ totalCents: 5000, lines: [], customer: null, pointsEarned: 0, giftCard: { code: sold.code, amountCents: 5000 } });
    expect(receipt!.payments).toEqual([expect.objectContaining({ method: 'cash', amountCents: 5000, givenCents: 6000, changeCents: 1000 })]);
    expect(await closeTill({ storeId: store, staffId: staff, businessDay: parisToday(), idempotencyKey: randomUUID() })).toMatchObject({
      salesCount: 1,
      cashCents: 5000,
      totalCents: 5000,
    });
  });

  it('the same key again answers with the first card: one card, one charge', async () => {
    const store = await newStore();
    const key = randomUUID();
    const first = await sell(store, { key, tender: card });
    const again = await sell(store, { key, tender: card, amountCents: 9000 });
    expect(again).toEqual({ ...first, replayed: true });
    expect(await cardsOfStore(store)).toBe(1);
    expect((await getSaleReceipt(first.saleId, 'fr'))!.payments).toEqual([expect.objectContaining({ method: 'card', amountCents: 5000 })]);
  });

  it('refuses an amount outside the limits, staff of another store, and a key already used for goods', async () => {
    const store = await newStore();
    await expect(sell(store, { amountCents: 999 })).rejects.toBeInstanceOf(GiftCardAmountError);
    await expect(sell(store, { amountCents: 50_001 })).rejects.toBeInstanceOf(GiftCardAmountError);
    await expect(sell(store, { staffId: outsider })).rejects.toBeInstanceOf(ForbiddenError);
    const key = randomUUID();
    await ringUpSale({ storeId: store, staffId: staff, customerId: null, lines: [{ skuId: sku, quantity: 1 }], idempotencyKey: key, tender: card });
    await expect(sell(store, { key })).rejects.toBeInstanceOf(IdempotencyKeyReusedError);
    expect(await cardsOfStore(store)).toBe(0);
  });
});

describe.runIf(onPostgres)('sellTillGiftCard races (PostgreSQL)', () => {
  it('the same sale sent twice at once: one sale, one card — five rounds', async () => {
    const store = await newStore();
    for (let round = 0; round < 5; round++) {
      const key = randomUUID();
      const [a, b] = await Promise.all([sell(store, { key, tender: card }), sell(store, { key, tender: card })]);
      expect(a.code).toBe(b.code);
      expect([a.replayed, b.replayed].sort()).toEqual([false, true]);
    }
    expect(await cardsOfStore(store)).toBe(5);
  });
});
