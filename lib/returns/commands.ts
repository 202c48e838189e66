import 'server-only';
import { eq, sql } from 'drizzle-orm';
import { getDb, transaction, type Db } from '@/lib/db';
import { PG_UNIQUE_VIOLATION, pgConstraint, pgErrorCode } from '@/lib/errors';
import { orderNumberOf } from '@/lib/orders/read';
import { newReturnCode, normalizeReturnCode } from './code';
import { returnsConfig } from './config';
import { DropOffTooLateError, InvalidReturnError, ReturnKeyReusedError, ReturnNotFoundError, ReturnStateError } from './errors';
import { assertReturnable, lastDropOff, lockReturnOrder, originalRefundMethod, type ReturnOrder } from './order-facts';
import { queueReturnPass } from './messages';
import { isReturnChangeable } from './permissions';
import { returnRefusal } from './refusals';
import { RETURN_REASONS, returnEvents, returnLines, returns, type RefundMethod, type ReturnEventKind, type ReturnReason, type ReturnStatus } from './schema';

/*
 * The shopper's side of returns: book a drop-off at a shop's returns desk, move it, cancel it.
 * Each is one transaction; the capacity of the window and "never more returned than bought" are
 * the database's (triggers that lock the window or the order line, then count), so two tabs or two
 * shoppers racing cannot break them. A window is a slot of the shared capacity booking (lib/booking):
 * writing a return's window_id or status takes, moves or gives back its place (comptoir_return_claim,
 * lib/db/migrations/0022_capacity_booking.sql); the window itself is found or made, and locked, by
 * comptoir_return_lock_window.
 */

export type ReturnLineInput = { orderLineId: number; quantity: number; reason: ReturnReason };

export type BookReturnInput = {
  /** Resolved by the caller from the session, never from the form. */
  customerId: number;
  orderNumber: string;
  storeId: number;
  /** The chosen window's start (one of listDropOffWindows' `startsAt`). */
  windowStartsAt: string | Date;
  lines: ReturnLineInput[];
  /** 'original': back to the card (or, for an order paid at pickup, at the desk); or store credit. */
  refund: 'original' | 'store_credit';
  idempotencyKey: string;
};

export type BookedReturn = { id: number; code: string; orderNumber: string; replayed: boolean };

export function assertKey(key: string): void {
  if (typeof key !== 'string' || key.length === 0 || key.length > 200) throw new Error('An idempotency key of 1 to 200 characters is required');
}

/** Lines as asked: at least one, whole positive quantities, a known reason, each order line once. */
export function validateLines(lines: ReturnLineInput[]): ReturnLineInput[] {
  if (!Array.isArray(lines) || lines.length === 0) throw new InvalidReturnError('no_lines');
  if (lines.length > 200) throw new InvalidReturnError('too_many_lines');
  const seen = new Set<number>();
  for (const l of lines) {
    if (!Number.isSafeInteger(l.orderLineId) || l.orderLineId <= 0 || l.orderLineId > 2_147_483_647 || seen.has(l.orderLineId)) {
      throw new InvalidReturnError('line_not_in_order');
    }
    seen.add(l.orderLineId);
    if (!Number.isSafeInteger(l.quantity) || l.quantity <= 0 || l.quantity > 10_000) throw new InvalidReturnError('quantity');
    if (!RETURN_REASONS.includes(l.reason)) throw new InvalidReturnError('reason');
  }
  // Order-line order: two returns of one order lock its lines in the same order (no deadlock).
  return [...lines].sort((a, b) => a.orderLineId - b.orderLineId);
}

export function windowStart(value: string | Date): string {
  const d = value instanceof Date ? value : new Date(value);
  if (typeof value === 'string' && !/^\d{4}-\d{2}-\d{2}T/.test(value)) throw new InvalidReturnError('window');
  if (Number.isNaN(d.getTime())) throw new InvalidReturnError('window');
  return d.toISOString();
}

/**
 * The return a booking's key already made, from the database (so also after a restart), or null; a
 * key of another shopper's is refused, not shown. Asked before anything about the present (the
 * order, the window, what is left to return), so a retry answers as the first request did.
 */
export async function findReturnByKey(customerId: number, key: string): Promise<BookedReturn | null> {
  const db = await getDb();
  const [row] = await db
    .select({ id: returns.id, code: returns.code, customerId: returns.customerId, orderNumber: orderNumberOf(returns.orderId) })
    .from(returns)
    .where(eq(returns.idempotencyKey, key));
  if (!row) return null;
  if (row.customerId !== customerId) throw new ReturnKeyReusedError();
  return { id: row.id, code: row.code, orderNumber: row.orderNumber!, replayed: true };
}

/** Locks the window (made on first use), refusing a closed, past, too-far or desk-less one; returns its id. */
async function lockWindow(tx: Db, order: ReturnOrder, storeId: number, startsAt: string): Promise<number> {
  if (new Date(startsAt) > lastDropOff(order)) throw new DropOffTooLateError(lastDropOff(order));
  const { daysAhead, capacityPerHour } = returnsConfig();
  // Raw SQL: a database function (lib/db/sql/current.sql) makes the window on first use and locks it.
  const w = await tx.execute<{ id: number }>(sql`
    SELECT (comptoir_return_lock_window(${storeId}::int, ${startsAt}::timestamptz, ${daysAhead}::int, ${capacityPerHour}::int)).id AS id`);
  return w.rows[0]!.id;
}

/** Inserts the return under a fresh code; a clash with an existing code (rare) draws again. */
export async function insertReturn(
  tx: Db,
  r: { orderId: number; customerId: number; storeId: number; windowId: number | null; refundMethod: RefundMethod; key: string },
): Promise<{ id: number; code: string }> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const code = newReturnCode();
    // A savepoint, so a code clash does not abort the caller's transaction.
    try {
      return await tx.transaction(async (sp) => {
        const [ins] = await sp
          .insert(returns)
          .values({
            code,
            orderId: r.orderId,
            customerId: r.customerId,
            storeId: r.storeId,
            windowId: r.windowId,
            walkIn: r.windowId === null,
            refundMethod: r.refundMethod,
            idempotencyKey: r.key,
          })
          .returning({ id: returns.id });
        return { id: ins!.id, code };
      });
    } catch (err) {
      if (pgErrorCode(err) === PG_UNIQUE_VIOLATION && pgConstraint(err) === 'returns_code_unique') continue;
      throw err;
    }
  }
  throw new Error('Could not draw a free return code');
}

export async function insertLines(tx: Db, returnId: number, lines: ReturnLineInput[]): Promise<void> {
  // One row at a time, in order-line order: each trigger locks its order line, then counts.
  for (const l of lines) {
    await tx.insert(returnLines).values({ returnId, orderLineId: l.orderLineId, quantity: l.quantity, reason: l.reason });
  }
}

export async function addEvent(tx: Db, returnId: number, kind: ReturnEventKind, actorId: number | null, note: string | null = null): Promise<void> {
  await tx.insert(returnEvents).values({ returnId, kind, actorId, note });
}

/**
 * Books a return of the shopper's own delivered or collected order, within its return period, at
 * a shop with a returns desk, in one of the offered drop-off windows. Refusals:
 * ReturnOrderNotFoundError (not theirs), OrderNotReturnableError, ReturnPeriodOverError,
 * InvalidReturnError, ReturnQuantityExceededError, NoReturnsDeskError, DropOffWindowFullError,
 * DropOffWindowClosedError, DropOffWindowPastError, DropOffTooLateError — nothing is written.
 * The same key again returns the first booking (`replayed`).
 */
export async function bookReturn(input: BookReturnInput): Promise<BookedReturn> {
  assertKey(input.idempotencyKey);
  const replay = await findReturnByKey(input.customerId, input.idempotencyKey);
  if (replay) return replay;
  const lines = validateLines(input.lines);
  if (input.refund !== 'original' && input.refund !== 'store_credit') throw new InvalidReturnError('refund_method');
  if (!Number.isSafeInteger(input.storeId) || input.storeId <= 0) throw new InvalidReturnError('shop');
  const startsAt = windowStart(input.windowStartsAt);
  try {
    return await transaction({ refusal: returnRefusal }, async (tx) => {
      const order = await lockReturnOrder(tx, { number: input.orderNumber, customerId: input.customerId });
      assertReturnable(order);
      const windowId = await lockWindow(tx, order, input.storeId, startsAt);
      const refundMethod = input.refund === 'store_credit' ? 'store_credit' : originalRefundMethod(order);
      const created = await insertReturn(tx, {
        orderId: order.id,
        customerId: input.customerId,
        storeId: input.storeId,
        windowId,
        refundMethod,
        key: input.idempotencyKey,
      });
      await insertLines(tx, created.id, lines);
      await addEvent(tx, created.id, 'booked', input.customerId, startsAt);
      // The pass commits with the booking, or not at all.
      await queueReturnPass(tx, created.id);
      return { ...created, orderNumber: order.number, replayed: false };
    });
  } catch (err) {
    // The same booking submitted twice at once: the key's unique index let one through, which may
    // also have taken the window's last place. Its booking is the answer to this one too.
    const first = await findReturnByKey(input.customerId, input.idempotencyKey).catch(() => null);
    if (first) return first;
    throw err;
  }
}

type LockedReturn = { id: number; code: string; order_id: number; customer_id: number; store_id: number; status: ReturnStatus };

/** The return, locked; null when it is not this shopper's (or this store's). */
export async function lockReturn(tx: Db, where: { code: string; customerId?: number; storeId?: number }): Promise<LockedReturn> {
  const code = normalizeReturnCode(where.code);
  if (!code) throw new ReturnNotFoundError();
  // Raw SQL: FOR NO KEY UPDATE, the lock that lets return lines' foreign keys still be checked.
  const r = await tx.execute<LockedReturn>(sql`
    SELECT id, code, order_id, customer_id, store_id, status FROM returns
    WHERE code = ${code}
      ${where.customerId !== undefined ? sql`AND customer_id = ${where.customerId}` : sql``}
      ${where.storeId !== undefined ? sql`AND store_id = ${where.storeId}` : sql``}
    FOR NO KEY UPDATE`);
  const row = r.rows[0];
  if (!row) throw new ReturnNotFoundError();
  return row;
}

/**
 * Moves a booked return to another window of the same shop (the old place is given back in the
 * same transaction), within the same limits as the booking. Only the shopper's own, only while booked.
 */
export async function rescheduleReturn(input: { customerId: number; code: string; windowStartsAt: string | Date }): Promise<{ startsAt: string }> {
  const startsAt = windowStart(input.windowStartsAt);
  return transaction({ refusal: returnRefusal }, async (tx) => {
    const ret = await lockReturn(tx, { code: input.code, customerId: input.customerId });
    if (!isReturnChangeable(ret.status)) throw new ReturnStateError(ret.status, 'moved');
    const order = await lockReturnOrder(tx, { id: ret.order_id });
    const windowId = await lockWindow(tx, order, ret.store_id, startsAt);
    await tx
      .update(returns)
      .set({ windowId, updatedAt: sql`now()` })
      .where(eq(returns.id, ret.id));
    await addEvent(tx, ret.id, 'rescheduled', input.customerId, startsAt);
    return { startsAt };
  });
}

/** The shopper cancels a booked return: its window place and its units are free again. */
export async function cancelReturn(input: { customerId: number; code: string }): Promise<void> {
  await transaction({ refusal: returnRefusal }, async (tx) => {
    const ret = await lockReturn(tx, { code: input.code, customerId: input.customerId });
    if (!isReturnChangeable(ret.status)) throw new ReturnStateError(ret.status, 'cancelled');
    await tx
      .update(returns)
      .set({ status: 'cancelled', cancelledAt: sql`now()`, updatedAt: sql`now()` })
      .where(eq(returns.id, ret.id));
    await addEvent(tx, ret.id, 'cancelled', input.customerId);
  });
}
