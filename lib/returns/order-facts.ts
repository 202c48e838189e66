import 'server-only';
import type { Tx } from '@/lib/db';
import { normalizeOrderNumber } from '@/lib/orders/order-number';
import { lockOrderFacts, type OrderFacts } from '@/lib/orders/read';
import { returnsConfig } from './config';
import { OrderNotReturnableError, ReturnOrderNotFoundError, ReturnPeriodOverError } from './errors';
import type { RefundMethod } from './schema';

/** What returns need of an order, read (and locked) in the caller's transaction: its facts, the return period's end. */
export type ReturnOrder = OrderFacts;

/**
 * The order, locked (lib/orders/read.ts): the returns of one order queue on it, so the refunds'
 * running totals (what was already refunded) are read one return at a time.
 */
export async function lockReturnOrder(tx: Tx, where: { number?: string; id?: number; customerId?: number }): Promise<ReturnOrder> {
  const number = where.number === undefined ? undefined : normalizeOrderNumber(where.number);
  if (number !== undefined && !/^CMD-[A-Z0-9]{8}$/.test(number)) throw new ReturnOrderNotFoundError();
  if (where.id !== undefined && !(Number.isSafeInteger(where.id) && where.id > 0 && where.id <= 2_147_483_647)) throw new ReturnOrderNotFoundError();
  const order = await lockOrderFacts(
    tx,
    number !== undefined ? { number, customerId: where.customerId } : { id: where.id ?? 0, customerId: where.customerId },
    { periodDays: returnsConfig().windowDays },
  );
  if (!order) throw new ReturnOrderNotFoundError();
  return order;
}

/** Delivered or collected, and still within the return period: else the refusal that says why. */
export function assertReturnable(order: ReturnOrder): void {
  if (!['delivered', 'collected'].includes(order.status) || !order.completedAt) throw new OrderNotReturnableError();
  if (!order.withinPeriod) throw new ReturnPeriodOverError(order.periodEndsAt!, returnsConfig().windowDays);
}

/** The last moment a booked drop-off may start: the end of the return period plus the days offered ahead. */
export function lastDropOff(order: ReturnOrder): Date {
  return new Date(order.periodEndsAt!.getTime() + returnsConfig().daysAhead * 24 * 60 * 60 * 1000);
}

/** "Back to how I paid": the card, or — for a drive order paid at pickup — the desk's till. */
export function originalRefundMethod(order: ReturnOrder): RefundMethod {
  return order.paymentProvider === 'at_pickup' ? 'desk' : 'card';
}
