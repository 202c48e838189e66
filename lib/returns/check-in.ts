import 'server-only';
import { and, asc, eq, inArray, ne, sql } from 'drizzle-orm';
import { getDb, transaction, type Db } from '@/lib/db';
import { restockReturnedUnits, type RestockedUnit } from '@/lib/inventory/restock';
import { reversePoints } from '@/lib/loyalty/commands';
import { getOrderLineFacts, getOrderPayment } from '@/lib/orders/read';
import { getPaymentProviderById } from '@/lib/payments';
import { isReturnsDesk } from '@/lib/stores/read';
import { addEvent, assertKey, insertLines, insertReturn, lockReturn, validateLines, type ReturnLineInput } from './commands';
import { InvalidReturnError, NoReturnsDeskError, RefundNotRetryableError, ReturnNotFoundError, ReturnStateError } from './errors';
import { assertReturnable, lockReturnOrder, originalRefundMethod, type ReturnOrder } from './order-facts';
import { queueRefundConfirmation } from './messages';
import { refundCentsFor } from './refund';
import { returnRefusal } from './refusals';
import { LINE_OUTCOMES, returnLines, returns, type LineOutcome, type RefundMethod, type RefundState, type ReturnStatus } from './schema';
import { creditStoreCredit } from '@/lib/wallet/commands';
import { walletRefundedForOrder, walletRefundOfReturn } from '@/lib/wallet/read';

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

type Line = { id: number; orderLineId: number; quantity: number; skuId: number; unitPriceCents: number };

function assertStaff(storeId: number, actorId: number): void {
  if (!Number.isSafeInteger(storeId) || storeId <= 0 || storeId > 2_147_483_647) throw new ReturnNotFoundError();
  if (!Number.isSafeInteger(actorId) || actorId <= 0) throw new Error('actorId must be the signed-in staff member');
}

function checkDecisions(lines: Line[], decisions: LineDecision[]): Map<number, { outcome: LineOutcome; reason: string | null }> {
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
  const returned = await tx
    .select({ id: returnLines.id, orderLineId: returnLines.orderLineId, quantity: returnLines.quantity })
    .from(returnLines)
    .where(eq(returnLines.returnId, ret.id))
    .orderBy(asc(returnLines.orderLineId));
  const bought = await getOrderLineFacts(
    tx,
    returned.map((l) => l.orderLineId),
  );
  const lines: Line[] = returned.map((l) => ({ ...l, skuId: bought.get(l.orderLineId)!.skuId, unitPriceCents: bought.get(l.orderLineId)!.unitPriceCents }));
  const decided = checkDecisions(lines, decisions);
  for (const l of lines) {
    const d = decided.get(l.id)!;
    await tx.update(returnLines).set({ outcome: d.outcome, refusalReason: d.reason }).where(eq(returnLines.id, l.id));
  }
  const kept = lines.filter((l) => decided.get(l.id)!.outcome !== 'refused');
  const anyRefused = kept.length < lines.length;

  // What earlier returns of this order refunded: read under the order's lock, so two desks
  // checking in two returns of one order add up one after the other.
  const earlier = await tx
    .select({ orderLineId: returnLines.orderLineId, quantity: returnLines.quantity })
    .from(returnLines)
    .innerJoin(returns, eq(returns.id, returnLines.returnId))
    .where(
      and(
        eq(returns.orderId, order.id),
        ne(returns.id, ret.id),
        inArray(returns.status, ['received', 'refunded', 'partially_refunded']),
        inArray(returnLines.outcome, ['resellable', 'damaged']),
      ),
    );
  const prices = await getOrderLineFacts(
    tx,
    earlier.map((l) => l.orderLineId),
  );
  const goodsBefore = earlier.reduce((sum, l) => sum + prices.get(l.orderLineId)!.unitPriceCents * l.quantity, 0);
  const goodsNow = kept.reduce((sum, l) => sum + l.unitPriceCents * l.quantity, 0);
  const refundCents = refundCentsFor(goodsBefore, goodsNow, order.subtotalCents, order.discountCents);

  const resellable = lines.filter((l) => decided.get(l.id)!.outcome === 'resellable');
  const restocked = await restockReturnedUnits(
    tx,
    ret.store_id,
    resellable.map((l) => ({ skuId: l.skuId, quantity: l.quantity })),
    { actorId, note: `return ${ret.code}`, key: `return:${ret.id}` },
  );

  const points =
    refundCents > 0
      ? await reversePoints(tx, {
          customerId: order.customerId,
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
      customerId: order.customerId,
      amountCents: refundCents,
      key: `return:${ret.id}:credit`,
      returnId: ret.id,
      note: ret.code,
    });
    refundState = 'succeeded';
    reference = `credit:${credit.entryId}`;
  } else if (refundCents > 0) {
    // What the wallet paid goes back to the wallet first (as store credit); the card or the desk gives the rest.
    const walletBack = Math.min(refundCents, order.walletCents - (await walletRefundedForOrder(tx, order.id)));
    if (walletBack > 0) {
      const credit = await creditStoreCredit(tx, {
        customerId: order.customerId,
        amountCents: walletBack,
        kind: 'refund',
        key: `return:${ret.id}:wallet`,
        orderId: order.id,
        returnId: ret.id,
        note: ret.code,
      });
      reference = `credit:${credit.entryId}`;
    }
    if (walletBack === refundCents) refundState = 'succeeded';
    else {
      status = 'received';
      refundState = 'pending';
    }
  }

  const updated = await tx
    .update(returns)
    .set({
      status,
      refundMethod,
      refundCents,
      refundState,
      refundReference: reference,
      pointsReversed: points.reversedEarned,
      pointsShortfall: points.shortfall,
      receivedAt: sql`now()`,
      receivedBy: actorId,
      refundedAt: refundState === 'succeeded' ? sql`now()` : null,
      updatedAt: sql`now()`,
    })
    .where(and(eq(returns.id, ret.id), eq(returns.status, 'booked')))
    .returning({ id: returns.id });
  if (updated.length === 0) throw new Error(`return ${ret.code} left 'booked' under its own lock`);
  await addEvent(tx, ret.id, 'received', actorId);
  if (finalStatus === 'refused') await addEvent(tx, ret.id, 'refused', actorId);
  else if (status !== 'received') await addEvent(tx, ret.id, 'refunded', actorId, refundCents > 0 ? refundMethod : null);
  if (refundState === 'succeeded') await queueRefundConfirmation(tx, ret.id);

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
    const [method] = await tx.select({ refundMethod: returns.refundMethod }).from(returns).where(eq(returns.id, ret.id));
    return receive(tx, ret, order, method!.refundMethod, input.lines, input.actorId);
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
      if (!(await isReturnsDesk(tx, input.storeId))) throw new NoReturnsDeskError();
      const order = await lockReturnOrder(tx, { number: input.orderNumber });
      assertReturnable(order);
      const method = input.refund === 'store_credit' ? 'store_credit' : originalRefundMethod(order);
      const ret = await insertReturn(tx, {
        orderId: order.id,
        customerId: order.customerId,
        storeId: input.storeId,
        windowId: null,
        refundMethod: method,
        key: input.idempotencyKey,
      });
      await insertLines(tx, ret.id, lines);
      await addEvent(tx, ret.id, 'booked', input.actorId, 'walk-in');
      const ids = await tx.select({ id: returnLines.id, orderLineId: returnLines.orderLineId }).from(returnLines).where(eq(returnLines.returnId, ret.id));
      const decisions = input.lines.map((l) => ({
        returnLineId: ids.find((r) => r.orderLineId === l.orderLineId)!.id,
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
  const [row] = await db.select({ code: returns.code, storeId: returns.storeId }).from(returns).where(eq(returns.idempotencyKey, key));
  if (!row) return null;
  if (row.storeId !== storeId) throw new ReturnNotFoundError();
  return readResult(row.code, []);
}

async function readResult(code: string, restocked: RestockedUnit[]): Promise<CheckInResult> {
  const db = await getDb();
  const [x] = await db
    .select({
      id: returns.id,
      code: returns.code,
      status: returns.status,
      refundMethod: returns.refundMethod,
      refundCents: returns.refundCents,
      refundState: returns.refundState,
      refundError: returns.refundError,
      pointsReversed: returns.pointsReversed,
      pointsShortfall: returns.pointsShortfall,
    })
    .from(returns)
    .where(eq(returns.code, code));
  return { ...x!, restocked };
}

/**
 * Asks the provider for a refund this caller has claimed (refund_state 'pending', set under the
 * return's lock by exactly one check-in or retry), with one key per return: a retry after a
 * timeout is the same refund at the provider, never a second one. The outcome is recorded only
 * over 'pending', so it is recorded once.
 */
async function settleRefund(claimed: CheckInResult): Promise<CheckInResult> {
  const db = await getDb();
  const [ret] = await db.select({ orderId: returns.orderId }).from(returns).where(eq(returns.id, claimed.id));
  const payment = (await getOrderPayment(ret!.orderId, db))!;
  let refundId: string;
  try {
    if (!payment.reference) throw Object.assign(new Error('The order has no payment to refund.'), { code: 'payment_not_found' });
    const provider = getPaymentProviderById(payment.provider);
    // The part the wallet did not take back (lib/wallet: given back when the return was received).
    const cardCents = claimed.refundCents - (await walletRefundOfReturn(db, claimed.id));
    refundId = (await provider.refund(payment.reference, cardCents, `return:${claimed.code}:refund`)).refundId;
  } catch (err) {
    const code = typeof (err as { code?: unknown }).code === 'string' ? (err as { code: string }).code : 'refund_error';
    const message = `${code}: ${err instanceof Error ? err.message : String(err)}`.slice(0, 500);
    console.error(`returns: the refund of ${claimed.code} failed`, err);
    await transaction(async (tx) => {
      const r = await tx
        .update(returns)
        .set({ refundState: 'failed', refundError: message, updatedAt: sql`now()` })
        .where(and(eq(returns.id, claimed.id), eq(returns.refundState, 'pending')))
        .returning({ id: returns.id });
      if (r.length > 0) await addEvent(tx, claimed.id, 'refund_failed', null, code);
    });
    return readResult(claimed.code, claimed.restocked);
  }
  await transaction(async (tx) => {
    // Raw SQL: the status is decided in the UPDATE, from the return's lines (any refused: partly refunded).
    const r = await tx.execute(sql`
      UPDATE returns SET refund_state = 'succeeded', refund_reference = ${refundId}, refund_error = NULL, refunded_at = now(), updated_at = now(),
             status = CASE WHEN EXISTS (SELECT 1 FROM return_lines WHERE return_id = ${claimed.id} AND outcome = 'refused')
                           THEN 'partially_refunded' ELSE 'refunded' END
      WHERE id = ${claimed.id} AND refund_state = 'pending' RETURNING id`);
    if (r.rows.length > 0) {
      await addEvent(tx, claimed.id, 'refunded', null, claimed.refundMethod);
      await queueRefundConfirmation(tx, claimed.id);
    }
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
    const [row] = await tx
      .select({
        refundState: returns.refundState,
        refundError: returns.refundError,
        refundCents: returns.refundCents,
        customerId: returns.customerId,
        stale: sql<boolean>`${returns.updatedAt} < now() - make_interval(mins => ${STALE_PENDING_MINUTES})`,
      })
      .from(returns)
      .where(eq(returns.id, ret.id));
    // A refund still 'pending' long after its check-in was never asked for (the process stopped
    // between the commit and the provider's answer): asking again with its key is safe.
    const stuck = row!.refundState === 'pending' && row!.stale;
    if (row!.refundState !== 'failed' && !stuck) throw new RefundNotRetryableError();
    if (!input.asStoreCredit) {
      await tx
        .update(returns)
        .set({ refundState: 'pending', updatedAt: sql`now()` })
        .where(eq(returns.id, ret.id));
      return { code: ret.code, credit: false };
    }
    if (stuck || row!.refundError?.startsWith('payment_unavailable')) throw new RefundNotRetryableError();
    const credit = await creditStoreCredit(tx, {
      customerId: row!.customerId,
      // The wallet already holds its part (given back at check-in): the rest becomes credit.
      amountCents: row!.refundCents - (await walletRefundOfReturn(tx, ret.id)),
      key: `return:${ret.id}:credit`,
      returnId: ret.id,
      note: ret.code,
    });
    // Raw SQL: the status is decided in the UPDATE, from the return's lines (any refused: partly refunded).
    await tx.execute(sql`
      UPDATE returns SET refund_method = 'store_credit', refund_state = 'succeeded', refund_reference = ${`credit:${credit.entryId}`},
             refund_error = NULL, refunded_at = now(), updated_at = now(),
             status = CASE WHEN EXISTS (SELECT 1 FROM return_lines WHERE return_id = ${ret.id} AND outcome = 'refused')
                           THEN 'partially_refunded' ELSE 'refunded' END
      WHERE id = ${ret.id}`);
    await addEvent(tx, ret.id, 'refunded', input.actorId, 'store_credit');
    await queueRefundConfirmation(tx, ret.id);
    return { code: ret.code, credit: true };
  });
  const result = await readResult(claimed.code, []);
  return claimed.credit ? result : settleRefund(result);
}
