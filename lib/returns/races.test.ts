import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { onPostgres, useTestDatabase } from '@/test/support/db';
import { registerPaymentProvider } from '@/lib/payments';
import type { PaymentProvider } from '@/lib/payments/types';
import { insertCategory, insertProduct, insertShoppers, insertStore, insertUser, setStock } from '@/test/support/fixtures';
import { checkInReturn, walkInReturn } from './check-in';
import { bookReturn } from './commands';
import { DropOffWindowFullError, ReturnQuantityExceededError, ReturnStateError } from './errors';
import { getDeskReturn, listDropOffWindows } from './queries';
import { insertCompletedOrder, openReturnsDesk } from '@/test/support/returns';

/*
 * Races on a real multi-connection PostgreSQL (PGlite runs one transaction at a time, so there
 * these would prove nothing). 20 pooled connections: every statement contends.
 */
const d = onPostgres ? describe : describe.skip;

let conn: Awaited<ReturnType<typeof useTestDatabase>>;
let desk: number;
let warehouse: number;
let sku: number;
let staff: number;
let shoppers: number[];
let next = 0;
const refundKeys: string[] = [];

function countingProvider(): PaymentProvider {
  return {
    id: 'counting',
    testMode: true,
    methods: ['card'],
    settlement: 'online',
    authorize: async () => ({ status: 'authorized', reference: 'unused' }),
    capture: async (reference, capturedCents) => ({ reference, capturedCents }),
    void: async (reference) => ({ reference, voided: true }),
    async refund(reference, amount, key) {
      refundKeys.push(key);
      return { reference, refundId: `re_${key}`, refundedCents: amount, totalRefundedCents: amount };
    },
  };
}

beforeAll(async () => {
  if (!onPostgres) return;
  registerPaymentProvider('counting', countingProvider);
  conn = await useTestDatabase();
  const cat = await insertCategory(conn.db, 'c');
  [sku] = (await insertProduct(conn.db, { slug: 'p', categoryId: cat, nameFr: 'P', nameEn: 'P' })).skuIds as [number];
  desk = await insertStore(conn.db, { slug: 'lyon', lat: 45.76, lng: 4.83 });
  await openReturnsDesk(conn.db, desk, { capacityPerHour: 3 });
  const w = await conn.db.execute<{ id: number }>(sql`INSERT INTO locations (code, kind, name) VALUES ('WEB', 'warehouse', 'Web') RETURNING id`);
  warehouse = w.rows[0]!.id;
  await setStock(conn.db, desk, sku, 10);
  shoppers = await insertShoppers(conn.db, 300, 'race');
  staff = await insertUser(conn.db, { email: 'desk@example.com', role: 'staff' });
});
afterAll(async () => conn?.drop());

function tally(outcomes: PromiseSettledResult<unknown>[]) {
  const refusals = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected').map((o) => o.reason as unknown);
  return { won: outcomes.length - refusals.length, refusals };
}

async function order(quantity: number, customerId = shoppers[next++]!) {
  const o = await insertCompletedOrder(conn.db, {
    customerId,
    locationId: warehouse,
    lines: [{ skuId: sku, quantity, unitPriceCents: 1000 }],
    provider: 'counting',
  });
  return { ...o, customerId };
}

const book = (o: { number: string; customerId: number; lineIds: number[] }, window: string, quantity = 1) =>
  bookReturn({
    customerId: o.customerId,
    orderNumber: o.number,
    storeId: desk,
    windowStartsAt: window,
    lines: [{ orderLineId: o.lineIds[0]!, quantity, reason: 'changed_mind' }],
    refund: 'original',
    idempotencyKey: randomUUID(),
  });

d('contended returns (PostgreSQL)', () => {
  it('40 shoppers book a capacity-3 window at once: exactly 3 get it, the rest hear "full" — five rounds', async () => {
    const windows = (await listDropOffWindows(desk))[1]!.windows;
    for (let round = 0; round < 5; round++) {
      const orders = await Promise.all(Array.from({ length: 40 }, () => order(1)));
      const outcomes = await Promise.allSettled(orders.map((o) => book(o, windows[round]!.startsAt)));
      const { won, refusals } = tally(outcomes);
      expect(won).toBe(3);
      for (const e of refusals) expect(e).toBeInstanceOf(DropOffWindowFullError);
      const taken = await conn.db.execute<{ n: number }>(sql`
        SELECT count(*)::int AS n FROM returns r JOIN return_windows w ON w.id = r.window_id WHERE w.starts_at = ${windows[round]!.startsAt}`);
      expect(taken.rows[0]!.n).toBe(3);
    }
  });

  it('returned never exceeds bought: 30 bookings of one unit of a 5-unit line at once → exactly 5', async () => {
    const windows = (await listDropOffWindows(desk))[2]!.windows;
    const o = await order(5);
    const outcomes = await Promise.allSettled(Array.from({ length: 30 }, (_, i) => book(o, windows[i % windows.length]!.startsAt)));
    const { won, refusals } = tally(outcomes);
    expect(won).toBe(5);
    for (const e of refusals) expect(e).toBeInstanceOf(ReturnQuantityExceededError);
    // Walk-ins at the desk contend with bookings on the same line too.
    const p = await order(4);
    const mixed = await Promise.allSettled([
      ...Array.from({ length: 10 }, (_, i) => book(p, windows[i % windows.length]!.startsAt)),
      ...Array.from({ length: 10 }, () =>
        walkInReturn({
          storeId: desk,
          actorId: staff,
          orderNumber: p.number,
          lines: [{ orderLineId: p.lineIds[0]!, quantity: 1, reason: 'other', outcome: 'resellable' }],
          refund: 'original',
          idempotencyKey: randomUUID(),
        }),
      ),
    ]);
    expect(tally(mixed).won).toBe(4);
    const sums = await conn.db.execute<{ line: number; bought: number; returned: number }>(sql`
      SELECT l.id AS line, l.quantity AS bought, COALESCE(sum(rl.quantity), 0)::int AS returned
      FROM order_lines l LEFT JOIN return_lines rl ON rl.order_line_id = l.id
      WHERE l.id IN (${o.lineIds[0]!}, ${p.lineIds[0]!}) GROUP BY l.id, l.quantity`);
    for (const s of sums.rows) expect(s.returned).toBe(s.bought);
  });

  it('the trigger alone holds the line: 20 raw inserts of one unit of a 3-unit line, outside the commands → exactly 3', async () => {
    const o = await order(3);
    const outcomes = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) =>
        conn.db.transaction(async (tx) => {
          const r = await tx.execute<{ id: number }>(sql`
            INSERT INTO returns (code, order_id, customer_id, store_id, walk_in, refund_method, idempotency_key)
            VALUES (${`R-RAW${String.fromCharCode(65 + i)}`}, ${o.id}, ${o.customerId}, ${desk}, true, 'card', ${randomUUID()}) RETURNING id`);
          await tx.execute(sql`INSERT INTO return_lines (return_id, order_line_id, quantity, reason) VALUES (${r.rows[0]!.id}, ${o.lineIds[0]!}, 1, 'other')`);
        }),
      ),
    );
    const { won, refusals } = tally(outcomes);
    expect(won).toBe(3);
    for (const e of refusals) expect(String((e as { cause?: { message?: string } }).cause?.message ?? e)).toMatch(/comptoir:return_exceeds/);
  });

  it('the same pass scanned at two tills at once: one check-in, one restock, one refund — ten rounds', async () => {
    const windows = (await listDropOffWindows(desk))[3]!.windows;
    for (let round = 0; round < 10; round++) {
      const o = await order(2);
      const b = await book(o, windows[round]!.startsAt, 2);
      const view = (await getDeskReturn(b.code, desk, 'en'))!;
      const before = (await conn.db.execute<{ on_hand: number }>(sql`SELECT on_hand FROM stock WHERE location_id = ${desk} AND sku_id = ${sku}`)).rows[0]!
        .on_hand;
      const keysBefore = refundKeys.length;
      const outcomes = await Promise.allSettled(
        Array.from({ length: 2 }, () =>
          checkInReturn({ storeId: desk, actorId: staff, code: b.code, lines: [{ returnLineId: view.lines[0]!.id, outcome: 'resellable' }] }),
        ),
      );
      const { won, refusals } = tally(outcomes);
      expect(won).toBe(1);
      expect(refusals[0]).toBeInstanceOf(ReturnStateError);
      const after = (await conn.db.execute<{ on_hand: number }>(sql`SELECT on_hand FROM stock WHERE location_id = ${desk} AND sku_id = ${sku}`)).rows[0]!
        .on_hand;
      expect(after).toBe(before + 2);
      expect(refundKeys.slice(keysBefore)).toEqual([`return:${b.code}:refund`]);
      const moves = await conn.db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM stock_movements WHERE note = ${`return ${b.code}`}`);
      expect(moves.rows[0]!.n).toBe(1);
    }
  });
});
