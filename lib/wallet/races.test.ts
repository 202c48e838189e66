import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { onPostgres, useTestDatabase } from '@/test/support/db';
import { insertShoppers } from '@/test/support/fixtures';
import { inTx } from '@/test/support/loyalty';
import { creditStoreCredit, issueGiftCard, spendGiftCard, spendStoreCredit } from './commands';
import { NotEnoughOnGiftCardError, NotEnoughStoreCreditError } from './errors';
import { getWallet } from './queries';

/*
 * Races on a real multi-connection PostgreSQL (PGlite runs one transaction at a time, so there
 * these would prove nothing). The channels' own races (web checkout against the till) are in
 * lib/sales/wallet.test.ts.
 */
const d = onPostgres ? describe : describe.skip;

let conn: Awaited<ReturnType<typeof useTestDatabase>>;
let shoppers: number[];
let next = 0;

beforeAll(async () => {
  conn = await useTestDatabase();
  shoppers = await insertShoppers(conn.db, 20, 'wallet-race');
});
afterAll(async () => conn?.drop());

d('contended wallets (PostgreSQL)', () => {
  it('the last euro of store credit spent by 10 requests at once: exactly one succeeds — five rounds', async () => {
    for (let round = 0; round < 5; round++) {
      const c = shoppers[next++]!;
      await inTx((tx) => creditStoreCredit(tx, { customerId: c, amountCents: 100, key: `c-${c}`, kind: 'adjust' }));
      const outcomes = await Promise.allSettled(
        Array.from({ length: 10 }, (_, i) => inTx((tx) => spendStoreCredit(tx, { customerId: c, amountCents: 100, key: `s-${c}-${i}` }))),
      );
      expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
      for (const o of outcomes) if (o.status === 'rejected') expect(o.reason).toBeInstanceOf(NotEnoughStoreCreditError);
      const w = await getWallet(c);
      expect(w.storeCreditCents).toBe(0);
      expect(w.entries.filter((e) => e.kind === 'spend')).toHaveLength(1);
    }
  });

  it('one spend sent 10 times at once with the same key: one debit, every answer the same entry', async () => {
    const c = shoppers[next++]!;
    await inTx((tx) => creditStoreCredit(tx, { customerId: c, amountCents: 1000, key: `c-${c}`, kind: 'adjust' }));
    const outcomes = await Promise.allSettled(
      Array.from({ length: 10 }, () => inTx((tx) => spendStoreCredit(tx, { customerId: c, amountCents: 300, key: `same-${c}` }))),
    );
    // A request that lost the race on the key's index rolls back its debit (a unique violation); a retry of it replays.
    const won = outcomes.filter((o) => o.status === 'fulfilled').map((o) => (o as PromiseFulfilledResult<{ entryId: number }>).value.entryId);
    expect(new Set(won).size).toBe(1);
    const retried = await inTx((tx) => spendStoreCredit(tx, { customerId: c, amountCents: 300, key: `same-${c}` }));
    expect(retried).toMatchObject({ entryId: won[0], replayed: true });
    expect((await getWallet(c)).storeCreditCents).toBe(700);
  });

  it('a gift card’s last euro spent at two tills and online at once: exactly one succeeds', async () => {
    for (let round = 0; round < 5; round++) {
      const card = await inTx((tx) => issueGiftCard(tx, { amountCents: 1000, key: `g-race-${round}`, customerId: null }));
      await inTx((tx) => spendGiftCard(tx, { code: card.code, amountCents: 900, key: `g-race-${round}-first` }));
      const outcomes = await Promise.allSettled(
        Array.from({ length: 3 }, (_, i) => inTx((tx) => spendGiftCard(tx, { code: card.code, amountCents: 100, key: `g-race-${round}-${i}` }))),
      );
      expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
      for (const o of outcomes) if (o.status === 'rejected') expect(o.reason).toBeInstanceOf(NotEnoughOnGiftCardError);
    }
  });
});
