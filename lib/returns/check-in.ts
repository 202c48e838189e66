import 'server-only';
import { sql } from 'drizzle-orm';
import { getDb, transaction, type Db } from '@/lib/db';
import { restockReturnedUnits, type RestockedUnit } from '@/lib/inventory/restock';
import { reversePoints } from '@/lib/loyalty/commands';
import { getPaymentProviderById } from '@/lib/payments';
import { addEvent, assertKey, insertLines, insertReturn, lockReturn, validateLines, type ReturnLineInput } from './commands';
import { InvalidReturnError, NoReturnsDeskError, RefundNotRetryableError, ReturnNotFoundError, ReturnStateError } from './errors';
import { assertReturnable, lockReturnOrder, originalRefundMethod, type ReturnOrder } from './order-facts';
import { refundCentsFor } from './refund';
import { returnRefusal } from './refusals';
import { LINE_OUTCOMES, type LineOutcome, type RefundMethod, type RefundState, type ReturnStatus } from './schema';
import { creditStoreCredit } from './store-credit';

/*
 * The returns desk. Checking a return in is one transaction under the return's lock: the pass is
 * consumed (booked → received, a conditional change a second scan cannot repeat), each line is
 * marked resellable, damaged or refused, resellable units go back on this shop's shelf
 * (lib/inventory, a 'return' movement; the stock trigger tells open product pages), the points
 * the refunded goods earned are taken back (lib/loyalty, never below zero, the rest recorded as
 * shortfall) and store credit, when chosen, is credited. A card (or desk) refund is asked of the
 * payment provider after the commit — as orders capture after shipping — with a key per return,
 * and its outcome recorded; a failed one stays visible and can be retried with the same key.
 */

export type LineDecision = { returnLineId: number; outcome: LineOutcome; refusalReason?: string | null };

export type CheckInResult = {
  id: number;
  code: string;
  status: ReturnStatus;
  refundMethod: RefundMethod;
  refundCents: number;
  refundState: RefundState;
  /** The provider's message when the refund failed (staff may retry, or give store credit). */
  refundError: string | null;
  pointsReversed: number;
  pointsShortfall: number;
  restocked: RestockedUnit[];
};

type LineRow = { id: number; order_line_id: number; quantity: number; sku_id: number; unit_price_cents: number };

function assertStaff(storeId: number, actorId: number): void {
  if (!Number.isSafeInteger(storeId) || storeId <= 0 || storeId > 2_147_483_647) throw new ReturnNotFoundError();
  if (!Number.isSafeInteger(actorId) || actorId <= 0) throw new Error('actorId must be the signed-in staff member');
}

function checkDecisions(lines: LineRow[], decisions: LineDecision[]): Map<number, { outcome: LineOutcome; reason: string | null }> {
  if (!Array.isArray(decisions)) throw new InvalidReturnError('undecided');
  const byId = new Map<number, { outcome: LineOutcome; reason: string | null }>();
  for (const d of decisions) {
    if (!lines.some((l) => l.id === d.returnLineId) || byId.has(d.returnLineId)) throw new InvalidReturnError('line_not_in_return');
    if (!LINE_OUTCOMES.includes(d.outcome)) throw new InvalidReturnError('outcome');
    const reason = d.outcome === 'refused' ? (d.refusalReason ?? '').trim().slice(0, 500) : null;
    if (d.outcome === 'refused' && !reason) throw new InvalidReturnError('refusal_reason');
    byId.set(d.returnLineId, { outcome: d.outcome, reason });
  }
  if (byId.size !== lines.length) throw new InvalidReturnError('undecided');
  return byId;
}

/** The desk's work on a locked, booked return (see the file comment). */
async function receive(
  tx: Db,
  ret: { id: number; code: string; store_id: number },
  order: ReturnOrder,
  refundMethod: RefundMethod,
  decisions: LineDecision[],
  actorId: number,
): Promise<CheckInResult> {
  const lines = (
    await tx.execute<LineRow>(sql`
      SELECT rl.id, rl.order_line_id, rl.quantity, ol.sku_id, ol.unit_price_cents
      FROM return_lines rl JOIN order_lines ol ON ol.id = rl.order_line_id
      WHERE rl.return_id = ${ret.id} ORDER BY rl.order_line_id`)
  ).rows;
  const decided = checkDecisions(lines, decisions);
  for (const l of lines) {
    const d = decided.get(l.id)!;
    await tx.execute(sql`UPDATE return_lines SET outcome = ${d.outcome}, refusal_reason = ${d.reason} WHERE id = ${l.id}`);
  }
  const kept = lines.filter((l) => decided.get(l.id)!.outcome !== 'refused');
  const anyRefused = kept.length < lines.length;

  // What earlier returns of this order refunded: read under the order's lock, so two desks
  // checking in two returns of one order add up one after the other.
  const before = await tx.execute<{ goods: number }>(sql`
    SELECT COALESCE(sum(ol.unit_price_cents * rl.quantity), 0)::int AS goods
    FROM return_lines rl JOIN returns r ON r.id = rl.return_id JOIN order_lines ol ON ol.id = rl.order_line_id
    WHERE r.order_id = ${order.id} AND r.id <> ${ret.id} AND r.status IN ('received', 'refunded', 'partially_refunded')
      AND rl.outcome IN ('resellable', 'damaged')`);
  const goodsNow = kept.reduce((sum, l) => sum + l.unit_price_cents * l.quantity, 0);
  const refundCents = refundCentsFor(Number(before.rows[0]!.goods), goodsNow, order.subtotal_cents, order.discount_cents);

  const resellable = lines.filter((l) => decided.get(l.id)!.outcome === 'resellable');
  const restocked = await restockReturnedUnits(
    tx,
    ret.store_id,
    resellable.map((l) => ({ skuId: l.sku_id, quantity: l.quantity })),
    { actorId, note: `return ${ret.code}`, key: `return:${ret.id}` },
  );

  const points =
    refundCents > 0
      ? await reversePoints(tx, {
          customerId: order.customer_id,
          orderId: order.id,
          key: `return:${ret.id}:points`,
          spendCents: refundCents,
          storeId: ret.store_id,
        })
      : { reversedEarned: 0, shortfall: 0 };

  const finalStatus: ReturnStatus = kept.length === 0 ? 'refused' : anyRefused ? 'partially_refunded' : 'refunded';
  let status: ReturnStatus = finalStatus;
  let refundState: RefundState = 'none';
  let reference: string | null = null;
  if (refundCents > 0 && refundMethod === 'store_credit') {
    const credit = await creditStoreCredit(tx, {
      customerId: order.customer_id,
      amountCents: refundCents,
      key: `return:${ret.id}:credit`,
      returnId: ret.id,
      note: ret.code,
    });
    refundState = 'succeeded';
    reference = `credit:${credit.entryId}`;
  } else if (refundCents > 0) {
    status = 'received';
    refundState = 'pending';
  }

  const updated = await tx.execute(sql`
    UPDATE returns SET status = ${status}, refund_method = ${refundMethod}, refund_cents = ${refundCents}, refund_state = ${refundState},
           refund_reference = ${reference}, points_reversed = ${points.reversedEarned}, points_shortfall = ${points.shortfall},
           received_at = now(), received_by = ${actorId},
           refunded_at = ${refundState === 'succeeded' ? sql`now()` : sql`NULL`}, updated_at = now()
    WHERE id = ${ret.id} AND status = 'booked' RETURNING id`);
  if (updated.rows.length === 0) throw new Error(`return ${ret.code} left 'booked' under its own lock`);
  await addEvent(tx, ret.id, 'received', actorId);
  if (finalStatus === 'refused') await addEvent(tx, ret.id, 'refused', actorId);
  else if (status !== 'received') await addEvent(tx, ret.id, 'refunded', actorId, refundCents > 0 ? refundMethod : null);

  return {
    id: ret.id,
    code: ret.code,
    status,
    refundMethod,
    refundCents,
    refundState,
    refundError: null,
    pointsReversed: points.reversedEarned,
    pointsShortfall: points.shortfall,
    restocked,
  };
}

/**
 * The desk checks a booked return in (pass scanned or code typed). Only this shop's returns:
 * another shop's code is ReturnNotFoundError (the action checks the staff member belongs to
 * `storeId` — assertStaffOfStore). A pass already used: ReturnStateError; nothing is written twice.
 */
export async function checkInReturn(input: { storeId: number; actorId: number; code: string; lines: LineDecision[] }): Promise<CheckInResult> {
  assertStaff(input.storeId, input.actorId);
  const result = await transaction({ refusal: returnRefusal }, async (tx) => {
    const ret = await lockReturn(tx, { code: input.code, storeId: input.storeId });
    if (ret.status !== 'booked') throw new ReturnStateError(ret.status, 'checked in again');
    const order = await lockReturnOrder(tx, { id: ret.order_id });
    const method = await tx.execute<{ refund_method: RefundMethod }>(sql`SELECT refund_method FROM returns WHERE id = ${ret.id}`);
    return receive(tx, ret, order, method.rows[0]!.refund_method, input.lines, input.actorId);
  });
  return result.refundState === 'pending' ? settleRefund(result) : result;
}

export type WalkInLineInput = ReturnLineInput & { outcome: LineOutcome; refusalReason?: string | null };

/**
 * A return brought to the desk without a booking: staff find the order by its number, and the
 * return is made and checked in in one transaction (the same rules: delivered or collected,
 * within the return period, never more than bought, this shop has a returns desk). The same key
 * again returns the first result.
 */
export async function walkInReturn(input: {
  storeId: number;
  actorId: number;
  orderNumber: string;
  lines: WalkInLineInput[];
  refund: 'original' | 'store_credit';
  idempotencyKey: string;
}): Promise<CheckInResult> {
  assertStaff(input.storeId, input.actorId);
  assertKey(input.idempotencyKey);
  const replay = await resultByKey(input.idempotencyKey, input.storeId);
  if (replay) return replay;
  const lines = validateLines(input.lines);
  if (input.refund !== 'original' && input.refund !== 'store_credit') throw new InvalidReturnError('refund_method');
  let result: CheckInResult;
  try {
    result = await transaction({ refusal: returnRefusal }, async (tx) => {
      const desk = await tx.execute(sql`SELECT 1 FROM stores WHERE location_id = ${input.storeId} AND returns_desk`);
      if (desk.rows.length === 0) throw new NoReturnsDeskError();
      const order = await lockReturnOrder(tx, { number: input.orderNumber });
      assertReturnable(order);
      const method = input.refund === 'store_credit' ? 'store_credit' : originalRefundMethod(order);
      const ret = await insertReturn(tx, {
        orderId: order.id,
        customerId: order.customer_id,
        storeId: input.storeId,
        windowId: null,
        refundMethod: method,
        key: input.idempotencyKey,
      });
      await insertLines(tx, ret.id, lines);
      await addEvent(tx, ret.id, 'booked', input.actorId, 'walk-in');
      const ids = await tx.execute<{ id: number; order_line_id: number }>(sql`SELECT id, order_line_id FROM return_lines WHERE return_id = ${ret.id}`);
      const decisions = input.lines.map((l) => ({
        returnLineId: ids.rows.find((r) => r.order_line_id === l.orderLineId)!.id,
        outcome: l.outcome,
        refusalReason: l.refusalReason,
      }));
      return receive(tx, { ...ret, store_id: input.storeId }, order, method, decisions, input.actorId);
    });
  } catch (err) {
    // The same walk-in sent twice at once: the other request took it back (and maybe the last returnable unit).
    const first = await resultByKey(input.idempotencyKey, input.storeId).catch(() => null);
    if (first) return first;
    throw err;
  }
  return result.refundState === 'pending' ? settleRefund(result) : result;
}

/**
 * What a walk-in's key already did at this desk, from the database, or null (another shop's: not
 * found). Asked before anything about the present, so a retry answers as the first request did.
 */
export async function findWalkInByKey(key: string, storeId: number): Promise<CheckInResult | null> {
  return resultByKey(key, storeId);
}

async function resultByKey(key: string, storeId: number): Promise<CheckInResult | null> {
  const db = await getDb();
  const r = await db.execute<{ code: string; store_id: number }>(sql`SELECT code, store_id FROM returns WHERE idempotency_key = ${key}`);
  const row = r.rows[0];
  if (!row) return null;
  if (row.store_id !== storeId) throw new ReturnNotFoundError();
  return readResult(row.code, []);
}

async function readResult(code: string, restocked: RestockedUnit[]): Promise<CheckInResult> {
  const db = await getDb();
  const r = await db.execute<{
    id: number;
    code: string;
    status: ReturnStatus;
    refund_method: RefundMethod;
    refund_cents: number;
    refund_state: RefundState;
    refund_error: string | null;
    points_reversed: number;
    points_shortfall: number;
  }>(sql`
    SELECT id, code, status, refund_method, refund_cents, refund_state, refund_error, points_reversed, points_shortfall
    FROM returns WHERE code = ${code}`);
  const x = r.rows[0]!;
  return {
    id: x.id,
    code: x.code,
    status: x.status,
    refundMethod: x.refund_method,
    refundCents: x.refund_cents,
    refundState: x.refund_state,
    refundError: x.refund_error,
    pointsReversed: x.points_reversed,
    pointsShortfall: x.points_shortfall,
    restocked,
  };
}

/**
 * Asks the provider for a refund this caller has claimed (refund_state 'pending', set under the
 * return's lock by exactly one check-in or retry), with one key per return: a retry after a
 * timeout is the same refund at the provider, never a second one. The outcome is recorded only
 * over 'pending', so it is recorded once.
 */
async function settleRefund(claimed: CheckInResult): Promise<CheckInResult> {
  const db = await getDb();
  const o = await db.execute<{ payment_provider: string; payment_reference: string | null }>(sql`
    SELECT o.payment_provider, o.payment_reference FROM returns r JOIN orders o ON o.id = r.order_id WHERE r.id = ${claimed.id}`);
  const order = o.rows[0]!;
  let refundId: string;
  try {
    if (!order.payment_reference) throw Object.assign(new Error('The order has no payment to refund.'), { code: 'payment_not_found' });
    const provider = getPaymentProviderById(order.payment_provider);
    refundId = (await provider.refund(order.payment_reference, claimed.refundCents, `return:${claimed.code}:refund`)).refundId;
  } catch (err) {
    const code = typeof (err as { code?: unknown }).code === 'string' ? (err as { code: string }).code : 'refund_error';
    const message = `${code}: ${err instanceof Error ? err.message : String(err)}`.slice(0, 500);
    console.error(`returns: the refund of ${claimed.code} failed`, err);
    await transaction(async (tx) => {
      const r = await tx.execute(sql`
        UPDATE returns SET refund_state = 'failed', refund_error = ${message}, updated_at = now()
        WHERE id = ${claimed.id} AND refund_state = 'pending' RETURNING id`);
      if (r.rows.length > 0) await addEvent(tx, claimed.id, 'refund_failed', null, code);
    });
    return readResult(claimed.code, claimed.restocked);
  }
  await transaction(async (tx) => {
    const r = await tx.execute(sql`
      UPDATE returns SET refund_state = 'succeeded', refund_reference = ${refundId}, refund_error = NULL, refunded_at = now(), updated_at = now(),
             status = CASE WHEN EXISTS (SELECT 1 FROM return_lines WHERE return_id = ${claimed.id} AND outcome = 'refused')
                           THEN 'partially_refunded' ELSE 'refunded' END
      WHERE id = ${claimed.id} AND refund_state = 'pending' RETURNING id`);
    if (r.rows.length > 0) await addEvent(tx, claimed.id, 'refunded', null, claimed.refundMethod);
  });
  return readResult(claimed.code, claimed.restocked);
}

/** A 'pending' refund older than this was interrupted (see retryReturnRefund). */
const STALE_PENDING_MINUTES = 2;

/**
 * A failed (or interrupted) refund, tried again by the desk with the same key (so a refund that did go through at
 * the provider is not paid twice), or — `asStoreCredit` — given as store credit instead. Credit
 * instead is refused after 'payment_unavailable' or an interruption: the provider may have paid,
 * and only a retry with the same key can tell.
 */
export async function retryReturnRefund(input: { storeId: number; actorId: number; code: string; asStoreCredit?: boolean }): Promise<CheckInResult> {
  assertStaff(input.storeId, input.actorId);
  const claimed = await transaction({ refusal: returnRefusal }, async (tx) => {
    const ret = await lockReturn(tx, { code: input.code, storeId: input.storeId });
    const r = await tx.execute<{ refund_state: RefundState; refund_error: string | null; refund_cents: number; customer_id: number; stale: boolean }>(sql`
      SELECT refund_state, refund_error, refund_cents, customer_id,
             updated_at < now() - make_interval(mins => ${STALE_PENDING_MINUTES}) AS stale
      FROM returns WHERE id = ${ret.id}`);
    const row = r.rows[0]!;
    // A refund still 'pending' long after its check-in was never asked for (the process stopped
    // between the commit and the provider's answer): asking again with its key is safe.
    const stuck = row.refund_state === 'pending' && row.stale;
    if (row.refund_state !== 'failed' && !stuck) throw new RefundNotRetryableError();
    if (!input.asStoreCredit) {
      await tx.execute(sql`UPDATE returns SET refund_state = 'pending', updated_at = now() WHERE id = ${ret.id}`);
      return { code: ret.code, credit: false };
    }
    if (stuck || row.refund_error?.startsWith('payment_unavailable')) throw new RefundNotRetryableError();
    const credit = await creditStoreCredit(tx, {
      customerId: row.customer_id,
      amountCents: row.refund_cents,
      key: `return:${ret.id}:credit`,
      returnId: ret.id,
      note: ret.code,
    });
    await tx.execute(sql`
      UPDATE returns SET refund_method = 'store_credit', refund_state = 'succeeded', refund_reference = ${`credit:${credit.entryId}`},
             refund_error = NULL, refunded_at = now(), updated_at = now(),
             status = CASE WHEN EXISTS (SELECT 1 FROM return_lines WHERE return_id = ${ret.id} AND outcome = 'refused')
                           THEN 'partially_refunded' ELSE 'refunded' END
      WHERE id = ${ret.id}`);
    await addEvent(tx, ret.id, 'refunded', input.actorId, 'store_credit');
    return { code: ret.code, credit: true };
  });
  const result = await readResult(claimed.code, []);
  return claimed.credit ? result : settleRefund(result);
}
