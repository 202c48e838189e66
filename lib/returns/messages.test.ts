import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { deliverQueuedMessages } from '@/lib/messages/deliver';
import { memoryTransport } from '@/lib/messages/transport';
import { useTestDatabase } from '@/test/support/db';
import { insertCategory, insertProduct, insertShoppers, insertStore } from '@/test/support/fixtures';
import { insertCompletedOrder, openReturnsDesk } from '@/test/support/returns';
import { bookReturn } from './commands';
import { listDropOffWindows } from './queries';

/* The return pass: queued with the booking, once per return, in the order's language. */

let conn: Awaited<ReturnType<typeof useTestDatabase>>;
let desk: number;
let warehouse: number;
let sku: number;
let shoppers: number[];
let next = 0;

beforeAll(async () => {
  conn = await useTestDatabase();
  const cat = await insertCategory(conn.db, 'c');
  [sku] = (await insertProduct(conn.db, { slug: 'veste', categoryId: cat, nameFr: 'Veste', nameEn: 'Jacket', skus: [{ size: 'M' }] })).skuIds as [number];
  desk = await insertStore(conn.db, { slug: 'lyon', name: 'Lyon Part-Dieu', lat: 45.76, lng: 4.83 });
  await openReturnsDesk(conn.db, desk);
  const w = await conn.db.execute<{ id: number }>(sql`INSERT INTO locations (code, kind, name) VALUES ('WEB', 'warehouse', 'Web') RETURNING id`);
  warehouse = w.rows[0]!.id;
  shoppers = await insertShoppers(conn.db, 5, 'ret');
  process.env.PUBLIC_SITE_URL = 'https://shop.example';
});
afterAll(async () => {
  delete process.env.PUBLIC_SITE_URL;
  await conn?.drop();
});
beforeEach(async () => {
  await conn.db.execute(sql`DELETE FROM outbound_messages`);
});

async function bookOne(locale: 'fr' | 'en', key = randomUUID()) {
  const customerId = shoppers[next++]!;
  const o = await insertCompletedOrder(conn.db, { customerId, locationId: warehouse, lines: [{ skuId: sku, quantity: 2, unitPriceCents: 2000 }] });
  await conn.db.execute(sql`UPDATE orders SET locale = ${locale} WHERE id = ${o.id}`);
  const windowStartsAt = (await listDropOffWindows(desk))[1]!.windows[0]!.startsAt;
  const input = {
    customerId,
    orderNumber: o.number,
    storeId: desk,
    windowStartsAt,
    lines: [{ orderLineId: o.lineIds[0]!, quantity: 1, reason: 'wrong_size' as const }],
    refund: 'original' as const,
    idempotencyKey: key,
  };
  return { booked: await bookReturn(input), again: () => bookReturn(input), order: o };
}

describe('the return pass', () => {
  it('is queued with the booking, once even when the booking is sent again, with the code, the shop and the link', async () => {
    const { booked, again, order } = await bookOne('en');
    expect((await again()).replayed).toBe(true);
    const t = memoryTransport();
    expect(await deliverQueuedMessages({ transport: t })).toEqual({ sent: 1, failed: 0 });
    const m = t.sent[0]!;
    expect(m.kind).toBe('return_pass');
    expect(m.subject).toBe(`Your return pass ${booked.code}`);
    expect(m.body).toContain(`Your return of order ${order.number} is booked at the Lyon Part-Dieu shop`);
    expect(m.body).toContain(`Return pass code: ${booked.code}`);
    expect(m.body).toContain('- Jacket × 1 (M) — €20.00');
    expect(m.body).toContain(`https://shop.example/en/account/returns/${booked.code}`);
    expect(m.html).toContain(`href="https://shop.example/en/account/returns/${booked.code}"`);
  });

  it('in French for an order placed in French', async () => {
    const { booked } = await bookOne('fr');
    const t = memoryTransport();
    await deliverQueuedMessages({ transport: t });
    expect(t.sent[0]!.subject).toBe(`Votre bon de retour ${booked.code}`);
    expect(t.sent[0]!.body).toContain('- Veste × 1 (M) — 20,00');
  });
});
