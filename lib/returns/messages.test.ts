import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { deliverQueuedMessages } from '@/lib/messages/deliver';
import { memoryTransport } from '@/lib/messages/transport';
import { useTestDatabase } from '@/test/support/db';
import { registerPaymentProvider } from '@/lib/payments';
import { PaymentUnavailableError } from '@/lib/payments/errors';
import type { PaymentProvider } from '@/lib/payments/types';
import { insertCategory, insertProduct, insertShoppers, insertStore, insertUser } from '@/test/support/fixtures';
import { insertCompletedOrder, openReturnsDesk } from '@/test/support/returns';
import { checkInReturn, retryReturnRefund } from './check-in';
import { bookReturn } from './commands';
import { getDeskReturn, listDropOffWindows } from './queries';

/** A card provider whose next refund can be made to fail. */
let failNext = false;
function cardProvider(): PaymentProvider {
  return {
    id: 'msgspy',
    testMode: true,
    methods: ['card'],
    settlement: 'online',
    authorize: async () => ({ status: 'authorized', reference: 'unused' }),
    capture: async (reference, capturedCents) => ({ reference, capturedCents }),
    void: async (reference) => ({ reference, voided: true }),
    async refund(reference, amount, key) {
      if (failNext) {
        failNext = false;
        throw new PaymentUnavailableError('msgspy');
      }
      return { reference, refundId: `re_${key}`, refundedCents: amount, totalRefundedCents: amount };
    },
  };
}

/* The return pass: queued with the booking, once per return, in the order's language. */

let conn: Awaited<ReturnType<typeof useTestDatabase>>;
let desk: number;
let warehouse: number;
let sku: number;
let shoppers: number[];
let next = 0;
let staff: number;

beforeAll(async () => {
  conn = await useTestDatabase();
  const cat = await insertCategory(conn.db, 'c');
  [sku] = (await insertProduct(conn.db, { slug: 'veste', categoryId: cat, nameFr: 'Veste', nameEn: 'Jacket', skus: [{ size: 'M' }] })).skuIds as [number];
  desk = await insertStore(conn.db, { slug: 'lyon', name: 'Lyon Part-Dieu', lat: 45.76, lng: 4.83 });
  await openReturnsDesk(conn.db, desk);
  const w = await conn.db.execute<{ id: number }>(sql`INSERT INTO locations (code, kind, name) VALUES ('WEB', 'warehouse', 'Web') RETURNING id`);
  warehouse = w.rows[0]!.id;
  shoppers = await insertShoppers(conn.db, 10, 'ret');
  staff = await insertUser(conn.db, { email: 'desk@example.com', role: 'staff' });
  registerPaymentProvider('msgspy', cardProvider);
  process.env.PUBLIC_SITE_URL = 'https://shop.example';
});
afterAll(async () => {
  delete process.env.PUBLIC_SITE_URL;
  await conn?.drop();
});
beforeEach(async () => {
  await conn.db.execute(sql`DELETE FROM outbound_messages`);
});

async function bookOne(locale: 'fr' | 'en', key = randomUUID(), refund: 'original' | 'store_credit' = 'original') {
  const customerId = shoppers[next++]!;
  const o = await insertCompletedOrder(conn.db, {
    customerId,
    locationId: warehouse,
    lines: [{ skuId: sku, quantity: 2, unitPriceCents: 2000 }],
    provider: 'msgspy',
  });
  await conn.db.execute(sql`UPDATE orders SET locale = ${locale} WHERE id = ${o.id}`);
  const windowStartsAt = (await listDropOffWindows(desk))[1]!.windows[next]!.startsAt;
  const input = {
    customerId,
    orderNumber: o.number,
    storeId: desk,
    windowStartsAt,
    lines: [{ orderLineId: o.lineIds[0]!, quantity: 1, reason: 'wrong_size' as const }],
    refund,
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

describe('the refund confirmation', () => {
  const kinds = async () => (await conn.db.execute<{ kind: string }>(sql`SELECT kind FROM outbound_messages ORDER BY id`)).rows.map((r) => r.kind);
  const checkIn = async (code: string) => {
    const view = (await getDeskReturn(code, desk, 'en'))!;
    return checkInReturn({ storeId: desk, actorId: staff, code, lines: view.lines.map((l) => ({ returnLineId: l.id, outcome: 'resellable' as const })) });
  };

  it('a card refund: queued once the provider has paid, with the amount and how it is paid back', async () => {
    const { booked } = await bookOne('en');
    await conn.db.execute(sql`DELETE FROM outbound_messages`);
    expect((await checkIn(booked.code)).refundState).toBe('succeeded');
    expect(await kinds()).toEqual(['refund_confirmation']);
    const t = memoryTransport();
    await deliverQueuedMessages({ transport: t });
    const m = t.sent[0]!;
    expect(m.subject).toBe(`Your return ${booked.code} is refunded`);
    expect(m.body).toContain('refund you €20.00');
    expect(m.body).toContain('The refund goes to the card used for the order');
    expect(m.body).toContain(`https://shop.example/en/account/returns/${booked.code}`);
  });

  it('store credit: queued at check-in, in French', async () => {
    const { booked } = await bookOne('fr', randomUUID(), 'store_credit');
    await conn.db.execute(sql`DELETE FROM outbound_messages`);
    await checkIn(booked.code);
    const t = memoryTransport();
    await deliverQueuedMessages({ transport: t });
    expect(t.sent.map((m) => m.kind)).toEqual(['refund_confirmation']);
    expect(t.sent[0]!.subject).toBe(`Votre retour ${booked.code} est remboursé`);
    expect(t.sent[0]!.body).toContain('avoir Comptoir');
  });

  it('a failed refund queues nothing; its successful retry queues one', async () => {
    const { booked } = await bookOne('en');
    await conn.db.execute(sql`DELETE FROM outbound_messages`);
    failNext = true;
    expect((await checkIn(booked.code)).refundState).toBe('failed');
    expect(await kinds()).toEqual([]);
    expect((await retryReturnRefund({ storeId: desk, actorId: staff, code: booked.code })).refundState).toBe('succeeded');
    expect(await kinds()).toEqual(['refund_confirmation']);
  });
});
