import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import * as client from '@/lib/db/client';
import { deliverQueuedMessages } from '@/lib/messages/deliver';
import { memoryTransport } from '@/lib/messages/transport';
import { useTestDatabase } from '@/test/support/db';
import { insertCategory, insertProduct, insertStore, insertUser, setStock } from '@/test/support/fixtures';
import { markReservationReady, placeReservation } from './commands';

/* "Your reservation is ready": queued with the status change, once, in the shopper's language. */

// The placing call as it is, unless a test loses its answer (after the database has committed it).
let loseNextAnswer = false;
vi.mock('@/lib/db/client', async (actual) => {
  const real = await actual<typeof import('@/lib/db/client')>();
  return {
    ...real,
    queryRows: vi.fn(async (...args: Parameters<typeof real.queryRows>) => {
      const rows = await real.queryRows(...args);
      if (loseNextAnswer) {
        loseNextAnswer = false;
        throw new Error('connection lost');
      }
      return rows;
    }),
  };
});

let conn: Awaited<ReturnType<typeof useTestDatabase>>;
let store: number;
let sku: number;
let alice: number;
let staff: number;

beforeAll(async () => {
  conn = await useTestDatabase();
  const cat = await insertCategory(conn.db, 'c');
  sku = (await insertProduct(conn.db, { slug: 'veste', categoryId: cat, nameFr: 'Veste', nameEn: 'Jacket', skus: [{ priceCents: 4990 }] })).skuIds[0]!;
  store = await insertStore(conn.db, { slug: 'lyon', name: 'Lyon Part-Dieu', lat: 45.76, lng: 4.83 });
  await setStock(conn.db, store, sku, 10);
  alice = await insertUser(conn.db, { email: 'alice@example.com', name: 'Alice Durand' });
  staff = await insertUser(conn.db, { email: 'staff@example.com', role: 'staff' });
});
afterAll(async () => conn?.drop());
beforeEach(async () => {
  await conn.db.execute(sql`DELETE FROM outbound_messages`);
  process.env.PUBLIC_SITE_URL = 'https://shop.example';
});
afterEach(() => {
  delete process.env.PUBLIC_SITE_URL;
});

describe('reservation ready', () => {
  it('keeps the language reserved in when the first answer was lost and the shopper tried again with the same key', async () => {
    const key = randomUUID();
    const input = { customerId: alice, storeId: store, lines: [{ skuId: sku, quantity: 1 }], idempotencyKey: key, locale: 'en' as const };
    loseNextAnswer = true;
    await expect(placeReservation(input)).rejects.toThrow('connection lost');
    const again = await placeReservation(input);
    expect(again.replayed).toBe(true);
    // Raw SQL: the language as stored, written with the reservation itself.
    const { rows } = await conn.db.execute<{ locale: string }>(sql`SELECT locale FROM reservations WHERE id = ${again.id}`);
    expect(rows[0]!.locale).toBe('en');
    expect(vi.mocked(client.queryRows)).toHaveBeenCalled();
  });

  it('is queued when staff mark it ready, once, in the language reserved in, with the code and the link', async () => {
    const r = await placeReservation({ customerId: alice, storeId: store, lines: [{ skuId: sku, quantity: 1 }], idempotencyKey: randomUUID(), locale: 'en' });
    expect((await conn.db.execute(sql`SELECT 1 FROM outbound_messages`)).rows).toHaveLength(0);
    await markReservationReady({ reservationId: r.id, storeId: store, actorId: staff });
    await expect(markReservationReady({ reservationId: r.id, storeId: store, actorId: staff })).rejects.toThrow();
    const t = memoryTransport();
    expect(await deliverQueuedMessages({ transport: t })).toEqual({ sent: 1, failed: 0 });
    const m = t.sent[0]!;
    expect(m).toMatchObject({ kind: 'reservation_ready', email: 'alice@example.com', subject: `Your reservation ${r.code} is waiting at Lyon Part-Dieu` });
    expect(m.body).toContain(`Pickup code: ${r.code}`);
    expect(m.body).toContain('- Jacket × 1 — €49.90');
    expect(m.body).toContain(`https://shop.example/en/account/reservations/${r.id}`);
    expect(m.html).toContain(`href="https://shop.example/en/account/reservations/${r.id}"`);
  });

  it('in French by default; a reservation another shop cannot mark ready queues nothing', async () => {
    const r = await placeReservation({ customerId: alice, storeId: store, lines: [{ skuId: sku, quantity: 1 }], idempotencyKey: randomUUID() });
    await expect(markReservationReady({ reservationId: r.id, storeId: store + 1000, actorId: staff })).rejects.toThrow();
    expect((await conn.db.execute(sql`SELECT 1 FROM outbound_messages`)).rows).toHaveLength(0);
    await markReservationReady({ reservationId: r.id, storeId: store, actorId: staff });
    const t = memoryTransport();
    await deliverQueuedMessages({ transport: t });
    expect(t.sent[0]!.subject).toBe(`Votre réservation ${r.code} vous attend à Lyon Part-Dieu`);
    expect(t.sent[0]!.body).toContain(`https://shop.example/account/reservations/${r.id}`);
  });
});
