import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { placeOrder } from '@/lib/orders/placing';
import { inTx } from '@/test/support/loyalty';
import { testAddress, testCard, setUpOrdersWorld } from '@/test/support/orders';
import { creditStoreCredit, issueGiftCard } from '@/lib/wallet/commands';
import { NotEnoughOnGiftCardError, NotEnoughStoreCreditError, WalletNeedsCardError } from '@/lib/wallet/errors';
import { getGiftCardBalance, getWallet } from '@/lib/wallet/queries';
import { onPostgres } from '@/test/support/db';
import { ringUpSale } from './commands';
import { getSaleReceipt } from './queries';

/*
 * Two channels spending the same wallet at once (PostgreSQL: PGlite runs one transaction at a
 * time). Each plans its part from the balance it read, holds the card for the rest, then debits in
 * its own transaction: one debit wins, the other rolls back its order or sale and lets its hold go.
 */
const w = setUpOrdersWorld();

beforeAll(async () => {
  // Raw SQL: the test's staff member works at the drive store's till.
  await w.conn.db.execute(sql`INSERT INTO staff_memberships (user_id, store_id) VALUES (${w.staff}, ${w.drive}) ON CONFLICT DO NOTHING`);
});

async function priceOf(skuId: number): Promise<number> {
  // Raw SQL: the SKU's price, to give the wallet exactly one ticket's worth.
  const r = await w.conn.db.execute<{ price_cents: number }>(sql`SELECT price_cents FROM skus WHERE id = ${skuId}`);
  return r.rows[0]!.price_cents;
}

describe.runIf(onPostgres)('PostgreSQL: the web and the till spend one wallet at once', () => {
  it('the last euros of store credit, online and at the till at once: exactly one succeeds — five rounds', async () => {
    const price = await priceOf(w.skuA);
    for (let round = 0; round < 5; round++) {
      const { customerId, cartId } = await w.shopperWithCart([[w.skuA, 1]], 'delivery');
      await inTx((tx) => creditStoreCredit(tx, { customerId, amountCents: price, key: randomUUID(), kind: 'adjust' }));
      const voidedBefore = w.calls.voided.length;
      const [web, till] = await Promise.allSettled([
        placeOrder({
          customerId,
          cartId,
          address: testAddress,
          payment: testCard('4242424242424242'),
          idempotencyKey: randomUUID(),
          wallet: { useStoreCredit: true },
        }),
        ringUpSale({
          storeId: w.drive,
          staffId: w.staff,
          customerId,
          identifiedBy: 'card',
          lines: [{ skuId: w.skuA, quantity: 1 }],
          idempotencyKey: randomUUID(),
          tender: { kind: 'cash', givenCents: 0 },
          wallet: { useStoreCredit: true },
        }),
      ]);
      const outcomes = [web, till];
      expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
      const refused = outcomes.find((o): o is PromiseRejectedResult => o.status === 'rejected')!;
      expect(refused.reason).toBeInstanceOf(NotEnoughStoreCreditError);
      const wallet = await getWallet(customerId);
      expect(wallet.storeCreditCents).toBe(0);
      expect(wallet.entries.filter((e) => e.kind === 'spend')).toHaveLength(1);
      // A web order that lost had its card hold (for the delivery fee) let go.
      if (web.status === 'rejected') expect(w.calls.voided.length).toBe(voidedBefore + 1);
    }
  });

  it('a gift card’s last euros at two tills and online at once: exactly one sale or order', async () => {
    const price = await priceOf(w.skuB);
    for (let round = 0; round < 3; round++) {
      const card = await inTx((tx) => issueGiftCard(tx, { amountCents: Math.max(price, 1000), key: randomUUID(), customerId: null }));
      const { customerId, cartId } = await w.shopperWithCart([[w.skuB, 1]], 'delivery');
      // The card is worth one item at least: each channel plans to spend min(balance, its total).
      const tills = [0, 1].map(() =>
        ringUpSale({
          storeId: w.drive,
          staffId: w.staff,
          customerId: null,
          lines: [{ skuId: w.skuB, quantity: Math.ceil(Math.max(price, 1000) / price) }],
          idempotencyKey: randomUUID(),
          tender: { kind: 'cash', givenCents: 1_000_000 },
          wallet: { giftCardCode: card.code },
        }),
      );
      const web = placeOrder({
        customerId,
        cartId,
        address: testAddress,
        payment: testCard('4242424242424242'),
        idempotencyKey: randomUUID(),
        wallet: { giftCardCode: card.code },
      });
      const outcomes = await Promise.allSettled([...tills, web]);
      expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
      for (const o of outcomes) if (o.status === 'rejected') expect(o.reason).toBeInstanceOf(NotEnoughOnGiftCardError);
    }
  });
});

describe('paying a till ticket from the wallet', () => {
  const ticket = (customerId: number | null, over: Partial<Parameters<typeof ringUpSale>[0]>) =>
    ringUpSale({
      storeId: w.drive,
      staffId: w.staff,
      customerId,
      lines: [{ skuId: w.skuA, quantity: 1 }],
      idempotencyKey: randomUUID(),
      tender: { kind: 'cash', givenCents: 0 },
      ...over,
    });

  it('store credit only on a scanned card: a customer found by email spends none of it', async () => {
    const c = w.shoppers[190]!;
    await inTx((tx) => creditStoreCredit(tx, { customerId: c, amountCents: 100_000, key: randomUUID(), kind: 'adjust' }));
    await expect(ticket(c, { identifiedBy: 'email', wallet: { useStoreCredit: true } })).rejects.toBeInstanceOf(WalletNeedsCardError);
    const sale = await ticket(c, { identifiedBy: 'card', wallet: { useStoreCredit: true } });
    const receipt = (await getSaleReceipt(sale.saleId, 'en'))!;
    expect(receipt.payments).toEqual([expect.objectContaining({ method: 'store_credit', amountCents: sale.totalCents })]);
    expect((await getWallet(c)).storeCreditCents).toBe(100_000 - sale.totalCents);
  });

  it('a gift card and cash for the rest, with the change; a retried ticket spends the card once', async () => {
    const price = await priceOf(w.skuA);
    const card = await inTx((tx) => issueGiftCard(tx, { amountCents: 1000, key: randomUUID(), customerId: null }));
    const key = randomUUID();
    const input = {
      lines: [{ skuId: w.skuA, quantity: 2 }],
      idempotencyKey: key,
      tender: { kind: 'cash', givenCents: 2 * price } as const,
      wallet: { giftCardCode: card.code },
    };
    const sale = await ticket(null, input);
    expect(await ticket(null, input)).toEqual({ ...sale, replayed: true });
    const receipt = (await getSaleReceipt(sale.saleId, 'en'))!;
    const gift = Math.min(1000, 2 * price);
    expect(receipt.payments).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ method: 'gift_card', amountCents: gift, cardLast4: card.code.slice(-4) }),
        ...(2 * price > gift ? [expect.objectContaining({ method: 'cash', amountCents: 2 * price - gift, changeCents: gift })] : []),
      ]),
    );
    expect((await getGiftCardBalance(card.code))!.balanceCents).toBe(1000 - gift);
  });
});
