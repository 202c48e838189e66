import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ForbiddenError } from '@/lib/auth/errors';
import { TEST_CARD_SUCCESS } from '@/lib/payments/test-cards';
import { onPostgres, useTestDatabase } from '@/test/support/db';
import { insertCategory, insertProduct, insertStore, insertUser, setStock } from '@/test/support/fixtures';
import { closeTill, listTillCloses, parisToday } from './close';
import { creditStoreCredit, issueGiftCard } from '@/lib/wallet/commands';
import { inTx } from '@/test/support/loyalty';
import { ringUpSale, type TenderInput } from './commands';
import { InvalidCloseError } from './errors';

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
  const store = await insertStore(conn.db, { slug: `s${++stores}`, name: `Shop ${stores}`, lat: 45.76, lng: 4.83 });
  await conn.db.execute(sql`INSERT INTO staff_memberships (user_id, store_id) VALUES (${staff}, ${store})`);
  await setStock(conn.db, store, sku, 100);
  return store;
}
const card: TenderInput = { kind: 'card', card: { kind: 'card', number: TEST_CARD_SUCCESS, expMonth: 12, expYear: 2099, cvc: '123', holder: 'A' } };
const sell = (storeId: number, tender: TenderInput, quantity = 1) =>
  ringUpSale({ storeId, staffId: staff, customerId: null, lines: [{ skuId: sku, quantity }], idempotencyKey: randomUUID(), tender });
const close = (storeId: number, over: { day?: string; key?: string; staffId?: number } = {}) =>
  closeTill({ storeId, staffId: over.staffId ?? staff, businessDay: over.day ?? parisToday(), idempotencyKey: over.key ?? randomUUID() });

describe('closeTill', () => {
  it('totals the day per method, once: a second close of the day answers the first', async () => {
    const store = await newStore();
    await sell(store, { kind: 'cash', givenCents: 5000 }, 2);
    await sell(store, card);
    await sell(store, { kind: 'split', cashCents: 300, givenCents: 500, card: card.card });
    const first = await close(store);
    expect(first).toMatchObject({ replayed: false, salesCount: 3, cashCount: 2, cashCents: 2300, cardCount: 2, cardCents: 1700, totalCents: 4000 });
    const again = await close(store);
    expect(again).toEqual({ ...first, replayed: true });
    const sameKey = await close(store, { key: randomUUID() });
    expect(sameKey.id).toBe(first.id);
    expect(await listTillCloses(store)).toEqual([{ ...first, replayed: undefined }].map(({ replayed: _, ...c }) => c));
  });

  it('a sale paid partly from the wallet: card, cash, store credit and gift card add up to the total', async () => {
    const store = await newStore();
    const customer = await insertUser(conn.db, { email: `w${store}@example.com` });
    await inTx((tx) => creditStoreCredit(tx, { customerId: customer, amountCents: 250, key: randomUUID(), kind: 'adjust' }));
    const gift = await inTx((tx) => issueGiftCard(tx, { amountCents: 1200, key: randomUUID(), customerId: null }));
    // 30 €: 12 € from the gift card, the rest (18 €) by card.
    await ringUpSale({
      storeId: store,
      staffId: staff,
      customerId: null,
      lines: [{ skuId: sku, quantity: 3 }],
      idempotencyKey: randomUUID(),
      tender: card,
      wallet: { giftCardCode: gift.code },
    });
    // 10 €: 2.50 € of the scanned customer's store credit, 7.50 € cash.
    await ringUpSale({
      storeId: store,
      staffId: staff,
      customerId: customer,
      identifiedBy: 'card',
      lines: [{ skuId: sku, quantity: 1 }],
      idempotencyKey: randomUUID(),
      tender: { kind: 'cash', givenCents: 1000 },
      wallet: { useStoreCredit: true },
    });
    const closed = await close(store);
    expect(closed).toMatchObject({
      salesCount: 2,
      totalCents: 4000,
      cardCount: 1,
      cardCents: 1800,
      cashCount: 1,
      cashCents: 750,
      giftCardCount: 1,
      giftCardCents: 1200,
      storeCreditCount: 1,
      storeCreditCents: 250,
    });
    expect(closed.cardCents + closed.cashCents + closed.giftCardCents + closed.storeCreditCents).toBe(closed.totalCents);
  });

  it('the database refuses a close whose methods do not add up to its total', async () => {
    const store = await newStore();
    const { id } = await close(store);
    await expect(conn.db.execute(sql`UPDATE till_closes SET total_cents = 100 WHERE id = ${id}`)).rejects.toThrow();
  });

  it('a sale rung up after the close goes to the next close, never counted twice', async () => {
    const store = await newStore();
    await sell(store, { kind: 'cash', givenCents: 1000 });
    await conn.db.execute(sql`UPDATE sales SET created_at = now() - interval '1 day' WHERE store_id = ${store}`);
    const yesterday = parisToday(new Date(Date.now() - 86_400_000));
    expect(await close(store, { day: yesterday })).toMatchObject({ salesCount: 1, cashCents: 1000 });
    await sell(store, card);
    expect(await close(store)).toMatchObject({ salesCount: 1, cashCents: 0, cardCents: 1000, totalCents: 1000 });
  });

  it('refuses a day to come, a malformed day, and staff of another store', async () => {
    const store = await newStore();
    await expect(close(store, { day: '2999-01-01' })).rejects.toBeInstanceOf(InvalidCloseError);
    await expect(close(store, { day: '2026-02-30' })).rejects.toBeInstanceOf(InvalidCloseError);
    await expect(close(store, { staffId: outsider })).rejects.toBeInstanceOf(ForbiddenError);
    expect(await listTillCloses(store)).toEqual([]);
  });

  it('the database refuses a second close row for the same store and day', async () => {
    const store = await newStore();
    await close(store);
    await expect(
      conn.db.execute(sql`INSERT INTO till_closes (store_id, business_day, idempotency_key) VALUES (${store}, ${parisToday()}::date, ${randomUUID()})`),
    ).rejects.toThrow();
  });
});

const d = onPostgres ? describe : describe.skip;
d('closeTill races (PostgreSQL)', () => {
  it('two closes of the same till and day at once: one close, the totals once — five rounds', async () => {
    for (let round = 0; round < 5; round++) {
      const store = await newStore();
      await sell(store, { kind: 'cash', givenCents: 2000 });
      await sell(store, card, 2);
      const [a, b] = await Promise.all([close(store), close(store)]);
      expect(a.id).toBe(b.id);
      expect([a.replayed, b.replayed].sort()).toEqual([false, true]);
      expect(a).toMatchObject({ salesCount: 2, cashCents: 1000, cardCents: 2000, totalCents: 3000 });
      expect(b).toMatchObject({ salesCount: 2, cashCents: 1000, cardCents: 2000, totalCents: 3000 });
      const r = await conn.db.execute<{ n: number; closes: number }>(
        sql`SELECT count(*)::int AS n, count(DISTINCT close_id)::int AS closes FROM sales WHERE store_id = ${store} AND close_id IS NOT NULL`,
      );
      expect(r.rows[0]).toEqual({ n: 2, closes: 1 });
      expect(await listTillCloses(store)).toHaveLength(1);
    }
  });
});
