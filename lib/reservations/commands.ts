import 'server-only';
import { and, asc, eq, gt, inArray, sql } from 'drizzle-orm';
import { getDb, intArray, transaction, type Db } from '@/lib/db';
import { queryRows } from '@/lib/db/client';
import { findInCauses, PG_UNIQUE_VIOLATION, pgConstraint, pgErrorCode } from '@/lib/errors';
import { NotStockedHereError, OutOfStockError, releaseStock, takeHeldStock, type HoldLine } from '@/lib/inventory/holds';
import { IdempotencyKeyReusedError } from '@/lib/inventory/commands';
import { earnPoints } from '@/lib/loyalty/commands';
import { recordStoreSale } from '@/lib/sales/commands';
import { storeRowsSql } from '@/lib/stores/read';
import { DEFAULT_LOCALE, type Locale } from '@/lib/i18n/config';
import { reservationLimits } from './config';
import { queueReservationReady } from './messages';
import { newPickupCode } from './pickup-code';
import {
  EmptyReservationError,
  InvalidReservationQuantityError,
  ReservationLimitError,
  ReservationNotFoundError,
  ReservationStateError,
  StoreNotReservableError,
} from './errors';
import { reservationLines, reservations } from './schema';

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
  /** The language of the page reserved from: the reservation's messages are written in it. */
  locale?: Locale;
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
  const skus = intArray(lines.map((l) => l.skuId));
  const quantities = intArray(lines.map((l) => l.quantity));
  for (let attempt = 0; ; attempt++) {
    try {
      // Raw SQL: one call of the placing function (it locks, checks the limits and holds the stock in the database).
      const [row] = await queryRows<{ placed: PlacedRow | string }>(
        'SELECT comptoir_place_reservation($1::int, $2::int, $3::int[], $4::int[], $5::text, $6::text, $7::int, $8::int, $9::text) AS placed',
        [customerId, storeId, skus, quantities, idempotencyKey, newPickupCode(), maxActive, maxUnitsPerSku, input.locale ?? DEFAULT_LOCALE],
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
  const [row] = await db
    .select({
      id: reservations.id,
      code: reservations.code,
      expiresAt: reservations.expiresAt,
      customerId: reservations.customerId,
      storeId: reservations.storeId,
    })
    .from(reservations)
    .where(eq(reservations.idempotencyKey, key));
  if (!row) return null;
  if (row.customerId !== customerId) throw new IdempotencyKeyReusedError();
  return { id: row.id, code: row.code, expiresAt: row.expiresAt, storeId: row.storeId, replayed: true };
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
  return tx
    .select({ skuId: reservationLines.skuId, quantity: reservationLines.quantity, unitPriceCents: reservationLines.unitPriceCents })
    .from(reservationLines)
    .where(eq(reservationLines.reservationId, reservationId))
    .orderBy(asc(reservationLines.id));
}

type Scope = { storeId: number } | { customerId: number };

function inScope(scope: Scope) {
  return 'storeId' in scope ? eq(reservations.storeId, scope.storeId) : eq(reservations.customerId, scope.customerId);
}

/** Open: placed or ready, its deadline still ahead (the condition every transition out of it re-checks). */
const open = () => and(inArray(reservations.status, ['placed', 'ready']), gt(reservations.expiresAt, sql`now()`));

/**
 * Why a conditional transition changed nothing: unknown to this scope (404), or in another state.
 * An open reservation past its deadline is expired on the spot, so the answer is the truth.
 */
async function refuse(reservationId: number, scope: Scope): Promise<never> {
  const db = await getDb();
  const [row] = await db
    .select({ status: reservations.status, lapsed: sql<boolean>`(${reservations.status} IN ('placed', 'ready') AND ${reservations.expiresAt} <= now())` })
    .from(reservations)
    .where(and(eq(reservations.id, reservationId), inScope(scope)));
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
  // Raw SQL: UPDATE … FROM the stores (lib/stores/read.ts), the new deadline computed from the store's hold in the same conditional statement.
  const r = await transaction(async (tx) => {
    const updated = await tx.execute<{ expires_at: Date | string }>(sql`
      UPDATE reservations r
      SET status = 'ready', ready_at = now(), updated_at = now(), updated_by = ${input.actorId},
          expires_at = now() + make_interval(hours => s.reservation_hold_hours)
      FROM ${storeRowsSql} s
      WHERE r.id = ${input.reservationId} AND r.store_id = ${input.storeId} AND s.location_id = r.store_id
        AND r.status = 'placed' AND r.expires_at > now()
      RETURNING r.expires_at`);
    // The shopper hears it is ready with the status change, in the same commit.
    if (updated.rows.length > 0) await queueReservationReady(tx, input.reservationId);
    return updated;
  });
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
    const [row] = await tx
      .update(reservations)
      .set({ status: 'collected', collectedAt: sql`now()`, updatedAt: sql`now()`, updatedBy: input.actorId })
      .where(and(eq(reservations.id, input.reservationId), eq(reservations.storeId, input.storeId), open()))
      .returning({ customerId: reservations.customerId });
    if (!row) return null;
    const lines = await linesOf(tx, input.reservationId);
    await takeHeldStock(tx, input.storeId, lines, { actorId: input.actorId, note: `Click & reserve #${input.reservationId}` });
    const sale = await recordStoreSale(tx, {
      storeId: input.storeId,
      customerId: row.customerId,
      staffId: input.actorId,
      reservationId: input.reservationId,
      lines,
    });
    // Paid at the desk: a shop purchase, so it earns points in the store channel (members only).
    await earnPoints(tx, {
      customerId: row.customerId,
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
    const [row] = await tx
      .update(reservations)
      .set({ status: 'cancelled', cancelledAt: sql`now()`, updatedAt: sql`now()`, updatedBy: actorId })
      .where(and(eq(reservations.id, reservationId), inScope(scope), open()))
      .returning({ storeId: reservations.storeId });
    if (!row) return false;
    await releaseStock(tx, row.storeId, await linesOf(tx, reservationId));
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
  const only = opts.ids ? sql`AND id = ANY(${intArray(opts.ids)}::int[])` : sql``;
  return transaction(async (tx) => {
    // Raw SQL: a CTE takes the due rows FOR UPDATE SKIP LOCKED (several sweepers), the UPDATE re-checks them.
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
    const lines = await tx
      .select({ storeId: reservations.storeId, skuId: reservationLines.skuId, n: sql<number>`sum(${reservationLines.quantity})::int` })
      .from(reservationLines)
      .innerJoin(reservations, eq(reservations.id, reservationLines.reservationId))
      .where(
        inArray(
          reservations.id,
          due.rows.map((r) => r.id),
        ),
      )
      .groupBy(reservations.storeId, reservationLines.skuId)
      .orderBy(reservations.storeId, reservationLines.skuId);
    const byStore = new Map<number, HoldLine[]>();
    for (const l of lines) {
      const list = byStore.get(l.storeId) ?? [];
      list.push({ skuId: l.skuId, quantity: l.n });
      byStore.set(l.storeId, list);
    }
    for (const [storeId, storeLines] of byStore) await releaseStock(tx, storeId, storeLines);
    return { expired: due.rows.length };
  });
}
