import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '@/test/support/db';
import { insertShoppers, insertStore } from '@/test/support/fixtures';
import { inTx } from '@/test/support/loyalty';
import { normalizeGiftCardCode } from './code';
import { creditStoreCredit, issueGiftCard, spendGiftCard, spendStoreCredit } from './commands';
import {
  GiftCardAmountError,
  GiftCardExpiredError,
  GiftCardUnknownError,
  NotEnoughOnGiftCardError,
  NotEnoughStoreCreditError,
  WalletNeedsCardError,
} from './errors';
import { planWalletPayment, takeWalletPayment } from './pay';
import { getWallet } from './queries';

let conn: Awaited<ReturnType<typeof useTestDatabase>>;
let shoppers: number[];
let store: number;
let next = 0;
const shopper = () => shoppers[next++]!;

beforeAll(async () => {
  conn = await useTestDatabase();
  store = await insertStore(conn.db, { slug: 'wallet-shop', lat: 45.76, lng: 4.83 });
  shoppers = await insertShoppers(conn.db, 30, 'wallet');
});
afterAll(async () => conn?.drop());

const credit = (customerId: number, amountCents: number, key: string) => inTx((tx) => creditStoreCredit(tx, { customerId, amountCents, key, kind: 'adjust' }));

describe('store credit', () => {
  it('credits and spends; a retried spend with the same key is the first answer, debited once', async () => {
    const c = shopper();
    await credit(c, 3000, `c-${c}`);
    const first = await inTx((tx) => spendStoreCredit(tx, { customerId: c, amountCents: 1200, key: `s-${c}` }));
    const again = await inTx((tx) => spendStoreCredit(tx, { customerId: c, amountCents: 1200, key: `s-${c}` }));
    expect(first).toMatchObject({ balanceCents: 1800, replayed: false });
    expect(again).toMatchObject({ entryId: first.entryId, balanceCents: 1800, replayed: true });
    expect((await getWallet(c)).storeCreditCents).toBe(1800);
  });

  it('never goes below zero: spending more than the balance is refused and changes nothing', async () => {
    const c = shopper();
    await credit(c, 500, `c-${c}`);
    await expect(inTx((tx) => spendStoreCredit(tx, { customerId: c, amountCents: 501, key: `s-${c}` }))).rejects.toEqual(new NotEnoughStoreCreditError(500));
    const w = await getWallet(c);
    expect(w.storeCreditCents).toBe(500);
    expect(w.entries).toHaveLength(1);
  });

  it('the ledger is append-only: an entry cannot be changed or deleted', async () => {
    const c = shopper();
    const { entryId } = await credit(c, 700, `c-${c}`);
    await expect(conn.db.execute(sql`UPDATE store_credit_entries SET amount_cents = 99999 WHERE id = ${entryId}`)).rejects.toThrow();
    await expect(conn.db.execute(sql`DELETE FROM store_credit_entries WHERE id = ${entryId}`)).rejects.toThrow();
  });
});

describe('gift cards', () => {
  it('issues a code worth its amount for a year, in the buyer’s wallet; the same key issues one card', async () => {
    const c = shopper();
    const card = await inTx((tx) => issueGiftCard(tx, { amountCents: 5000, key: `g-${c}`, customerId: c }));
    const again = await inTx((tx) => issueGiftCard(tx, { amountCents: 5000, key: `g-${c}`, customerId: c }));
    expect(card.code).toMatch(/^GC-[A-HJ-NP-Z2-9]{4}(-[A-HJ-NP-Z2-9]{4}){3}$/);
    expect(again).toMatchObject({ id: card.id, code: card.code, replayed: true });
    const days = (card.expiresAt.getTime() - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(364);
    expect(days).toBeLessThan(366);
    const w = await getWallet(c);
    expect(w).toMatchObject({ storeCreditCents: 0, totalCents: 5000, giftCards: [{ code: card.code, balanceCents: 5000 }] });
    expect(w.entries).toMatchObject([{ kind: 'gift_card', amountCents: 5000, giftCardTail: card.code.slice(-4) }]);
  });

  it('refuses an amount outside what the shop sells', async () => {
    await expect(inTx((tx) => issueGiftCard(tx, { amountCents: 999, key: 'g-small', customerId: null }))).rejects.toBeInstanceOf(GiftCardAmountError);
    await expect(inTx((tx) => issueGiftCard(tx, { amountCents: 50_001, key: 'g-big', customerId: null }))).rejects.toBeInstanceOf(GiftCardAmountError);
  });

  it('is spent by whoever has the code (typed loosely), never below zero, and not once expired', async () => {
    const card = await inTx((tx) => issueGiftCard(tx, { amountCents: 2000, key: 'g-bearer', customerId: null, storeId: store }));
    const typed = card.code.toLowerCase().replace(/-/g, ' ');
    const spent = await inTx((tx) => spendGiftCard(tx, { code: typed, amountCents: 1500, key: 'gs-1' }));
    expect(spent).toMatchObject({ balanceCents: 500, replayed: false });
    await expect(inTx((tx) => spendGiftCard(tx, { code: card.code, amountCents: 501, key: 'gs-2' }))).rejects.toEqual(new NotEnoughOnGiftCardError(500));
    await expect(inTx((tx) => spendGiftCard(tx, { code: 'GC-AAAA-AAAA-AAAA-AAAA', amountCents: 1, key: 'gs-3' }))).rejects.toBeInstanceOf(GiftCardUnknownError);
    await expect(inTx((tx) => spendGiftCard(tx, { code: 'not a code', amountCents: 1, key: 'gs-4' }))).rejects.toBeInstanceOf(GiftCardUnknownError);
    // Raw SQL: a test moves the card's expiry into the past (no command does).
    await conn.db.execute(sql`UPDATE gift_cards SET expires_at = now() - interval '1 day' WHERE id = ${card.id}`);
    await expect(inTx((tx) => spendGiftCard(tx, { code: card.code, amountCents: 100, key: 'gs-5' }))).rejects.toBeInstanceOf(GiftCardExpiredError);
  });

  it('normalizes what was typed or scanned, and refuses what cannot be a code', () => {
    expect(normalizeGiftCardCode('gc abcd efgh jkmn pqrs')).toBe('GC-ABCD-EFGH-JKMN-PQRS');
    expect(normalizeGiftCardCode('ABCDEFGHJKMNPQRS')).toBe('GC-ABCD-EFGH-JKMN-PQRS');
    expect(normalizeGiftCardCode('GC-ABCD-EFGH-JKMN-PQR0')).toBeNull();
    expect(normalizeGiftCardCode(42)).toBeNull();
  });
});

describe('paying a total from several sources', () => {
  it('the gift card first, then the store credit, then the rest by card', async () => {
    const c = shopper();
    await credit(c, 1000, `c-${c}`);
    const card = await inTx((tx) => issueGiftCard(tx, { amountCents: 1500, key: `g-${c}`, customerId: null }));
    const plan = await planWalletPayment(conn.db, { useStoreCredit: true, giftCardCode: card.code }, { customerId: c, totalCents: 4000 });
    expect(plan).toEqual({ giftCard: { code: card.code, cents: 1500 }, storeCreditCents: 1000, walletCents: 2500, restCents: 1500 });
    const small = await planWalletPayment(conn.db, { useStoreCredit: true, giftCardCode: card.code }, { customerId: c, totalCents: 1200 });
    expect(small).toEqual({ giftCard: { code: card.code, cents: 1200 }, storeCreditCents: 0, walletCents: 1200, restCents: 0 });
    await inTx((tx) => takeWalletPayment(tx, plan, { customerId: c, key: `order-${c}` }));
    await inTx((tx) => takeWalletPayment(tx, plan, { customerId: c, key: `order-${c}` })); // a replay: nothing more
    const w = await getWallet(c);
    expect(w.storeCreditCents).toBe(0);
    expect(w.entries.filter((e) => e.kind === 'spend')).toHaveLength(1); // the card had no owner: its spend is not on this wallet
  });

  it('nobody’s store credit without an owner (the till without a scanned card)', async () => {
    await expect(planWalletPayment(conn.db, { useStoreCredit: true }, { customerId: null, totalCents: 100 })).rejects.toBeInstanceOf(WalletNeedsCardError);
  });
});
