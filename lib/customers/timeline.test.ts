import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '@/test/support/db';
import { adjustPoints, earnPoints, joinLoyalty, redeemPoints } from '@/lib/loyalty/commands';
import { inTx } from '@/test/support/loyalty';
import { insertOrder, insertSale } from '@/test/support/messages';
import { insertCategory, insertProduct, insertStore, insertUser, insertWarehouse } from '@/test/support/fixtures';
import { decodeCursor, encodeCursor, listTimeline, type TimelineItem } from './timeline';

let conn: Awaited<ReturnType<typeof useTestDatabase>>;
let me: number;
let other: number;
let store: number;
let warehouse: number;
let sku: number;
const ago = (hours: number) => new Date(Date.now() - hours * 3_600_000);

async function insertReservation(customerId: number, status: 'placed' | 'collected' | 'cancelled' | 'expired', hoursAgo: number): Promise<number> {
  const r = await conn.db.execute<{ id: number }>(sql`
    INSERT INTO reservations (code, customer_id, store_id, status, idempotency_key, created_at, expires_at)
    VALUES (${randomUUID().slice(0, 8)}, ${customerId}, ${store}, ${status}, ${randomUUID()},
            now() - make_interval(hours => ${hoursAgo}), now() + interval '1 day')
    RETURNING id`);
  const id = r.rows[0]!.id;
  await conn.db.execute(sql`INSERT INTO reservation_lines (reservation_id, sku_id, quantity, unit_price_cents) VALUES (${id}, ${sku}, 2, 1250)`);
  return id;
}

const label = (i: TimelineItem) => `${i.kind}:${i.kind === 'order' ? i.number : i.kind === 'points' ? i.entryKind : i.id}`;

beforeAll(async () => {
  conn = await useTestDatabase();
  const cat = await insertCategory(conn.db, 'c');
  sku = (await insertProduct(conn.db, { slug: 'p', categoryId: cat, nameFr: 'P', nameEn: 'P' })).skuIds[0]!;
  store = await insertStore(conn.db, { slug: 'lyon', name: 'Lyon Part-Dieu', lat: 45.76, lng: 4.83, drive: true });
  warehouse = await insertWarehouse(conn.db);
  me = await insertUser(conn.db, { email: 'me@example.com' });
  other = await insertUser(conn.db, { email: 'other@example.com' });
  await joinLoyalty(me, { at: ago(24 * 30) });
  await joinLoyalty(other, { at: ago(24 * 30) });
});
afterAll(async () => conn?.drop());

describe('listTimeline', () => {
  let mine: { delivery: string; drive: string; till: number; collected: number; cancelled: number; collectedSale: number };

  beforeAll(async () => {
    const delivery = await insertOrder(conn.db, { customerId: me, locationId: warehouse, hoursAgo: 100, skuIds: [sku, sku], status: 'delivered' });
    const drive = await insertOrder(conn.db, { customerId: me, locationId: store, mode: 'drive', hoursAgo: 50, skuIds: [sku], status: 'collected' });
    const collected = await insertReservation(me, 'collected', 80);
    const collectedSale = await insertSale(conn.db, {
      customerId: me,
      storeId: store,
      hoursAgo: 70,
      skuIds: [sku, sku],
      source: 'reservation',
      reservationId: collected,
    });
    const cancelled = await insertReservation(me, 'cancelled', 60);
    const till = await insertSale(conn.db, { customerId: me, storeId: store, hoursAgo: 10, skuIds: [sku, sku, sku] });
    await inTx(async (tx) => {
      await earnPoints(tx, { customerId: me, spendCents: 2000, channel: 'web', storeId: null, orderId: delivery.id, key: 'e1', at: ago(90) });
      await earnPoints(tx, { customerId: me, spendCents: 3000, channel: 'store', storeId: store, saleId: till, key: 'e2', at: ago(10) });
      await adjustPoints(tx, { customerId: me, points: 100, reason: 'Geste commercial', staffId: null, key: 'a1', at: ago(5) });
      await redeemPoints(tx, { customerId: me, points: 100, channel: 'store', storeId: store, saleId: till, key: 'r1', at: ago(10) });
    });
    // Someone else's activity, at the same moments: none of it may show.
    const theirs = await insertOrder(conn.db, { customerId: other, locationId: warehouse, hoursAgo: 50, skuIds: [sku] });
    await insertSale(conn.db, { customerId: other, storeId: store, hoursAgo: 10, skuIds: [sku] });
    await insertReservation(other, 'placed', 60);
    await inTx((tx) => adjustPoints(tx, { customerId: other, points: 50, reason: 'x', staffId: null, key: 'a2', at: ago(5) }));
    await inTx((tx) => earnPoints(tx, { customerId: other, spendCents: 1000, channel: 'web', storeId: null, orderId: theirs.id, key: 'e3' }));
    mine = { delivery: delivery.number, drive: drive.number, till, collected, cancelled, collectedSale };
  });

  it('shows only my activity, newest first, every channel once', async () => {
    const { items, next } = await listTimeline(me);
    expect(next).toBeNull();
    expect(items.map(label)).toEqual([
      'points:adjust',
      `sale:${mine.till}`,
      `order:${mine.drive}`,
      `reservation:${mine.cancelled}`,
      `sale:${mine.collectedSale}`,
      `order:${mine.delivery}`,
    ]);
    for (let i = 1; i < items.length; i++) expect(items[i - 1]!.at.getTime()).toBeGreaterThanOrEqual(items[i]!.at.getTime());
  });

  it('gives each item its channel, amount and points', async () => {
    const { items } = await listTimeline(me);
    const byLabel = new Map(items.map((i) => [label(i), i]));
    expect(byLabel.get(`sale:${mine.till}`)).toMatchObject({
      source: 'till',
      storeName: 'Lyon Part-Dieu',
      amountCents: 3000,
      pointsEarned: 30,
      pointsSpent: -100,
    });
    expect(byLabel.get(`sale:${mine.collectedSale}`)).toMatchObject({ source: 'reservation', reservationId: mine.collected, amountCents: 2000 });
    expect(byLabel.get(`order:${mine.delivery}`)).toMatchObject({
      mode: 'delivery',
      status: 'delivered',
      storeName: null,
      amountCents: 2000,
      pointsEarned: 20,
    });
    expect(byLabel.get(`order:${mine.drive}`)).toMatchObject({ mode: 'drive', status: 'collected', storeName: 'Lyon Part-Dieu', pointsEarned: 0 });
    expect(byLabel.get(`reservation:${mine.cancelled}`)).toMatchObject({ status: 'cancelled', amountCents: 2500, storeName: 'Lyon Part-Dieu' });
    expect(byLabel.get('points:adjust')).toMatchObject({ pointsEarned: 100, pointsSpent: 0, note: 'Geste commercial' });
  });

  it('pages by keyset: every item once, in order, even when many share a time', async () => {
    // Five orders and a sale placed at the very same instant.
    await conn.db.execute(sql`
      WITH o AS (
        INSERT INTO orders (number, customer_id, mode, location_id, status, subtotal_cents, delivery_cents, total_cents,
                            payment_provider, payment_status, delivery_name, delivery_address, delivery_postcode, delivery_town,
                            idempotency_key, placed_at)
        SELECT 'CMD-TIE' || g, ${me}, 'delivery', ${warehouse}, 'placed', 100, 0, 100, 'test', 'authorized', 'A', '1', '75001', 'P',
               'tie-' || g, timestamptz '2026-01-01 10:00:00.123456+00'
        FROM generate_series(1, 5) g RETURNING id)
      INSERT INTO sales (store_id, customer_id, source, total_cents, created_at)
      VALUES (${store}, ${me}, 'till', 100, timestamptz '2026-01-01 10:00:00.123456+00')`);
    const all = (await listTimeline(me, { limit: 100 })).items.map(label);
    expect(all).toHaveLength(12);
    for (const size of [1, 2, 5]) {
      const seen: string[] = [];
      let cursor: string | null = null;
      for (let page = 0; page < 20; page++) {
        const r = await listTimeline(me, { limit: size, cursor });
        expect(r.items.length).toBeLessThanOrEqual(size);
        seen.push(...r.items.map(label));
        if (!r.next) break;
        cursor = r.next;
      }
      expect(seen).toEqual(all);
    }
  });

  it('a cursor that is not one of ours shows the first page; someone with no activity sees nothing', async () => {
    const first = await listTimeline(me, { limit: 3 });
    expect((await listTimeline(me, { limit: 3, cursor: 'bm9wZQ' })).items).toEqual(first.items);
    expect((await listTimeline(me, { limit: 3, cursor: "x'; DROP TABLE orders; --" })).items).toEqual(first.items);
    expect(decodeCursor(encodeCursor({ at: '2026-01-01 10:00:00.123456+00', rank: 4, id: 7 }))).toEqual({
      at: '2026-01-01 10:00:00.123456+00',
      rank: 4,
      id: 7,
    });
    for (const bad of ['2026-02-30 10:00:00+00', '2026-13-01 10:00:00+00', '2026-01-01 25:00:00+00']) {
      expect(decodeCursor(Buffer.from(`${bad}|4|7`).toString('base64url'))).toBeNull();
    }
    const nobody = await insertUser(conn.db, { email: 'nobody@example.com' });
    expect(await listTimeline(nobody)).toEqual({ items: [], next: null });
    expect(await listTimeline(-1)).toEqual({ items: [], next: null });
  });
});
