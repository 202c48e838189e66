import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OutOfStockError } from '@/lib/inventory/holds';
import type { CardMethodInput } from '@/lib/payments';
import { TEST_CARD_DECLINED, TEST_CARD_SUCCESS } from '@/lib/payments/test-cards';
import { onPostgres, useTestDatabase } from '@/test/support/db';
import { insertCategory, insertProduct, insertStore, insertUser, setStock } from '@/test/support/fixtures';
import { ringUpSale, type TenderInput } from './commands';
import { CashShortError, InvalidTenderError, TillCardDeclinedError } from './errors';

let conn: Awaited<ReturnType<typeof useTestDatabase>>;
let store: number;
let skus: number[];
let staff: number;

const card = (number = TEST_CARD_SUCCESS): CardMethodInput => ({ kind: 'card', number, expMonth: 12, expYear: 2099, cvc: '123', holder: 'A Shopper' });

beforeAll(async () => {
  conn = await useTestDatabase();
  const cat = await insertCategory(conn.db, 'c');
  skus = (await insertProduct(conn.db, { slug: 'p', categoryId: cat, nameFr: 'Gourde', nameEn: 'Bottle', skus: [{ priceCents: 1250 }, { priceCents: 999 }] }))
    .skuIds;
  store = await insertStore(conn.db, { slug: 'lyon', name: 'Lyon', lat: 45.76, lng: 4.83 });
  staff = await insertUser(conn.db, { email: 'staff@example.com', name: 'Sam', role: 'staff' });
  await conn.db.execute(sql`INSERT INTO staff_memberships (user_id, store_id) VALUES (${staff}, ${store})`);
  await setStock(conn.db, store, skus[0]!, 100);
  await setStock(conn.db, store, skus[1]!, 1);
});
afterAll(async () => conn?.drop());

const sell = (tender: TenderInput, over: { key?: string; skuId?: number; quantity?: number } = {}) =>
  ringUpSale({
    storeId: store,
    staffId: staff,
    customerId: null,
    lines: [{ skuId: over.skuId ?? skus[0]!, quantity: over.quantity ?? 2 }],
    idempotencyKey: over.key ?? randomUUID(),
    tender,
  });

async function paymentsOf(saleId: number) {
  const r = await conn.db.execute<{
    method: string;
    amount_cents: number;
    given_cents: number | null;
    change_cents: number | null;
    ref: string | null;
    captured: boolean;
  }>(
    sql`SELECT method, amount_cents, given_cents, change_cents, provider_reference AS ref, captured_at IS NOT NULL AS captured
        FROM sale_payments WHERE sale_id = ${saleId} ORDER BY method`,
  );
  return r.rows;
}
async function providerState(reference: string) {
  const r = await conn.db.execute<{ state: string; captured_cents: number }>(
    sql`SELECT state, captured_cents FROM test_provider_payments WHERE reference = ${reference}`,
  );
  return r.rows[0];
}
async function salesCount() {
  const r = await conn.db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM sales`);
  return r.rows[0]!.n;
}

describe('tender at the till', () => {
  it('cash: records what was given and the change due', async () => {
    const sale = await sell({ kind: 'cash', givenCents: 5000 });
    expect(sale.totalCents).toBe(2500);
    expect(await paymentsOf(sale.saleId)).toEqual([{ method: 'cash', amount_cents: 2500, given_cents: 5000, change_cents: 2500, ref: null, captured: false }]);
  });

  it('cash short of the total: refused with the shortfall, nothing sold', async () => {
    const before = await salesCount();
    const err = await sell({ kind: 'cash', givenCents: 2000 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CashShortError);
    expect((err as CashShortError).shortCents).toBe(500);
    expect(await salesCount()).toBe(before);
  });

  it('card: held and captured through the payment provider', async () => {
    const sale = await sell({ kind: 'card', card: card() });
    const [paid] = await paymentsOf(sale.saleId);
    expect(paid).toMatchObject({ method: 'card', amount_cents: 2500, given_cents: null, change_cents: null, captured: true });
    expect(await providerState(paid!.ref!)).toEqual({ state: 'captured', captured_cents: 2500 });
  });

  it('a declined card records no sale and says why; the same ticket then pays cash', async () => {
    const key = randomUUID();
    const before = await salesCount();
    const err = await sell({ kind: 'card', card: card(TEST_CARD_DECLINED) }, { key }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TillCardDeclinedError);
    expect((err as TillCardDeclinedError).declineCode).toBe('card_declined');
    expect(await salesCount()).toBe(before);
    const sale = await sell({ kind: 'cash', givenCents: 2500 }, { key });
    expect(sale.replayed).toBe(false);
    expect(await paymentsOf(sale.saleId)).toMatchObject([{ method: 'cash', amount_cents: 2500, change_cents: 0 }]);
  });

  it('split: the cash part with its change, the rest by card', async () => {
    const sale = await sell({ kind: 'split', cashCents: 1000, givenCents: 2000, card: card() });
    expect(await paymentsOf(sale.saleId)).toMatchObject([
      { method: 'card', amount_cents: 1500, captured: true },
      { method: 'cash', amount_cents: 1000, given_cents: 2000, change_cents: 1000 },
    ]);
  });

  it('split whose cash part covers it all is refused', async () => {
    await expect(sell({ kind: 'split', cashCents: 2500, givenCents: 2500, card: card() })).rejects.toBeInstanceOf(InvalidTenderError);
  });

  it('a retried "take payment" by card answers the first sale and charges once', async () => {
    const key = randomUUID();
    const first = await sell({ kind: 'card', card: card() }, { key });
    const again = await sell({ kind: 'card', card: card() }, { key });
    expect(again).toMatchObject({ saleId: first.saleId, replayed: true });
    const r = await conn.db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM sale_payments WHERE sale_id = ${first.saleId}`);
    expect(r.rows[0]!.n).toBe(1);
    const [paid] = await paymentsOf(first.saleId);
    expect(await providerState(paid!.ref!)).toEqual({ state: 'captured', captured_cents: 2500 });
  });

  it('a card held for a ticket the shelf cannot fill is let go', async () => {
    const before = await conn.db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM test_provider_payments WHERE state = 'voided'`);
    await expect(sell({ kind: 'card', card: card() }, { skuId: skus[1]!, quantity: 2 })).rejects.toBeInstanceOf(OutOfStockError);
    const after = await conn.db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM test_provider_payments WHERE state = 'voided'`);
    expect(after.rows[0]!.n).toBe(before.rows[0]!.n + 1);
  });

  it('the database refuses payments that do not sum to the sale, and change that does not add up', async () => {
    const sale = await sell({ kind: 'cash', givenCents: 2500 });
    await expect(
      conn.db.transaction(async (tx) => {
        await tx.execute(sql`UPDATE sale_payments SET amount_cents = 2400, change_cents = 100 WHERE sale_id = ${sale.saleId}`);
      }),
    ).rejects.toThrow();
    await expect(conn.db.execute(sql`UPDATE sale_payments SET change_cents = 5 WHERE sale_id = ${sale.saleId}`)).rejects.toThrow();
    await expect(conn.db.execute(sql`UPDATE sale_payments SET amount_cents = 0 WHERE sale_id = ${sale.saleId}`)).rejects.toThrow();
    expect(await paymentsOf(sale.saleId)).toMatchObject([{ amount_cents: 2500, change_cents: 0 }]);
  });
});

const d = onPostgres ? describe : describe.skip;
d('tender races (PostgreSQL)', () => {
  it('the same card ticket sent twice at once: one sale, one capture', async () => {
    const key = randomUUID();
    const [a, b] = await Promise.all([sell({ kind: 'card', card: card() }, { key }), sell({ kind: 'card', card: card() }, { key })]);
    expect(a.saleId).toBe(b.saleId);
    const [paid] = await paymentsOf(a.saleId);
    expect(await providerState(paid!.ref!)).toEqual({ state: 'captured', captured_cents: 2500 });
  });
});
