import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { testCard, setUpOrdersWorld } from '@/test/support/orders';
import { GiftCardAmountError } from '@/lib/wallet/errors';
import { getWallet } from '@/lib/wallet/queries';
import { PaymentDeclinedError } from './errors';
import { buyGiftCardOnline } from './gift-cards';

const w = setUpOrdersWorld();

describe('buying a gift card online', () => {
  it('charges the card once, puts the card in the buyer’s wallet; a retry answers with the first card', async () => {
    const customerId = w.shoppers[150]!;
    const before = { authorized: w.calls.authorized.length, captured: w.calls.captured.length };
    const key = randomUUID();
    const card = await buyGiftCardOnline({ customerId, amountCents: 5000, card: testCard('4242424242424242'), idempotencyKey: key });
    const again = await buyGiftCardOnline({ customerId, amountCents: 5000, card: testCard('4242424242424242'), idempotencyKey: key });
    expect(again).toMatchObject({ id: card.id, code: card.code, replayed: true });
    expect(w.calls.authorized.length).toBe(before.authorized + 1);
    expect(w.calls.captured.length).toBe(before.captured + 1);
    expect((await getWallet(customerId)).giftCards).toMatchObject([{ code: card.code, balanceCents: 5000 }]);
  });

  it('a declined card or an amount the shop does not sell issues nothing', async () => {
    const customerId = w.shoppers[151]!;
    await expect(buyGiftCardOnline({ customerId, amountCents: 5000, card: testCard('4000000000000002'), idempotencyKey: randomUUID() })).rejects.toBeInstanceOf(
      PaymentDeclinedError,
    );
    await expect(buyGiftCardOnline({ customerId, amountCents: 500, card: testCard('4242424242424242'), idempotencyKey: randomUUID() })).rejects.toBeInstanceOf(
      GiftCardAmountError,
    );
    expect((await getWallet(customerId)).totalCents).toBe(0);
  });
});
