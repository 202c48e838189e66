import 'server-only';
import { sql } from 'drizzle-orm';
import { getDb, transaction, type Db } from '@/lib/db';
import { queryRows } from '@/lib/db/client';
import { findInCauses, PG_UNIQUE_VIOLATION, pgConstraint, pgErrorCode } from '@/lib/errors';
import { NotStockedHereError, OutOfStockError, releaseStock, takeHeldStock, type HoldLine } from '@/lib/inventory/holds';
import { IdempotencyKeyReusedError } from '@/lib/inventory/commands';
import { earnPoints } from '@/lib/loyalty/commands';
import { recordStoreSale } from '@/lib/sales/commands';
import { reservationLimits } from './config';
import { newPickupCode } from './pickup-code';
import {
  EmptyReservationError,
  InvalidReservationQuantityError,
  ReservationLimitError,
  ReservationNotFoundError,
  ReservationStateError,
  StoreNotReservableError,
} from './errors';
import type { ReservationStatus } from './schema';

/*
 * Click & reserve. Every command is one transaction; every status change is a conditional UPDATE
 * (`WHERE status IN (…)`), so two staff members, a shopper and the expiry sweep racing on one
 * reservation produce exactly one transition, and the units it held move exactly once.
 * An open reservation is `placed` or `ready` with `expires_at` still ahead.
 */

export type ReservationLineInput = { skuId: number; quantity: number };

export type PlaceReservationInput = {
  customerId: number;
  storeId: number;
  lines: ReservationLineInput[];
  idempotencyKey: string;
};

export type PlacedReservation = { id: number; code: string; expiresAt: Date; replayed: boolean };

function validateLines(lines: ReservationLineInput[]): void {
  const { maxUnitsPerSku, maxLines } = reservationLimits();
  if (lines.length === 0 || lines.length > maxLines) throw new EmptyReservationError(maxLines);
  for (const l of lines) {
    if (!Number.isSafeInteger(l.skuId) || l.skuId <= 0) throw new EmptyReservationError(maxLines);
    if (!Number.isSafeInteger(l.quantity) || l.quantity < 1 || l.quantity > maxUnitsPerSku) {
      throw new InvalidReservationQuantityError(maxUnitsPerSku);
    }
  }
}

/**
 * Places a reservation: the units move to `reserved` and the reservation with its lines is
 * written in the same transaction, or nothing is. One round trip: the steps run inside the
 * database (comptoir_place_reservation, lib/db/migrations/0003_place_reservation.sql). The
 * shopper's row is locked first, so their own concurrent requests (a double-click, two tabs)
 * queue: the idempotency key and the per-account limits are then decided on committed data.
 */
export async function placeReservation(input: PlaceReservationInput): Promise<PlacedReservation> {
  validateLines(input.lines);
  const { maxActive, maxUnitsPerSku } = reservationLimits();
  const { customerId, storeId, lines, idempotencyKey } = input;
  const skus = `{${lines.map((l) => l.skuId).join(',')}}`;
  const quantities = `{${lines.map((l) => l.quantity).join(',')}}`;
  for (let attempt = 0; ; attempt++) {
    try {
      const [row] = await queryRows<{ placed: PlacedRow | string }>(
        'SELECT comptoir_place_reservation($1::int, $2::int, $3::int[], $4::int[], $5::text, $6::text, $7::int, $8::int) AS placed',
        [customerId, storeId, skus, quantities, idempotencyKey, newPickupCode(), maxActive, maxUnitsPerSku],
      );
      const raw = row!.placed;
      const placed = typeof raw === 'string' ? (JSON.parse(raw) as PlacedRow) : raw;
      return { id: placed.id, code: placed.code, expiresAt: new Date(placed.expires_at), replayed: placed.replayed };
    } catch (err) {
      const refusal = refusalOf(err);
      if (refusal) throw refusal;
      if (pgErrorCode(err) !== PG_UNIQUE_VIOLATION) throw err;
      // Another shopper's request took this key between our check and our insert.
      if (pgConstraint(err) === 'reservations_idempotency_key_unique') throw new IdempotencyKeyReusedError();
      if (pgConstraint(err) !== 'reservations_code_unique' || attempt >= 3) throw err; // a pickup code collision: draw again
    }
  }
}

type PlacedRow = { id: number; code: string; expires_at: string; replayed: boolean };

/**
 * The reservation a key already placed, from the database (so also after a restart), or null; a
 * key of another customer's is refused, not shown. Asked by the actions before anything about the
 * present (stock, limits, the till's customer pass), so a retry answers as the first request did.
 * The placement function asks again under the customer's lock, for two requests at once.
 */
export async function findReservationByKey(customerId: number, key: string): Promise<(PlacedReservation & { storeId: number }) | null> {
  const db = await getDb();
  const r = await db.execute<{ id: number; code: string; expires_at: string; customer_id: number; store_id: number }>(
    sql`SELECT id, code, expires_at, customer_id, store_id FROM reservations WHERE idempotency_key = ${key}`,
  );
  const row = r.rows[0];
  if (!row) return null;
  if (row.customer_id !== customerId) throw new IdempotencyKeyReusedError();
  return { id: row.id, code: row.code, expiresAt: new Date(row.expires_at), storeId: row.store_id, replayed: true };
}

/** The function's RAISEd refusals ('comptoir:<reason>:<a>:<b>') as the domain's typed errors. */
function refusalOf(err: unknown): Error | null {
  const message = findInCauses(err, (e) => (typeof e.message === 'string' ? /comptoir:[a-z_]+(?::-?\d+)*/.exec(e.message)?.[0] : undefined));
  if (!message) return null;
  const [, reason, a, b] = message.split(':');
  const n = (v: string | undefined) => Number(v ?? 0);
  switch (reason) {
    case 'unknown_customer':
      return new ReservationNotFoundError();
    case 'key_reused':
      return new IdempotencyKeyReusedError();
    case 'store_not_reservable':
      return new StoreNotReservableError();
    case 'limit_active':
      return new ReservationLimitError('active', n(a));
    case 'limit_units':
      return new ReservationLimitError('units', n(a), n(b));
    case 'not_stocked':
      return new NotStockedHereError(n(a));
    case 'out_of_stock':
      return new OutOfStockError(n(a), n(b));
    default:
      return null;
  }
}

async function linesOf(tx: Db, reservationId: number): Promise<(HoldLine & { unitPriceCents: number })[]> {
  const r = await tx.execute<{ sku_id: number; quantity: number; unit_price_cents: number }>(sql`
    SELECT sku_id, quantity, unit_price_cents FROM reservation_lines WHERE reservation_id = ${reservationId} ORDER BY id`);
  return r.rows.map((l) => ({ skuId: l.sku_id, quantity: l.quantity, unitPriceCents: l.unit_price_cents }));
}

type Scope = { storeId: number } | { customerId: number };

function scopeSql(scope: Scope) {
  return 'storeId' in scope ? sql`store_id = ${scope.storeId}` : sql`customer_id = ${scope.customerId}`;
}

/**
 * Why a conditional transition changed nothing: unknown to this scope (404), or in another state.
 * An open reservation past its deadline is expired on the spot, so the answer is the truth.
 */
async function refuse(reservationId: number, scope: Scope): Promise<never> {
  const db = await getDb();
  const r = await db.execute<{ status: ReservationStatus; lapsed: boolean }>(sql`
    SELECT status, (status IN ('placed', 'ready') AND expires_at <= now()) AS lapsed
    FROM reservations WHERE id = ${reservationId} AND ${scopeSql(scope)}`);
  const row = r.rows[0];
  if (!row) throw new ReservationNotFoundError();
  if (row.lapsed) {
    await expireDueReservations({ ids: [reservationId] });
    throw new ReservationStateError('expired');
  }
  throw new ReservationStateError(row.status);
}

function assertId(id: number): void {
  if (!Number.isSafeInteger(id) || id <= 0 || id > 2_147_483_647) throw new ReservationNotFoundError();
}

export type StaffTransitionInput = { reservationId: number; storeId: number; actorId: number };

/** Staff have picked the items: the shopper may come; the hold now runs from this moment. */
export async function markReservationReady(input: StaffTransitionInput): Promise<{ expiresAt: Date }> {
  assertId(input.reservationId);
  const r = await transaction((tx) =>
    tx.execute<{ expires_at: Date | string }>(sql`
      UPDATE reservations r
      SET status = 'ready', ready_at = now(), updated_at = now(), updated_by = ${input.actorId},
          expires_at = now() + make_interval(hours => s.reservation_hold_hours)
      FROM stores s
      WHERE r.id = ${input.reservationId} AND r.store_id = ${input.storeId} AND s.location_id = r.store_id
        AND r.status = 'placed' AND r.expires_at > now()
      RETURNING r.expires_at`),
  );
  const row = r.rows[0];
  if (!row) return refuse(input.reservationId, { storeId: input.storeId });
  return { expiresAt: new Date(row.expires_at) };
}

/**
 * Handed over at the desk: the units leave the shelf (on hand and reserved both go down) and the
 * collection is recorded as a store sale for the customer, paid at the prices reserved.
 */
export async function collectReservation(input: StaffTransitionInput): Promise<{ saleId: number; totalCents: number }> {
  assertId(input.reservationId);
  const result = await transaction(async (tx) => {
    const r = await tx.execute<{ customer_id: number }>(sql`
      UPDATE reservations
      SET status = 'collected', collected_at = now(), updated_at = now(), updated_by = ${input.actorId}
      WHERE id = ${input.reservationId} AND store_id = ${input.storeId}
        AND status IN ('placed', 'ready') AND expires_at > now()
      RETURNING customer_id`);
    const row = r.rows[0];
    if (!row) return null;
    const lines = await linesOf(tx, input.reservationId);
    await takeHeldStock(tx, input.storeId, lines, { actorId: input.actorId, note: `Click & reserve #${input.reservationId}` });
    const sale = await recordStoreSale(tx, {
      storeId: input.storeId,
      customerId: row.customer_id,
      staffId: input.actorId,
      reservationId: input.reservationId,
      lines,
    });
    // Paid at the desk: a shop purchase, so it earns points in the store channel (members only).
    await earnPoints(tx, {
      customerId: row.customer_id,
      spendCents: sale.totalCents,
      channel: 'store',
      storeId: input.storeId,
      saleId: sale.saleId,
      key: `sale:${sale.saleId}:earn`,
    });
    return sale;
  });
  return result ?? refuse(input.reservationId, { storeId: input.storeId });
}

async function cancel(reservationId: number, scope: Scope, actorId: number): Promise<void> {
  assertId(reservationId);
  const done = await transaction(async (tx) => {
    const r = await tx.execute<{ store_id: number }>(sql`
      UPDATE reservations
      SET status = 'cancelled', cancelled_at = now(), updated_at = now(), updated_by = ${actorId}
      WHERE id = ${reservationId} AND ${scopeSql(scope)} AND status IN ('placed', 'ready') AND expires_at > now()
      RETURNING store_id`);
    const row = r.rows[0];
    if (!row) return false;
    await releaseStock(tx, row.store_id, await linesOf(tx, reservationId));
    return true;
  });
  if (!done) await refuse(reservationId, scope);
}

/** The shopper changed their mind: the units go back on sale at once. */
export function cancelReservationByCustomer(input: { reservationId: number; customerId: number }): Promise<void> {
  return cancel(input.reservationId, { customerId: input.customerId }, input.customerId);
}

/** The desk cancels (item damaged, customer called): same effect, scoped to the staff member's shop. */
export function cancelReservationByStaff(input: StaffTransitionInput): Promise<void> {
  return cancel(input.reservationId, { storeId: input.storeId }, input.actorId);
}

/**
 * The expiry sweep: open reservations past their deadline become `expired` and give their units
 * back. Safe with several sweepers on several servers: each takes rows with SKIP LOCKED and the
 * status condition is re-checked under the row lock, so every hold is released exactly once.
 */
export async function expireDueReservations(opts: { limit?: number; ids?: number[] } = {}): Promise<{ expired: number }> {
  const limit = opts.limit ?? 200;
  const only = opts.ids ? sql`AND id = ANY(${`{${opts.ids.map(Math.trunc).join(',')}}`}::int[])` : sql``;
  return transaction(async (tx) => {
    const due = await tx.execute<{ id: number; store_id: number }>(sql`
      WITH due AS (
        SELECT id FROM reservations
        WHERE status IN ('placed', 'ready') AND expires_at <= now() ${only}
        ORDER BY expires_at LIMIT ${limit}
        FOR UPDATE SKIP LOCKED
      )
      UPDATE reservations r SET status = 'expired', expired_at = now(), updated_at = now(), updated_by = NULL
      FROM due WHERE r.id = due.id AND r.status IN ('placed', 'ready')
      RETURNING r.id, r.store_id`);
    if (due.rows.length === 0) return { expired: 0 };
    const ids = `{${due.rows.map((r) => r.id).join(',')}}`;
    const lines = await tx.execute<{ store_id: number; sku_id: number; n: number }>(sql`
      SELECT r.store_id, l.sku_id, sum(l.quantity)::int AS n
      FROM reservation_lines l JOIN reservations r ON r.id = l.reservation_id
      WHERE r.id = ANY(${ids}::int[])
      GROUP BY r.store_id, l.sku_id ORDER BY r.store_id, l.sku_id`);
    const byStore = new Map<number, HoldLine[]>();
    for (const l of lines.rows) {
      const list = byStore.get(l.store_id) ?? [];
      list.push({ skuId: l.sku_id, quantity: l.n });
      byStore.set(l.store_id, list);
    }
    for (const [storeId, storeLines] of byStore) await releaseStock(tx, storeId, storeLines);
    return { expired: due.rows.length };
  });
}
