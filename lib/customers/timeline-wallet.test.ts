import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '@/test/support/db';
import { insertShoppers, insertStore } from '@/test/support/fixtures';
import { inTx } from '@/test/support/loyalty';
import { creditStoreCredit, issueGiftCard, spendStoreCredit } from '@/lib/wallet/commands';
import { decodeCursor, encodeCursor, listTimeline } from './timeline';

let conn: Awaited<ReturnType<typeof useTestDatabase>>;
let shopper: number;
let other: number;
let store: number;

beforeAll(async () => {
  conn = await useTestDatabase();
  store = await insertStore(conn.db, { slug: 'wallet-timeline', name: 'Lyon', lat: 45.76, lng: 4.83 });
  [shopper, other] = (await insertShoppers(conn.db, 2, 'timeline-wallet')) as [number, number];
});
afterAll(async () => conn?.drop());

describe('the wallet on the activity timeline', () => {
  it('shows a gift card bought and credit received, not a spend (that is its order or sale), and nobody else’s', async () => {
    const card = await inTx((tx) => issueGiftCard(tx, { amountCents: 2500, key: 'tl-gift', customerId: shopper, storeId: store }));
    await inTx((tx) => creditStoreCredit(tx, { customerId: shopper, amountCents: 700, key: 'tl-credit', kind: 'adjust' }));
    await inTx((tx) => spendStoreCredit(tx, { customerId: shopper, amountCents: 200, key: 'tl-spend' }));
    await inTx((tx) => creditStoreCredit(tx, { customerId: other, amountCents: 900, key: 'tl-other', kind: 'adjust' }));
    const { items } = await listTimeline(shopper);
    expect(items.map((i) => (i.kind === 'wallet' ? [i.entryKind, i.amountCents, i.giftCardCode, i.storeName] : i.kind))).toEqual([
      ['adjust', 700, null, null],
      ['gift_card', 2500, card.code, 'Lyon'],
    ]);
  });

  it('pages through wallet items with a cursor of their own rank', async () => {
    const page = await listTimeline(shopper, { limit: 1 });
    expect(page.next).not.toBeNull();
    expect(decodeCursor(page.next)?.rank).toBe(6);
    const rest = await listTimeline(shopper, { limit: 5, cursor: page.next });
    expect(rest.items).toHaveLength(1);
    expect(decodeCursor(encodeCursor({ at: '2026-12-06 10:00:00+00', rank: 6, id: 1 }))).toEqual({ at: '2026-12-06 10:00:00+00', rank: 6, id: 1 });
  });
});
