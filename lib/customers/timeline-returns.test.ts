import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '@/test/support/db';
import { bookReturn, cancelReturn } from '@/lib/returns/commands';
import { isCustomerReturn, listDropOffWindows } from '@/lib/returns/queries';
import { insertCompletedOrder, openReturnsDesk } from '@/test/support/returns';
import { insertCategory, insertProduct, insertShoppers, insertStore } from '@/test/support/fixtures';
import { decodeCursor, encodeCursor, listTimeline } from './timeline';

let conn: Awaited<ReturnType<typeof useTestDatabase>>;
let desk: number;
let warehouse: number;
let sku: number;
let me: number;
let other: number;

beforeAll(async () => {
  conn = await useTestDatabase();
  const cat = await insertCategory(conn.db, 'c');
  sku = (await insertProduct(conn.db, { slug: 'p', categoryId: cat, nameFr: 'P', nameEn: 'P' })).skuIds[0]!;
  desk = await insertStore(conn.db, { slug: 'lyon', name: 'Lyon Part-Dieu', lat: 45.76, lng: 4.83 });
  await openReturnsDesk(conn.db, desk);
  const w = await conn.db.execute<{ id: number }>(sql`INSERT INTO locations (code, kind, name) VALUES ('WEB', 'warehouse', 'Web') RETURNING id`);
  warehouse = w.rows[0]!.id;
  [me, other] = (await insertShoppers(conn.db, 2, 'tl')) as [number, number];
});
afterAll(async () => conn?.drop());

async function book(customerId: number) {
  const order = await insertCompletedOrder(conn.db, { customerId, locationId: warehouse, lines: [{ skuId: sku, quantity: 2, unitPriceCents: 1500 }] });
  const days = await listDropOffWindows(desk);
  const window = days.flatMap((d) => d.windows).find((x) => x.state === 'open')!;
  const booked = await bookReturn({
    customerId,
    orderNumber: order.number,
    storeId: desk,
    windowStartsAt: window.startsAt,
    lines: [{ orderLineId: order.lineIds[0]!, quantity: 1, reason: 'wrong_size' }],
    refund: 'original',
    idempotencyKey: randomUUID(),
  });
  return { order, code: booked.code };
}

describe('listTimeline: returns', () => {
  it('shows the shopper’s own returns with their shop, order and status (never another shopper’s)', async () => {
    const mine = await book(me);
    await book(other);
    const page = await listTimeline(me);
    const returns = page.items.filter((i) => i.kind === 'return');
    expect(returns).toHaveLength(1);
    expect(returns[0]).toMatchObject({
      kind: 'return',
      status: 'booked',
      code: mine.code,
      orderNumber: mine.order.number,
      storeName: 'Lyon Part-Dieu',
      amountCents: null,
    });

    // proxy.ts's early 404 for a pass page: only the shopper's own code, however it is typed.
    expect(await isCustomerReturn(mine.code, me)).toBe(true);
    expect(await isCustomerReturn(mine.code.toLowerCase().replace('-', ' '), me)).toBe(true);
    expect(await isCustomerReturn(mine.code, other)).toBe(false);
    expect(await isCustomerReturn('not-a-code', me)).toBe(false);

    await cancelReturn({ customerId: me, code: mine.code });
    const after = (await listTimeline(me)).items.find((i) => i.kind === 'return');
    expect(after).toMatchObject({ status: 'cancelled' });
  });

  it('pages through returns with the same keyset cursor as the other kinds', async () => {
    const first = await listTimeline(me, { limit: 1 });
    expect(first.next).not.toBeNull();
    const cursor = decodeCursor(first.next);
    expect(cursor?.rank).toBeGreaterThanOrEqual(1);
    expect(decodeCursor(encodeCursor({ at: '2026-01-02 03:04:05.123456+00', rank: 5, id: 7 }))).toMatchObject({ rank: 5, id: 7 });
    const second = await listTimeline(me, { limit: 1, cursor: first.next });
    expect(second.items[0]).toBeDefined();
    expect(`${second.items[0]!.kind}-${second.items[0]!.id}`).not.toBe(`${first.items[0]!.kind}-${first.items[0]!.id}`);
  });
});
