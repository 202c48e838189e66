import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { inTx } from '@/test/support/loyalty';
import { testAddress, testCard, setUpOrdersWorld } from '@/test/support/orders';
import { insertSlotIn } from '@/test/support/drive';
import { creditStoreCredit, issueGiftCard } from '@/lib/wallet/commands';
import { getWallet } from '@/lib/wallet/queries';
import { NotEnoughStoreCreditError } from '@/lib/wallet/errors';
import { cancelOrderByCustomer } from './fulfilment';
import { InvalidCheckoutError } from './errors';
import { placeOrder } from './placing';
import { getCustomerOrder } from './queries';

/* Web checkout paying from the wallet (lib/wallet/pay.ts): alone, or with a card for the rest. */

const w = setUpOrdersWorld();

const giveCredit = (customerId: number, amountCents: number) =>
  inTx((tx) => creditStoreCredit(tx, { customerId, amountCents, key: `credit-${customerId}-${randomUUID()}`, kind: 'adjust' }));

async function capturedAmount(orderId: number): Promise<number | null> {
  // Raw SQL: what the order asks the provider to capture, as the capture job reads it.
  const r = await w.conn.db.execute<{ due: number }>(sql`SELECT total_cents - wallet_cents AS due FROM orders WHERE id = ${orderId}`);
  return r.rows[0]?.due ?? null;
}

describe('paying a web order from the wallet', () => {
  it('store credit and a card for the rest: the card is authorised for the rest only, the credit debited once', async () => {
    const { customerId, cartId } = await w.shopperWithCart([[w.skuA, 1]], 'delivery');
    await giveCredit(customerId, 300);
    const authorizedBefore = w.calls.authorized.length;
    const key = randomUUID();
    const input = { customerId, cartId, address: testAddress, payment: testCard('4242424242424242'), idempotencyKey: key, wallet: { useStoreCredit: true } };
    const placed = await placeOrder(input);
    expect(await placeOrder(input)).toEqual({ ...placed, replayed: true });
    const order = (await getCustomerOrder(placed.number, customerId, 'en'))!;
    expect(order).toMatchObject({ walletCents: 300, paymentStatus: 'authorized', cardLast4: '4242' });
    expect(w.calls.authorized.length).toBe(authorizedBefore + 1);
    expect(await capturedAmount(order.id)).toBe(order.totalCents - 300);
    const wallet = await getWallet(customerId);
    expect(wallet.storeCreditCents).toBe(0);
    expect(wallet.entries.filter((e) => e.kind === 'spend')).toMatchObject([{ amountCents: -300, orderId: order.id }]);
  });

  it('the wallet alone: no card asked, nothing authorised, the order paid', async () => {
    const { customerId, cartId } = await w.shopperWithCart([[w.skuA, 1]], 'delivery');
    await giveCredit(customerId, 100_000);
    const authorizedBefore = w.calls.authorized.length;
    const placed = await placeOrder({ customerId, cartId, address: testAddress, idempotencyKey: randomUUID(), wallet: { useStoreCredit: true } });
    const order = (await getCustomerOrder(placed.number, customerId, 'en'))!;
    expect(order).toMatchObject({ paymentProvider: 'wallet', paymentStatus: 'captured', cardLast4: null });
    expect(order.walletCents).toBe(order.totalCents);
    expect(w.calls.authorized.length).toBe(authorizedBefore);
    expect((await getWallet(customerId)).storeCreditCents).toBe(100_000 - order.totalCents);
  });

  it('too little in the wallet and no card: refused before anything is written', async () => {
    const { customerId, cartId } = await w.shopperWithCart([[w.skuA, 1]], 'delivery');
    await giveCredit(customerId, 100);
    await expect(
      placeOrder({ customerId, cartId, address: testAddress, idempotencyKey: randomUUID(), wallet: { useStoreCredit: true } }),
    ).rejects.toBeInstanceOf(InvalidCheckoutError);
    expect(await w.orderCount(customerId)).toBe(0);
    expect((await getWallet(customerId)).storeCreditCents).toBe(100);
  });

  it('store credit chosen but spent meanwhile: refused, the card not asked for the whole total', async () => {
    const { customerId, cartId } = await w.shopperWithCart([[w.skuA, 1]], 'delivery');
    const authorizedBefore = w.calls.authorized.length;
    await expect(
      placeOrder({
        customerId,
        cartId,
        address: testAddress,
        payment: testCard('4242424242424242'),
        idempotencyKey: randomUUID(),
        wallet: { useStoreCredit: true },
      }),
    ).rejects.toBeInstanceOf(NotEnoughStoreCreditError);
    expect(w.calls.authorized.length).toBe(authorizedBefore);
    expect(await w.orderCount(customerId)).toBe(0);
  });

  it('store credit that dropped since the page showed it (still above zero): refused with the new balance, the card not asked for more', async () => {
    const { customerId, cartId } = await w.shopperWithCart([[w.skuA, 1]], 'delivery');
    // The page showed €3.00 of credit; another tab spent €2.00 of it before this submit.
    await giveCredit(customerId, 100);
    const authorizedBefore = w.calls.authorized.length;
    const input = {
      customerId,
      cartId,
      address: testAddress,
      payment: testCard('4242424242424242'),
      idempotencyKey: randomUUID(),
      wallet: { useStoreCredit: true, storeCreditShownCents: 300 },
    };
    const refusal = await placeOrder(input).catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(NotEnoughStoreCreditError);
    expect((refusal as NotEnoughStoreCreditError).balanceCents).toBe(100);
    expect(w.calls.authorized.length).toBe(authorizedBefore);
    expect(await w.orderCount(customerId)).toBe(0);
    // The page, refreshed, shows €1.00: the same choice with that figure is paid.
    const placed = await placeOrder({ ...input, idempotencyKey: randomUUID(), wallet: { useStoreCredit: true, storeCreditShownCents: 100 } });
    expect((await getCustomerOrder(placed.number, customerId, 'en'))!).toMatchObject({ walletCents: 100, paymentStatus: 'authorized' });
  });

  it('store credit that grew since the page showed it: the order takes what it needs, the card less', async () => {
    const { customerId, cartId } = await w.shopperWithCart([[w.skuA, 1]], 'delivery');
    await giveCredit(customerId, 250);
    const placed = await placeOrder({
      customerId,
      cartId,
      address: testAddress,
      payment: testCard('4242424242424242'),
      idempotencyKey: randomUUID(),
      wallet: { useStoreCredit: true, storeCreditShownCents: 200 },
    });
    expect((await getCustomerOrder(placed.number, customerId, 'en'))!).toMatchObject({ walletCents: 250 });
  });

  it('a drive order paid with a gift card bought by someone else: the rest is due at pickup', async () => {
    const { customerId, cartId } = await w.shopperWithCart([[w.skuB, 2]]);
    const card = await inTx((tx) => issueGiftCard(tx, { amountCents: 1000, key: randomUUID(), customerId: w.shoppers[199]! }));
    const slotId = await insertSlotIn(w.conn.db, w.drive, 24 * 60, 3);
    const placed = await placeOrder({ customerId, cartId, slotId, idempotencyKey: randomUUID(), wallet: { giftCardCode: card.code } });
    const order = (await getCustomerOrder(placed.number, customerId, 'en'))!;
    expect(order).toMatchObject({ walletCents: Math.min(1000, order.totalCents), paymentStatus: order.totalCents > 1000 ? 'due_at_pickup' : 'captured' });
    // The card's owner sees it spent in their wallet.
    expect((await getWallet(w.shoppers[199]!)).giftCards.find((g) => g.code === card.code)?.balanceCents ?? 0).toBe(1000 - order.walletCents);
  });

  it('cancelling a wallet-paid order gives the wallet part back as store credit', async () => {
    const { customerId, cartId } = await w.shopperWithCart([[w.skuA, 1]], 'delivery');
    await giveCredit(customerId, 400);
    const placed = await placeOrder({
      customerId,
      cartId,
      address: testAddress,
      payment: testCard('4242424242424242'),
      idempotencyKey: randomUUID(),
      wallet: { useStoreCredit: true },
    });
    await cancelOrderByCustomer({ orderId: placed.id, customerId });
    const wallet = await getWallet(customerId);
    expect(wallet.storeCreditCents).toBe(400);
    expect(wallet.entries[0]).toMatchObject({ kind: 'refund', amountCents: 400, orderId: placed.id });
  });
});
