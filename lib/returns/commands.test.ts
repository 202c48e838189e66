import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '@/test/support/db';
import { insertCategory, insertProduct, insertShoppers, insertStore, setStock } from '@/test/support/fixtures';
import { bookReturn, cancelReturn, rescheduleReturn, type ReturnLineInput } from './commands';
import {
  DropOffTooLateError,
  DropOffWindowClosedError,
  DropOffWindowFullError,
  DropOffWindowPastError,
  InvalidReturnError,
  NoReturnsDeskError,
  OrderNotReturnableError,
  ReturnNotFoundError,
  ReturnOrderNotFoundError,
  ReturnPeriodOverError,
  ReturnQuantityExceededError,
  ReturnStateError,
} from './errors';
import { getCustomerReturn, getReturnableOrder, listCustomerReturns, listDropOffWindows, listReturnDesksNear } from './queries';
import { insertCompletedOrder, openReturnsDesk, type OrderFixture } from '@/test/support/returns';

let conn: Awaited<ReturnType<typeof useTestDatabase>>;
let desk: number;
let smallDesk: number;
let noDesk: number;
let warehouse: number;
let sku: number;
let skuB: number;
let shoppers: number[];
let next = 0;
/** Bookings without a chosen window spread over tomorrow's first 20, so none fills up by accident. */
let spread = 0;

beforeAll(async () => {
  conn = await useTestDatabase();
  const cat = await insertCategory(conn.db, 'c');
  [sku, skuB] = (await insertProduct(conn.db, { slug: 'p', categoryId: cat, nameFr: 'P', nameEn: 'P', skus: [{ size: 'S' }, { size: 'M' }] })).skuIds as [
    number,
    number,
  ];
  desk = await insertStore(conn.db, { slug: 'lyon', lat: 45.76, lng: 4.83 });
  smallDesk = await insertStore(conn.db, { slug: 'bron', lat: 45.73, lng: 4.91 });
  noDesk = await insertStore(conn.db, { slug: 'villeurbanne', lat: 45.77, lng: 4.88 });
  await openReturnsDesk(conn.db, desk);
  await openReturnsDesk(conn.db, smallDesk, { capacityPerHour: 1 });
  const w = await conn.db.execute<{ id: number }>(sql`INSERT INTO locations (code, kind, name) VALUES ('WEB', 'warehouse', 'Web') RETURNING id`);
  warehouse = w.rows[0]!.id;
  await setStock(conn.db, desk, sku, 5);
  shoppers = await insertShoppers(conn.db, 50, 'ret');
});
afterAll(async () => conn?.drop());

async function order(lines: [number, number][] = [[sku, 3]], extra: Partial<OrderFixture> = {}) {
  const customerId = extra.customerId ?? shoppers[next++]!;
  const o = await insertCompletedOrder(conn.db, {
    customerId,
    locationId: warehouse,
    lines: lines.map(([skuId, quantity]) => ({ skuId, quantity, unitPriceCents: 2000 })),
    ...extra,
  });
  return { ...o, customerId };
}

/** The n-th open window of tomorrow at a store (tomorrow always has some: the desk opens 00:00–23:00). */
async function tomorrowWindow(storeId: number, n = 0): Promise<string> {
  const days = await listDropOffWindows(storeId);
  return days[1]!.windows[n]!.startsAt;
}

const line = (orderLineId: number, quantity: number): ReturnLineInput => ({ orderLineId, quantity, reason: 'wrong_size' });

async function book(o: { number: string; customerId: number; lineIds: number[] }, quantity: number, storeId = desk, window?: string) {
  return bookReturn({
    customerId: o.customerId,
    orderNumber: o.number,
    storeId,
    windowStartsAt: window ?? (await tomorrowWindow(storeId, spread++ % 20)),
    lines: [line(o.lineIds[0]!, quantity)],
    refund: 'original',
    idempotencyKey: randomUUID(),
  });
}

const countReturns = async (orderId: number) =>
  (await conn.db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM returns WHERE order_id = ${orderId}`)).rows[0]!.n;

describe('the return period', () => {
  it('opens on delivery and closes 30 days later; nothing is written when refused', async () => {
    const notYet = await order([[sku, 1]], { completedDaysAgo: null });
    await expect(book(notYet, 1)).rejects.toBeInstanceOf(OrderNotReturnableError);
    const old = await order([[sku, 1]], { completedDaysAgo: 31 });
    const err = await book(old, 1).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ReturnPeriodOverError);
    expect((err as ReturnPeriodOverError).message).toMatch(/30-day return period/);
    const recent = await order([[sku, 1]], { completedDaysAgo: 29 });
    await expect(book(recent, 1)).resolves.toMatchObject({ code: expect.stringMatching(/^R-[A-HJ-NP-Z2-9]{6}$/), replayed: false });
    for (const o of [notYet, old]) expect(await countReturns(o.id)).toBe(0);
    expect((await getReturnableOrder(old.number, old.customerId, 'en'))?.open).toBe(false);
    expect((await getReturnableOrder(recent.number, recent.customerId, 'en'))?.open).toBe(true);
  });

  it('a collected drive order counts from collection, and is refunded at the desk by default', async () => {
    const o = await order([[sku, 1]], { mode: 'drive', locationId: desk, provider: 'at_pickup' });
    const booked = await book(o, 1);
    expect((await getCustomerReturn(booked.code, o.customerId, 'en'))?.refundMethod).toBe('desk');
  });
});

describe('returnable quantities', () => {
  it('at most bought minus what live returns already take; a cancelled return gives its units back', async () => {
    const o = await order([
      [sku, 3],
      [skuB, 1],
    ]);
    const first = await book(o, 2);
    let view = (await getReturnableOrder(o.number, o.customerId, 'fr'))!;
    expect(view.lines.map((l) => [l.bought, l.returned, l.returnable])).toEqual([
      [3, 2, 1],
      [1, 0, 1],
    ]);
    const err = await book(o, 2).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ReturnQuantityExceededError);
    expect((err as ReturnQuantityExceededError).returnable).toBe(1);
    expect(await countReturns(o.id)).toBe(1);
    await cancelReturn({ customerId: o.customerId, code: first.code });
    view = (await getReturnableOrder(o.number, o.customerId, 'fr'))!;
    expect(view.lines[0]).toMatchObject({ returned: 0, returnable: 3 });
    await expect(book(o, 3)).resolves.toBeTruthy();
  });

  it('refuses an empty return, a zero quantity, an unknown reason, a line of another order', async () => {
    const o = await order();
    const other = await order();
    const base = { customerId: o.customerId, orderNumber: o.number, storeId: desk, windowStartsAt: await tomorrowWindow(desk), refund: 'original' as const };
    await expect(bookReturn({ ...base, lines: [], idempotencyKey: randomUUID() })).rejects.toBeInstanceOf(InvalidReturnError);
    await expect(bookReturn({ ...base, lines: [line(o.lineIds[0]!, 0)], idempotencyKey: randomUUID() })).rejects.toBeInstanceOf(InvalidReturnError);
    await expect(
      bookReturn({ ...base, lines: [{ orderLineId: o.lineIds[0]!, quantity: 1, reason: 'nope' as never }], idempotencyKey: randomUUID() }),
    ).rejects.toBeInstanceOf(InvalidReturnError);
    const err = await bookReturn({ ...base, lines: [line(other.lineIds[0]!, 1)], idempotencyKey: randomUUID() }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InvalidReturnError);
    expect(await countReturns(o.id)).toBe(0);
  });
});

describe('shops and drop-off windows', () => {
  it('lists desks nearest first, and only shops with a returns desk', async () => {
    const near = await listReturnDesksNear(45.74, 4.9);
    expect(near.map((s) => s.id)).toEqual([smallDesk, desk]);
    expect(near[0]!.distanceKm).toBeLessThan(near[1]!.distanceKm);
  });

  it('offers hour-long windows within opening hours for 14 days, with the places left', async () => {
    const days = await listDropOffWindows(desk);
    expect(days).toHaveLength(14);
    const tomorrow = days[1]!;
    expect(tomorrow.windows).toHaveLength(23); // 00:00 … 22:00, the last ending at closing time
    expect(tomorrow.windows[0]).toMatchObject({ start: '00:00', end: '01:00', capacity: 4 });
    expect(tomorrow.windows[22]).toMatchObject({ start: '22:00', end: '23:00', capacity: 4, remaining: 4, state: 'open' });
    expect(await listDropOffWindows(noDesk)).toEqual([]);
  });

  it('refuses a shop without a desk, a time it does not offer, a past time, a full window — nothing written', async () => {
    const o = await order();
    const w = await tomorrowWindow(desk);
    await expect(book(o, 1, noDesk, w)).rejects.toBeInstanceOf(NoReturnsDeskError);
    const halfPast = new Date(new Date(w).getTime() + 30 * 60_000).toISOString();
    await expect(book(o, 1, desk, halfPast)).rejects.toBeInstanceOf(DropOffWindowClosedError);
    const farAhead = new Date(Date.now() + 20 * 24 * 3600_000);
    farAhead.setUTCMinutes(0, 0, 0);
    await expect(book(o, 1, desk, farAhead.toISOString())).rejects.toBeInstanceOf(DropOffWindowClosedError);
    await expect(book(o, 1, desk, new Date(Date.now() - 3600_000).toISOString())).rejects.toBeInstanceOf(DropOffWindowPastError);
    const one = await tomorrowWindow(smallDesk, 3);
    await book(o, 1, smallDesk, one);
    const other = await order();
    await expect(book(other, 1, smallDesk, one)).rejects.toBeInstanceOf(DropOffWindowFullError);
    expect(await countReturns(other.id)).toBe(0);
    const day = (await listDropOffWindows(smallDesk))[1]!;
    expect(day.windows[3]).toMatchObject({ remaining: 0, state: 'full' });
  });

  it('a booking in the last days of the period may drop off up to 14 days after it, no later', async () => {
    const o = await order([[sku, 1]], { completedDaysAgo: 29 });
    const days = await listDropOffWindows(desk);
    // The period ends tomorrow: day 13 is inside the 14 days after it; beyond that is refused.
    await expect(book(o, 1, desk, days[13]!.windows[0]!.startsAt)).resolves.toBeTruthy();
    const late = await order([[sku, 1]], { completedDaysAgo: 29 });
    process.env.RETURNS_DAYS_AHEAD = '1';
    try {
      await expect(book(late, 1, desk, days[13]!.windows[0]!.startsAt)).rejects.toBeInstanceOf(DropOffTooLateError);
    } finally {
      delete process.env.RETURNS_DAYS_AHEAD;
    }
  });
});

describe('the shopper’s own returns', () => {
  it('someone else’s order is not found, and so is their return', async () => {
    const o = await order();
    const stranger = shoppers[49]!;
    const err = await bookReturn({
      customerId: stranger,
      orderNumber: o.number,
      storeId: desk,
      windowStartsAt: await tomorrowWindow(desk),
      lines: [line(o.lineIds[0]!, 1)],
      refund: 'original',
      idempotencyKey: randomUUID(),
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ReturnOrderNotFoundError);
    expect(await getReturnableOrder(o.number, stranger, 'en')).toBeNull();
    const mine = await book(o, 1);
    await expect(cancelReturn({ customerId: stranger, code: mine.code })).rejects.toBeInstanceOf(ReturnNotFoundError);
    await expect(rescheduleReturn({ customerId: stranger, code: mine.code, windowStartsAt: await tomorrowWindow(desk, 2) })).rejects.toBeInstanceOf(
      ReturnNotFoundError,
    );
    expect(await getCustomerReturn(mine.code, stranger, 'en')).toBeNull();
    expect((await getCustomerReturn(mine.code, o.customerId, 'en'))?.status).toBe('booked');
  });

  it('a resubmitted booking (same key) is one return', async () => {
    const o = await order();
    const input = {
      customerId: o.customerId,
      orderNumber: o.number,
      storeId: desk,
      windowStartsAt: await tomorrowWindow(desk, 21),
      lines: [line(o.lineIds[0]!, 1)],
      refund: 'store_credit' as const,
      idempotencyKey: randomUUID(),
    };
    const first = await bookReturn(input);
    expect(await bookReturn(input)).toEqual({ ...first, replayed: true });
    expect(await countReturns(o.id)).toBe(1);
    const view = (await getCustomerReturn(first.code, o.customerId, 'en'))!;
    expect(view).toMatchObject({ refundMethod: 'store_credit', status: 'booked', units: 1 });
    expect(view.lines[0]).toMatchObject({ quantity: 1, reason: 'wrong_size', outcome: null });
  });

  it('reschedules to another window (the old place freed) and cancels; a cancelled return stays cancelled', async () => {
    const o = await order();
    const first = await tomorrowWindow(smallDesk, 6);
    const second = await tomorrowWindow(smallDesk, 7);
    const booked = await book(o, 1, smallDesk, first);
    await rescheduleReturn({ customerId: o.customerId, code: booked.code, windowStartsAt: second });
    const day = (await listDropOffWindows(smallDesk))[1]!;
    expect(day.windows[6]).toMatchObject({ remaining: 1 });
    expect(day.windows[7]).toMatchObject({ remaining: 0 });
    await cancelReturn({ customerId: o.customerId, code: booked.code });
    expect((await listDropOffWindows(smallDesk))[1]!.windows[7]).toMatchObject({ remaining: 1 });
    await expect(cancelReturn({ customerId: o.customerId, code: booked.code })).rejects.toBeInstanceOf(ReturnStateError);
    await expect(rescheduleReturn({ customerId: o.customerId, code: booked.code, windowStartsAt: first })).rejects.toBeInstanceOf(ReturnStateError);
    const view = (await listCustomerReturns(o.customerId, 'en', { orderId: o.id }))[0]!;
    expect(view.events.map((e) => e.kind)).toEqual(['booked', 'rescheduled', 'cancelled']);
    expect(view.status).toBe('cancelled');
  });
});
