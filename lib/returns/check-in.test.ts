import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { useTestDatabase } from '@/test/support/db';
import { adjustPoints, earnPoints, joinLoyalty } from '@/lib/loyalty/commands';
import { inTx, ledgerOf } from '@/test/support/loyalty';
import { registerPaymentProvider } from '@/lib/payments';
import { PaymentStateError, PaymentUnavailableError } from '@/lib/payments/errors';
import type { PaymentProvider } from '@/lib/payments/types';
import { insertCategory, insertProduct, insertShoppers, insertStore, insertUser, setStock } from '@/test/support/fixtures';
import { checkInReturn, retryReturnRefund, walkInReturn } from './check-in';
import { bookReturn } from './commands';
import { InvalidReturnError, RefundNotRetryableError, ReturnNotFoundError, ReturnPeriodOverError, ReturnStateError } from './errors';
import { getCustomerReturn, getDeskReturn, getOrderForWalkIn, getReturnableOrder, listDeskReturnsForToday, listDropOffWindows } from './queries';
import { getWallet } from '@/lib/wallet/queries';
import { insertCompletedOrder, openReturnsDesk } from '@/test/support/returns';

let conn: Awaited<ReturnType<typeof useTestDatabase>>;
let desk: number;
let otherDesk: number;
let warehouse: number;
let sku: number;
let skuB: number;
let staff: number;
let shoppers: number[];
let next = 0;
let spread = 0;

/** A card provider that records each refund asked of it, and fails on demand. */
const refunds: { reference: string; amount: number; key: string }[] = [];
let failNext: null | 'unavailable' | 'state' = null;
const paidOnce = new Set<string>();
function spyProvider(): PaymentProvider {
  return {
    id: 'spy',
    testMode: true,
    methods: ['card'],
    settlement: 'online',
    authorize: async () => ({ status: 'authorized', reference: 'unused' }),
    capture: async (reference, capturedCents) => ({ reference, capturedCents }),
    void: async (reference) => ({ reference, voided: true }),
    async refund(reference, amount, key) {
      refunds.push({ reference, amount, key });
      const fail = failNext;
      failNext = null;
      if (fail === 'unavailable') throw new PaymentUnavailableError('spy');
      if (fail === 'state') throw new PaymentStateError('payment_not_captured', 'not captured');
      paidOnce.add(key);
      return { reference, refundId: `re_${key}`, refundedCents: amount, totalRefundedCents: amount };
    },
  };
}

beforeAll(async () => {
  registerPaymentProvider('spy', spyProvider);
  conn = await useTestDatabase();
  const cat = await insertCategory(conn.db, 'c');
  [sku, skuB] = (await insertProduct(conn.db, { slug: 'p', categoryId: cat, nameFr: 'P', nameEn: 'P', skus: [{ size: 'S' }, { size: 'M' }] })).skuIds as [
    number,
    number,
  ];
  desk = await insertStore(conn.db, { slug: 'lyon', lat: 45.76, lng: 4.83 });
  otherDesk = await insertStore(conn.db, { slug: 'bron', lat: 45.73, lng: 4.91 });
  await openReturnsDesk(conn.db, desk, { capacityPerHour: 50 });
  await openReturnsDesk(conn.db, otherDesk, { capacityPerHour: 50 });
  const w = await conn.db.execute<{ id: number }>(sql`INSERT INTO locations (code, kind, name) VALUES ('WEB', 'warehouse', 'Web') RETURNING id`);
  warehouse = w.rows[0]!.id;
  for (const loc of [desk, otherDesk]) await setStock(conn.db, loc, sku, 5);
  shoppers = await insertShoppers(conn.db, 50, 'desk');
  staff = await insertUser(conn.db, { email: 'desk@example.com', role: 'staff' });
});
afterAll(async () => conn?.drop());
beforeEach(() => {
  refunds.length = 0;
  failNext = null;
});

async function onHand(location: number, skuId: number): Promise<number | null> {
  const r = await conn.db.execute<{ on_hand: number }>(sql`SELECT on_hand FROM stock WHERE location_id = ${location} AND sku_id = ${skuId}`);
  return r.rows[0]?.on_hand ?? null;
}

/** A delivered order paid by card (spy provider), lines of 20 € each, and a booked return of `quantities` at `storeId`. */
async function booked(
  quantities: number[],
  opts: { storeId?: number; refund?: 'original' | 'store_credit'; discountCents?: number; customerId?: number } = {},
) {
  const customerId = opts.customerId ?? shoppers[next++]!;
  const skus = [sku, skuB];
  const o = await insertCompletedOrder(conn.db, {
    customerId,
    locationId: warehouse,
    lines: quantities.map((q, i) => ({ skuId: skus[i]!, quantity: q + 1, unitPriceCents: 2000 })),
    provider: 'spy',
    discountCents: opts.discountCents,
  });
  const storeId = opts.storeId ?? desk;
  const days = await listDropOffWindows(storeId);
  const ret = await bookReturn({
    customerId,
    orderNumber: o.number,
    storeId,
    windowStartsAt: days[1]!.windows[spread++ % 20]!.startsAt,
    lines: quantities.map((q, i) => ({ orderLineId: o.lineIds[i]!, quantity: q, reason: 'changed_mind' as const })),
    refund: opts.refund ?? 'original',
    idempotencyKey: randomUUID(),
  });
  const view = (await getDeskReturn(ret.code, storeId, 'en'))!;
  return { order: o, customerId, code: ret.code, lineIds: view.lines.map((l) => l.id) };
}

describe('checking a return in at the desk', () => {
  it('resellable units go on this shop’s shelf only, damaged are refunded not restocked, refused are neither', async () => {
    const r = await booked([2, 1]);
    const before = { desk: await onHand(desk, sku), other: await onHand(otherDesk, sku), deskB: await onHand(desk, skuB) };
    const result = await checkInReturn({
      storeId: desk,
      actorId: staff,
      code: r.code.toLowerCase().replace('-', ' '),
      lines: [
        { returnLineId: r.lineIds[0]!, outcome: 'resellable' },
        { returnLineId: r.lineIds[1]!, outcome: 'refused', refusalReason: 'Worn, label removed' },
      ],
    });
    expect(result).toMatchObject({ status: 'partially_refunded', refundMethod: 'card', refundCents: 4000, refundState: 'succeeded' });
    expect(await onHand(desk, sku)).toBe(before.desk! + 2);
    expect(await onHand(otherDesk, sku)).toBe(before.other);
    expect(await onHand(desk, skuB)).toBe(before.deskB); // refused: handed back, not restocked (no row made either)
    const moves = await conn.db.execute<{ kind: string; on_hand_delta: number; location_id: number }>(sql`
      SELECT kind, on_hand_delta, location_id FROM stock_movements WHERE note = ${`return ${r.code}`}`);
    expect(moves.rows).toEqual([{ kind: 'return', on_hand_delta: 2, location_id: desk }]);
    // The stock trigger announced the new figure (open product pages hear it through the relay).
    const announced = await conn.db.execute<{ location_id: number; available: number }>(sql`
      SELECT location_id, available FROM stock_changes WHERE sku_id = ${sku} ORDER BY id DESC LIMIT 1`);
    expect(announced.rows[0]).toEqual({ location_id: desk, available: before.desk! + 2 });
    expect(refunds).toEqual([{ reference: expect.stringMatching(/^ref_/), amount: 4000, key: `return:${r.code}:refund` }]);
    const view = (await getCustomerReturn(r.code, r.customerId, 'en'))!;
    expect(view.lines.map((l) => [l.outcome, l.refusalReason])).toEqual([
      ['resellable', null],
      ['refused', 'Worn, label removed'],
    ]);
    expect(view.events.map((e) => e.kind)).toEqual(['booked', 'received', 'refunded']);
    // The refused unit can be returned again; the accepted ones cannot.
    const order = (await getReturnableOrder(r.order.number, r.customerId, 'en'))!;
    expect(order.lines.map((l) => l.returnable)).toEqual([1, 2]);
  });

  it('damaged units are refunded, not put back on the shelf', async () => {
    const r = await booked([1]);
    const before = await onHand(desk, sku);
    const result = await checkInReturn({ storeId: desk, actorId: staff, code: r.code, lines: [{ returnLineId: r.lineIds[0]!, outcome: 'damaged' }] });
    expect(result).toMatchObject({ status: 'refunded', refundCents: 2000, restocked: [] });
    expect(await onHand(desk, sku)).toBe(before);
  });

  it('the pass works once: a second scan is refused and nothing moves twice', async () => {
    const r = await booked([1]);
    const lines = [{ returnLineId: r.lineIds[0]!, outcome: 'resellable' as const }];
    await checkInReturn({ storeId: desk, actorId: staff, code: r.code, lines });
    const after = await onHand(desk, sku);
    const err = await checkInReturn({ storeId: desk, actorId: staff, code: r.code, lines }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ReturnStateError);
    expect((err as ReturnStateError).code).toBe('return_pass_used');
    expect(await onHand(desk, sku)).toBe(after);
    expect(refunds).toHaveLength(1);
  });

  it('another shop’s desk cannot see or check in the return', async () => {
    const r = await booked([1]);
    expect(await getDeskReturn(r.code, otherDesk, 'en')).toBeNull();
    await expect(
      checkInReturn({ storeId: otherDesk, actorId: staff, code: r.code, lines: [{ returnLineId: r.lineIds[0]!, outcome: 'resellable' }] }),
    ).rejects.toBeInstanceOf(ReturnNotFoundError);
    expect((await getDeskReturn(r.code, desk, 'en'))?.status).toBe('booked');
  });

  it('every line needs a decision, and a refusal needs a reason', async () => {
    const r = await booked([1, 1]);
    await expect(
      checkInReturn({ storeId: desk, actorId: staff, code: r.code, lines: [{ returnLineId: r.lineIds[0]!, outcome: 'resellable' }] }),
    ).rejects.toBeInstanceOf(InvalidReturnError);
    await expect(
      checkInReturn({
        storeId: desk,
        actorId: staff,
        code: r.code,
        lines: [
          { returnLineId: r.lineIds[0]!, outcome: 'resellable' },
          { returnLineId: r.lineIds[1]!, outcome: 'refused', refusalReason: '  ' },
        ],
      }),
    ).rejects.toBeInstanceOf(InvalidReturnError);
    expect((await getDeskReturn(r.code, desk, 'en'))?.status).toBe('booked');
  });

  it('all lines refused: refused, no refund, no stock', async () => {
    const r = await booked([1]);
    const before = await onHand(desk, sku);
    const result = await checkInReturn({
      storeId: desk,
      actorId: staff,
      code: r.code,
      lines: [{ returnLineId: r.lineIds[0]!, outcome: 'refused', refusalReason: 'Not our product' }],
    });
    expect(result).toMatchObject({ status: 'refused', refundCents: 0, refundState: 'none' });
    expect(refunds).toHaveLength(0);
    expect(await onHand(desk, sku)).toBe(before);
  });

  it('store credit is credited in the check-in itself, once', async () => {
    const r = await booked([2], { refund: 'store_credit' });
    const result = await checkInReturn({ storeId: desk, actorId: staff, code: r.code, lines: [{ returnLineId: r.lineIds[0]!, outcome: 'resellable' }] });
    expect(result).toMatchObject({ status: 'refunded', refundMethod: 'store_credit', refundCents: 4000, refundState: 'succeeded' });
    expect(refunds).toHaveLength(0);
    expect(await getWallet(r.customerId)).toMatchObject({ storeCreditCents: 4000, entries: [{ kind: 'return', amountCents: 4000 }] });
  });

  it('a points discount is shared pro rata, and returning everything gives back exactly what was paid for the goods', async () => {
    // 3 units at 20 € (60 €), 5 € off with points: 55 € paid for the goods.
    const customerId = shoppers[next++]!;
    const o = await insertCompletedOrder(conn.db, {
      customerId,
      locationId: warehouse,
      lines: [{ skuId: sku, quantity: 3, unitPriceCents: 2000 }],
      provider: 'spy',
      discountCents: 500,
    });
    const window = (await listDropOffWindows(desk))[1]!.windows[22]!.startsAt;
    const total: number[] = [];
    for (let i = 0; i < 3; i++) {
      const b = await bookReturn({
        customerId,
        orderNumber: o.number,
        storeId: desk,
        windowStartsAt: window,
        lines: [{ orderLineId: o.lineIds[0]!, quantity: 1, reason: 'other' }],
        refund: 'original',
        idempotencyKey: randomUUID(),
      });
      const v = (await getDeskReturn(b.code, desk, 'en'))!;
      total.push(
        (await checkInReturn({ storeId: desk, actorId: staff, code: b.code, lines: [{ returnLineId: v.lines[0]!.id, outcome: 'resellable' }] })).refundCents,
      );
    }
    expect(total).toEqual([1834, 1833, 1833]);
    expect(total.reduce((a, b) => a + b, 0)).toBe(5500);
  });
});

describe('drive orders paid at pickup', () => {
  it('are refunded at the desk (recorded through the pay-at-pickup provider), once', async () => {
    const customerId = shoppers[next++]!;
    const o = await insertCompletedOrder(conn.db, {
      customerId,
      mode: 'drive',
      locationId: desk,
      lines: [{ skuId: sku, quantity: 1, unitPriceCents: 1200 }],
      provider: 'at_pickup',
      reference: `pickup_${randomUUID()}`,
    });
    const b = await bookReturn({
      customerId,
      orderNumber: o.number,
      storeId: desk,
      windowStartsAt: (await listDropOffWindows(desk))[1]!.windows[spread++ % 20]!.startsAt,
      lines: [{ orderLineId: o.lineIds[0]!, quantity: 1, reason: 'changed_mind' }],
      refund: 'original',
      idempotencyKey: randomUUID(),
    });
    const v = (await getDeskReturn(b.code, desk, 'en'))!;
    const result = await checkInReturn({ storeId: desk, actorId: staff, code: b.code, lines: [{ returnLineId: v.lines[0]!.id, outcome: 'resellable' }] });
    expect(result).toMatchObject({ status: 'refunded', refundMethod: 'desk', refundCents: 1200, refundState: 'succeeded' });
    expect(refunds).toHaveLength(0); // not the card provider
    expect((await getCustomerReturn(b.code, customerId, 'en'))?.refundedAt).not.toBeNull();
  });
});

describe('points', () => {
  it('takes back what the refunded goods earned; already spent points are recorded as shortfall, never below zero', async () => {
    const r = await booked([2]); // order: 3 units at 20 €, 60 € → 60 points (1 point per euro)
    await joinLoyalty(r.customerId);
    const earned = await inTx((tx) =>
      earnPoints(tx, { customerId: r.customerId, spendCents: 6000, channel: 'web', storeId: null, orderId: r.order.id, key: `e${r.order.id}` }),
    );
    expect(earned?.points).toBe(60);
    // The shopper already spent most of them: 50 of 60 points.
    await inTx((tx) => adjustPoints(tx, { customerId: r.customerId, points: -50, reason: 'spent elsewhere', staffId: null, key: `spend${r.order.id}` }));
    const balance = (await ledgerOf(conn.db, r.customerId)).balance;
    expect(balance).toBe(10);
    const result = await checkInReturn({ storeId: desk, actorId: staff, code: r.code, lines: [{ returnLineId: r.lineIds[0]!, outcome: 'resellable' }] });
    const target = 40; // 2 of 3 units: 40 of the 60 points
    expect(result).toMatchObject({ pointsReversed: 10, pointsShortfall: target - 10 });
    const ledger = await ledgerOf(conn.db, r.customerId);
    expect(ledger.balance).toBe(0);
    expect(ledger.balance).toBe(ledger.entries);
  });

  it('a shopper who is not a member: nothing to reverse, the refund still goes', async () => {
    const r = await booked([1]);
    const result = await checkInReturn({ storeId: desk, actorId: staff, code: r.code, lines: [{ returnLineId: r.lineIds[0]!, outcome: 'resellable' }] });
    expect(result).toMatchObject({ pointsReversed: 0, pointsShortfall: 0, refundState: 'succeeded' });
  });
});

describe('refund failures', () => {
  it('a refused refund is recorded; the retry asks again with the same key and records it once', async () => {
    const r = await booked([1]);
    failNext = 'state';
    const first = await checkInReturn({ storeId: desk, actorId: staff, code: r.code, lines: [{ returnLineId: r.lineIds[0]!, outcome: 'resellable' }] });
    expect(first).toMatchObject({ status: 'received', refundState: 'failed', refundError: expect.stringMatching(/^payment_not_captured/) });
    expect((await listDeskReturnsForToday(desk, 'en')).some((x) => x.code === r.code && x.refundState === 'failed')).toBe(true);
    const again = await retryReturnRefund({ storeId: desk, actorId: staff, code: r.code });
    expect(again).toMatchObject({ status: 'refunded', refundState: 'succeeded' });
    expect(refunds.map((x) => x.key)).toEqual([`return:${r.code}:refund`, `return:${r.code}:refund`]);
    await expect(retryReturnRefund({ storeId: desk, actorId: staff, code: r.code })).rejects.toBeInstanceOf(RefundNotRetryableError);
    const view = (await getCustomerReturn(r.code, r.customerId, 'en'))!;
    expect(view.events.map((e) => e.kind)).toEqual(['booked', 'received', 'refund_failed', 'refunded']);
  });

  it('after a definite refusal the desk may give store credit instead; after an outage it may not', async () => {
    const r = await booked([1]);
    failNext = 'state';
    await checkInReturn({ storeId: desk, actorId: staff, code: r.code, lines: [{ returnLineId: r.lineIds[0]!, outcome: 'damaged' }] });
    const credited = await retryReturnRefund({ storeId: desk, actorId: staff, code: r.code, asStoreCredit: true });
    expect(credited).toMatchObject({ status: 'refunded', refundMethod: 'store_credit', refundState: 'succeeded' });
    expect((await getWallet(r.customerId)).storeCreditCents).toBe(2000);

    const s = await booked([1]);
    failNext = 'unavailable';
    await checkInReturn({ storeId: desk, actorId: staff, code: s.code, lines: [{ returnLineId: s.lineIds[0]!, outcome: 'damaged' }] });
    await expect(retryReturnRefund({ storeId: desk, actorId: staff, code: s.code, asStoreCredit: true })).rejects.toBeInstanceOf(RefundNotRetryableError);
    expect((await getWallet(s.customerId)).storeCreditCents).toBe(0);
  });
});

describe('the desk’s day', () => {
  it('lists this shop’s returns expected today (not another shop’s, not later days), then what was checked in today', async () => {
    const today = await booked([1]);
    const later = await booked([1]);
    const elsewhere = await booked([1], { storeId: otherDesk });
    // Move the first into a window that started a minute ago (as if booked for this morning).
    const w = await conn.db.execute<{ id: number }>(sql`
      INSERT INTO return_windows (store_id, starts_at, ends_at, capacity)
      VALUES (${desk}, now() - interval '1 minute', now() + interval '59 minutes', 4) RETURNING id`);
    await conn.db.execute(sql`UPDATE returns SET window_id = ${w.rows[0]!.id} WHERE code = ${today.code}`);
    let day = (await listDeskReturnsForToday(desk, 'fr')).map((r) => r.code);
    expect(day).toContain(today.code);
    expect(day).not.toContain(later.code);
    expect(day).not.toContain(elsewhere.code);
    await checkInReturn({ storeId: desk, actorId: staff, code: later.code, lines: [{ returnLineId: later.lineIds[0]!, outcome: 'damaged' }] });
    day = (await listDeskReturnsForToday(desk, 'fr')).map((r) => r.code);
    expect(day.indexOf(today.code)).toBeLessThan(day.indexOf(later.code)); // still to do first, then done today
  });

  it('finds any order by number for a walk-in, with what is left to return', async () => {
    const r = await booked([2]);
    const found = (await getOrderForWalkIn(r.order.number.replace('CMD-', '').toLowerCase(), 'en'))!;
    expect(found).toMatchObject({ number: r.order.number, open: true, customer: { id: r.customerId } });
    expect(found.lines[0]).toMatchObject({ bought: 3, returned: 2, returnable: 1 });
    expect(await getOrderForWalkIn('CMD-ZZZZZZZZ', 'en')).toBeNull();
  });
});

describe('an interrupted refund', () => {
  it('a refund left pending (the process stopped before asking) can be asked again after two minutes, with its key; not as credit', async () => {
    const r = await booked([1]);
    const result = await checkInReturn({ storeId: desk, actorId: staff, code: r.code, lines: [{ returnLineId: r.lineIds[0]!, outcome: 'resellable' }] });
    expect(result.refundState).toBe('succeeded');
    // As if the process had stopped between the check-in's commit and the provider's answer.
    await conn.db.execute(sql`UPDATE returns SET refund_state = 'pending', status = 'received', refunded_at = NULL WHERE code = ${r.code}`);
    await expect(retryReturnRefund({ storeId: desk, actorId: staff, code: r.code })).rejects.toBeInstanceOf(RefundNotRetryableError); // not yet stale
    await conn.db.execute(sql`UPDATE returns SET updated_at = now() - interval '3 minutes' WHERE code = ${r.code}`);
    await expect(retryReturnRefund({ storeId: desk, actorId: staff, code: r.code, asStoreCredit: true })).rejects.toBeInstanceOf(RefundNotRetryableError);
    refunds.length = 0;
    expect(await retryReturnRefund({ storeId: desk, actorId: staff, code: r.code })).toMatchObject({ status: 'refunded', refundState: 'succeeded' });
    expect(refunds.map((x) => x.key)).toEqual([`return:${r.code}:refund`]);
  });
});

describe('walk-in returns', () => {
  it('staff return an order by its number without a booking, in one step', async () => {
    const customerId = shoppers[next++]!;
    const o = await insertCompletedOrder(conn.db, {
      customerId,
      locationId: warehouse,
      lines: [{ skuId: sku, quantity: 2, unitPriceCents: 1500 }],
      provider: 'spy',
    });
    const before = await onHand(otherDesk, sku);
    const input = {
      storeId: otherDesk,
      actorId: staff,
      orderNumber: o.number.toLowerCase(),
      lines: [{ orderLineId: o.lineIds[0]!, quantity: 2, reason: 'defective' as const, outcome: 'resellable' as const }],
      refund: 'original' as const,
      idempotencyKey: randomUUID(),
    };
    const result = await walkInReturn(input);
    expect(result).toMatchObject({ status: 'refunded', refundCents: 3000, refundState: 'succeeded' });
    expect(await onHand(otherDesk, sku)).toBe(before! + 2);
    expect(await walkInReturn(input)).toMatchObject({ id: result.id, status: 'refunded' }); // replay
    expect(refunds).toHaveLength(1);
    const view = (await getCustomerReturn(result.code, customerId, 'en'))!;
    expect(view).toMatchObject({ walkIn: true, window: null, store: { id: otherDesk } });
    await expect(walkInReturn({ ...input, idempotencyKey: randomUUID() })).rejects.toMatchObject({ code: 'return_quantity_exceeded' });
  });

  it('outside the return period a walk-in is refused too', async () => {
    const customerId = shoppers[next++]!;
    const o = await insertCompletedOrder(conn.db, {
      customerId,
      locationId: warehouse,
      lines: [{ skuId: sku, quantity: 1, unitPriceCents: 1500 }],
      completedDaysAgo: 40,
    });
    await expect(
      walkInReturn({
        storeId: desk,
        actorId: staff,
        orderNumber: o.number,
        lines: [{ orderLineId: o.lineIds[0]!, quantity: 1, reason: 'other', outcome: 'resellable' }],
        refund: 'original',
        idempotencyKey: randomUUID(),
      }),
    ).rejects.toBeInstanceOf(ReturnPeriodOverError);
  });
});

describe('a return of an order paid from the wallet', () => {
  it('gives the wallet its part back first (as store credit), the card the rest — never more than the wallet paid', async () => {
    const customerId = shoppers[next++]!;
    const o = await insertCompletedOrder(conn.db, {
      customerId,
      locationId: warehouse,
      lines: [{ skuId: sku, quantity: 2, unitPriceCents: 2000 }],
      provider: 'spy',
    });
    // Raw SQL: the order was paid 25 € from the wallet, the card 15 €.
    await conn.db.execute(sql`UPDATE orders SET wallet_cents = 2500 WHERE id = ${o.id}`);
    const walkIn = () =>
      walkInReturn({
        storeId: desk,
        actorId: staff,
        orderNumber: o.number,
        lines: [{ orderLineId: o.lineIds[0]!, quantity: 1, reason: 'other', outcome: 'resellable' }],
        refund: 'original',
        idempotencyKey: randomUUID(),
      });
    const first = await walkIn();
    expect(first).toMatchObject({ status: 'refunded', refundCents: 2000, refundState: 'succeeded' });
    expect(refunds).toEqual([]); // the card was not asked
    expect((await getWallet(customerId)).storeCreditCents).toBe(2000);
    const second = await walkIn();
    expect(second).toMatchObject({ status: 'refunded', refundCents: 2000, refundState: 'succeeded' });
    expect(refunds.map((r) => r.amount)).toEqual([1500]);
    const wallet = await getWallet(customerId);
    expect(wallet.storeCreditCents).toBe(2500);
    expect(wallet.entries.map((e) => [e.kind, e.amountCents])).toEqual([
      ['refund', 500],
      ['refund', 2000],
    ]);
  });
});
