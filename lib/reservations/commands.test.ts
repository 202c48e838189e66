import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { useTestDatabase } from '@/test/support/db';
import { joinLoyalty } from '@/lib/loyalty/commands';
import { listLoyaltyEntries } from '@/lib/loyalty/queries';
import { NotStockedHereError, OutOfStockError } from '@/lib/inventory/holds';
import { IdempotencyKeyReusedError } from '@/lib/inventory/commands';
import { insertCategory, insertProduct, insertStore, insertUser, setStock } from '@/test/support/fixtures';
import {
  cancelReservationByCustomer,
  cancelReservationByStaff,
  collectReservation,
  expireDueReservations,
  markReservationReady,
  placeReservation,
} from './commands';
import {
  EmptyReservationError,
  InvalidReservationQuantityError,
  ReservationLimitError,
  ReservationNotFoundError,
  ReservationStateError,
  StoreNotReservableError,
} from './errors';
import { normalizePickupCode } from './pickup-code';
import {
  findStoreReservationByCode,
  getCustomerReservation,
  isCustomerReservation,
  listCustomerReservations,
  listReservableStores,
  listStoreReservationsForToday,
} from './queries';

let conn: Awaited<ReturnType<typeof useTestDatabase>>;
let store: number;
let otherStore: number;
let noReserveStore: number;
let skus: number[];
let alice: number;
let bob: number;
let staff: number;

async function stockOf(skuId: number, locationId = store) {
  const r = await conn.db.execute<{ on_hand: number; reserved: number }>(
    sql`SELECT on_hand, reserved FROM stock WHERE location_id = ${locationId} AND sku_id = ${skuId}`,
  );
  return r.rows[0]!;
}

const place = (customerId: number, lines: { skuId: number; quantity: number }[], storeId = store, idempotencyKey = randomUUID()) =>
  placeReservation({ customerId, storeId, lines, idempotencyKey });

/** Moves a reservation's deadline into the past, as if its hold time had run out. */
async function lapse(id: number) {
  await conn.db.execute(sql`UPDATE reservations SET expires_at = now() - interval '1 minute' WHERE id = ${id}`);
}

beforeAll(async () => {
  conn = await useTestDatabase();
  const cat = await insertCategory(conn.db, 'c');
  skus = (
    await insertProduct(conn.db, {
      slug: 'p',
      categoryId: cat,
      nameFr: 'Gourde',
      nameEn: 'Bottle',
      skus: [{ priceCents: 1500 }, { priceCents: 2500 }, {}, {}, {}],
    })
  ).skuIds;
  store = await insertStore(conn.db, { slug: 'lyon', lat: 45.76, lng: 4.83 });
  otherStore = await insertStore(conn.db, { slug: 'villeurbanne', lat: 45.77, lng: 4.89 });
  noReserveStore = await insertStore(conn.db, { slug: 'outlet', lat: 45.7, lng: 4.8, clickReserve: false });
  alice = await insertUser(conn.db, { email: 'alice@example.com' });
  bob = await insertUser(conn.db, { email: 'bob@example.com' });
  staff = await insertUser(conn.db, { email: 'staff@example.com', role: 'staff' });
});
afterAll(async () => conn?.drop());

beforeEach(async () => {
  await conn.db.execute(sql`DELETE FROM sales`);
  await conn.db.execute(sql`DELETE FROM reservations`);
  for (const k of skus) {
    await setStock(conn.db, store, k, 10);
    await setStock(conn.db, otherStore, k, 10);
    await setStock(conn.db, noReserveStore, k, 10);
  }
});

describe('placeReservation', () => {
  it('holds the units and writes the reservation with its lines, prices and a pickup code', async () => {
    const r = await place(alice, [
      { skuId: skus[0]!, quantity: 2 },
      { skuId: skus[1]!, quantity: 1 },
    ]);
    expect(r.code).toMatch(/^[A-HJ-NP-Z2-9]{6}$/);
    expect(r.replayed).toBe(false);
    expect(await stockOf(skus[0]!)).toEqual({ on_hand: 10, reserved: 2 });
    expect(await stockOf(skus[1]!)).toEqual({ on_hand: 10, reserved: 1 });
    const detail = await getCustomerReservation(r.id, alice, 'en');
    expect(detail).toMatchObject({ status: 'placed', code: r.code, totalCents: 2 * 1500 + 2500, units: 3 });
    expect(detail!.lines.map((l) => [l.skuId, l.quantity, l.productName])).toEqual([
      [skus[0], 2, 'Bottle'],
      [skus[1], 1, 'Bottle'],
    ]);
    // 48 h by default, from placement.
    const hours = (new Date(detail!.expiresAt).getTime() - Date.now()) / 3_600_000;
    expect(hours).toBeGreaterThan(47.9);
    expect(hours).toBeLessThan(48.1);
  });

  it('uses the store hold time', async () => {
    await conn.db.execute(sql`UPDATE stores SET reservation_hold_hours = 4 WHERE location_id = ${otherStore}`);
    try {
      const r = await place(alice, [{ skuId: skus[0]!, quantity: 1 }], otherStore);
      const hours = (r.expiresAt.getTime() - Date.now()) / 3_600_000;
      expect(hours).toBeGreaterThan(3.9);
      expect(hours).toBeLessThan(4.1);
    } finally {
      await conn.db.execute(sql`UPDATE stores SET reservation_hold_hours = 48 WHERE location_id = ${otherStore}`);
    }
  });

  it('makes one reservation from a replayed request, and refuses the key to another shopper', async () => {
    const key = randomUUID();
    const first = await place(alice, [{ skuId: skus[0]!, quantity: 1 }], store, key);
    const again = await place(alice, [{ skuId: skus[0]!, quantity: 1 }], store, key);
    expect(again).toMatchObject({ id: first.id, code: first.code, replayed: true });
    await expect(place(bob, [{ skuId: skus[0]!, quantity: 1 }], store, key)).rejects.toBeInstanceOf(IdempotencyKeyReusedError);
    expect(await stockOf(skus[0]!)).toEqual({ on_hand: 10, reserved: 1 });
  });

  it('makes one reservation from concurrent double submissions', async () => {
    const key = randomUUID();
    const results = await Promise.all(Array.from({ length: 8 }, () => place(alice, [{ skuId: skus[2]!, quantity: 1 }], store, key)));
    expect(new Set(results.map((r) => r.id)).size).toBe(1);
    expect(results.filter((r) => !r.replayed)).toHaveLength(1);
    expect(await stockOf(skus[2]!)).toEqual({ on_hand: 10, reserved: 1 });
  });

  it('refuses bad input with a typed reason and writes nothing', async () => {
    const cases: [() => Promise<unknown>, new (...a: never[]) => Error][] = [
      [() => place(alice, [{ skuId: skus[0]!, quantity: 0 }]), InvalidReservationQuantityError],
      [() => place(alice, [{ skuId: skus[0]!, quantity: -2 }]), InvalidReservationQuantityError],
      [() => place(alice, [{ skuId: skus[0]!, quantity: 6 }]), InvalidReservationQuantityError],
      [() => place(alice, [{ skuId: skus[0]!, quantity: 1.5 }]), InvalidReservationQuantityError],
      [() => place(alice, []), EmptyReservationError],
      [() => place(alice, [{ skuId: skus[0]!, quantity: 1 }], noReserveStore), StoreNotReservableError],
      [() => place(alice, [{ skuId: skus[0]!, quantity: 1 }], 999_999), StoreNotReservableError],
      [() => place(alice, [{ skuId: 999_999, quantity: 1 }]), NotStockedHereError],
      [() => place(999_999, [{ skuId: skus[0]!, quantity: 1 }]), ReservationNotFoundError],
    ];
    for (const [attempt, error] of cases) await expect(attempt()).rejects.toBeInstanceOf(error);
    await conn.db.execute(sql`DELETE FROM stock WHERE location_id = ${store} AND sku_id = ${skus[4]!}`);
    await expect(place(alice, [{ skuId: skus[4]!, quantity: 1 }])).rejects.toBeInstanceOf(NotStockedHereError);
    const n = await conn.db.execute<{ n: number }>(sql`SELECT (SELECT count(*) FROM reservations) + (SELECT count(*) FROM reservation_lines) AS n`);
    expect(Number(n.rows[0]!.n)).toBe(0);
    expect((await conn.db.execute<{ r: number }>(sql`SELECT sum(reserved)::int AS r FROM stock`)).rows[0]!.r).toBe(0);
  });

  it('refuses more than is available, all lines or none', async () => {
    await setStock(conn.db, store, skus[0]!, 3, 1);
    const err = await place(alice, [
      { skuId: skus[1]!, quantity: 2 },
      { skuId: skus[0]!, quantity: 3 },
    ]).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(OutOfStockError);
    expect((err as OutOfStockError).available).toBe(2);
    expect(await stockOf(skus[1]!)).toEqual({ on_hand: 10, reserved: 0 }); // the first line rolled back too
    expect(await stockOf(skus[0]!)).toEqual({ on_hand: 3, reserved: 1 });
  });

  it('counts two lines of one SKU together against the stock', async () => {
    await setStock(conn.db, store, skus[0]!, 3);
    await expect(
      place(alice, [
        { skuId: skus[0]!, quantity: 2 },
        { skuId: skus[0]!, quantity: 2 },
      ]),
    ).rejects.toBeInstanceOf(OutOfStockError);
    const r = await place(alice, [
      { skuId: skus[0]!, quantity: 2 },
      { skuId: skus[0]!, quantity: 1 },
    ]);
    expect(await stockOf(skus[0]!)).toEqual({ on_hand: 3, reserved: 3 });
    expect((await getCustomerReservation(r.id, alice, 'en'))!.lines).toHaveLength(2);
  });

  it('limits hoarding: open reservations per account and units per SKU', async () => {
    for (let i = 0; i < 3; i++) await place(alice, [{ skuId: skus[i]!, quantity: 1 }]);
    const err = await place(alice, [{ skuId: skus[3]!, quantity: 1 }]).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ReservationLimitError);
    expect((err as ReservationLimitError).kind).toBe('active');

    const b1 = await place(bob, [{ skuId: skus[0]!, quantity: 4 }]);
    const units = await place(bob, [{ skuId: skus[0]!, quantity: 2 }]).catch((e: unknown) => e);
    expect(units).toMatchObject({ kind: 'units', limit: 5, alreadyHeld: 4 });
    // A cancelled reservation no longer counts.
    await cancelReservationByCustomer({ reservationId: b1.id, customerId: bob });
    await place(bob, [{ skuId: skus[0]!, quantity: 5 }]);
  });
});

describe('lifecycle', () => {
  it('placed → ready → collected: on hand and reserved go down, a store sale is recorded', async () => {
    const r = await place(alice, [{ skuId: skus[0]!, quantity: 2 }]);
    await expect(collectReservation({ reservationId: r.id, storeId: otherStore, actorId: staff })).rejects.toBeInstanceOf(ReservationNotFoundError);
    const ready = await markReservationReady({ reservationId: r.id, storeId: store, actorId: staff });
    expect(ready.expiresAt.getTime()).toBeGreaterThan(Date.now() + 47.9 * 3_600_000);
    await expect(markReservationReady({ reservationId: r.id, storeId: store, actorId: staff })).rejects.toMatchObject({ status: 'ready' });
    const sale = await collectReservation({ reservationId: r.id, storeId: store, actorId: staff });
    expect(sale.totalCents).toBe(3000);
    expect(await stockOf(skus[0]!)).toEqual({ on_hand: 8, reserved: 0 });
    const s = await conn.db.execute<{ customer_id: number; source: string; channel: string; lines: number }>(sql`
      SELECT customer_id, source, channel, (SELECT count(*)::int FROM sale_lines WHERE sale_id = sales.id) AS lines FROM sales WHERE reservation_id = ${r.id}`);
    expect(s.rows).toEqual([{ customer_id: alice, source: 'reservation', channel: 'store', lines: 1 }]);
    const m = await conn.db.execute<{ kind: string; on_hand_delta: number; on_hand_after: number }>(sql`
      SELECT kind, on_hand_delta, on_hand_after FROM stock_movements WHERE location_id = ${store} AND sku_id = ${skus[0]!}`);
    expect(m.rows).toEqual([{ kind: 'sale', on_hand_delta: -2, on_hand_after: 8 }]);
    await expect(collectReservation({ reservationId: r.id, storeId: store, actorId: staff })).rejects.toMatchObject({ status: 'collected' });
    await expect(cancelReservationByCustomer({ reservationId: r.id, customerId: alice })).rejects.toBeInstanceOf(ReservationStateError);
    expect(await stockOf(skus[0]!)).toEqual({ on_hand: 8, reserved: 0 });
  });

  it('a shopper cancels only their own reservation; the units come back once', async () => {
    const r = await place(alice, [{ skuId: skus[0]!, quantity: 3 }]);
    await expect(cancelReservationByCustomer({ reservationId: r.id, customerId: bob })).rejects.toBeInstanceOf(ReservationNotFoundError);
    expect(await getCustomerReservation(r.id, bob, 'en')).toBeNull();
    expect([await isCustomerReservation(r.id, alice), await isCustomerReservation(r.id, bob)]).toEqual([true, false]);
    await cancelReservationByCustomer({ reservationId: r.id, customerId: alice });
    await expect(cancelReservationByCustomer({ reservationId: r.id, customerId: alice })).rejects.toMatchObject({ status: 'cancelled' });
    expect(await stockOf(skus[0]!)).toEqual({ on_hand: 10, reserved: 0 });
  });

  it('staff cancel within their store only', async () => {
    const r = await place(alice, [{ skuId: skus[0]!, quantity: 1 }]);
    await expect(cancelReservationByStaff({ reservationId: r.id, storeId: otherStore, actorId: staff })).rejects.toBeInstanceOf(ReservationNotFoundError);
    await cancelReservationByStaff({ reservationId: r.id, storeId: store, actorId: staff });
    expect(await stockOf(skus[0]!)).toEqual({ on_hand: 10, reserved: 0 });
  });

  it('a lapsed reservation reads as expired, cannot be collected, and gives its units back once', async () => {
    const r = await place(alice, [{ skuId: skus[0]!, quantity: 2 }]);
    const kept = await place(alice, [{ skuId: skus[0]!, quantity: 1 }]);
    await lapse(r.id);
    expect((await getCustomerReservation(r.id, alice, 'en'))!.status).toBe('expired');
    await expect(collectReservation({ reservationId: r.id, storeId: store, actorId: staff })).rejects.toMatchObject({ status: 'expired' });
    // The refusal expired it on the spot; the sweep finds nothing left to do.
    expect(await stockOf(skus[0]!)).toEqual({ on_hand: 10, reserved: 1 });
    expect(await expireDueReservations()).toEqual({ expired: 0 });
    expect((await getCustomerReservation(kept.id, alice, 'en'))!.status).toBe('placed');
  });

  it('the sweep expires due reservations across stores', async () => {
    const a = await place(alice, [
      { skuId: skus[0]!, quantity: 2 },
      { skuId: skus[0]!, quantity: 1 },
    ]);
    const b = await place(bob, [{ skuId: skus[0]!, quantity: 1 }], otherStore);
    await place(bob, [{ skuId: skus[1]!, quantity: 1 }]);
    await lapse(a.id);
    await lapse(b.id);
    expect(await expireDueReservations()).toEqual({ expired: 2 });
    expect(await stockOf(skus[0]!)).toEqual({ on_hand: 10, reserved: 0 });
    expect(await stockOf(skus[0]!, otherStore)).toEqual({ on_hand: 10, reserved: 0 });
    expect(await stockOf(skus[1]!)).toEqual({ on_hand: 10, reserved: 1 });
    expect(await expireDueReservations()).toEqual({ expired: 0 });
  });
});

describe('reads', () => {
  it('lists the shopper’s reservations and the desk’s day; finds by code within the store', async () => {
    const r = await place(alice, [{ skuId: skus[0]!, quantity: 1 }]);
    const done = await place(alice, [{ skuId: skus[1]!, quantity: 1 }]);
    await cancelReservationByCustomer({ reservationId: done.id, customerId: alice });
    expect((await listCustomerReservations(alice, 'fr')).map((x) => [x.id, x.status])).toEqual([
      [r.id, 'placed'],
      [done.id, 'cancelled'],
    ]);
    expect(await listCustomerReservations(bob, 'fr')).toEqual([]);
    expect((await listStoreReservationsForToday(store, 'en')).map((x) => x.id)).toEqual([r.id, done.id]);
    expect(await listStoreReservationsForToday(otherStore, 'en')).toEqual([]);
    const code = `${r.code.slice(0, 3).toLowerCase()}-${r.code.slice(3)}`;
    expect(normalizePickupCode(code)).toBe(r.code);
    expect((await findStoreReservationByCode(code, store, 'en'))?.id).toBe(r.id);
    expect(await findStoreReservationByCode(r.code, otherStore, 'en')).toBeNull();
    expect(await findStoreReservationByCode("' OR 1=1 --", store, 'en')).toBeNull();
  });

  it('lists shops where a SKU can be reserved, nearest first', async () => {
    await setStock(conn.db, otherStore, skus[0]!, 2, 2);
    const rows = await listReservableStores(skus[0]!, { lat: 45.77, lng: 4.89 });
    expect(rows.map((s) => s.slug)).toEqual(['lyon']); // villeurbanne fully reserved, outlet has no click & reserve
    expect(rows[0]).toMatchObject({ available: 10, holdHours: 48 });
  });
});

// Last: the ledger keeps its sales (loyalty entries reference them), so beforeEach cannot clear them after this.
describe('loyalty', () => {
  it('a member earns points in the store channel when they collect, once', async () => {
    await joinLoyalty(bob);
    const r = await place(bob, [{ skuId: skus[1]!, quantity: 2 }]);
    const sale = await collectReservation({ reservationId: r.id, storeId: store, actorId: staff });
    await expect(collectReservation({ reservationId: r.id, storeId: store, actorId: staff })).rejects.toMatchObject({ status: 'collected' });
    const entries = await listLoyaltyEntries(bob);
    expect(entries.map((e) => ({ kind: e.kind, points: e.points, channel: e.channel, storeId: e.storeId, saleId: e.saleId }))).toEqual([
      { kind: 'earn', points: Math.floor(sale.totalCents / 100), channel: 'store', storeId: store, saleId: sale.saleId },
    ]);
  });
});
