import 'server-only';
import { sql } from 'drizzle-orm';
import type { Db } from '@/lib/db';
import { normalizeOrderNumber } from '@/lib/orders/order-number';
import { returnsConfig } from './config';
import { OrderNotReturnableError, ReturnOrderNotFoundError, ReturnPeriodOverError } from './errors';
import type { RefundMethod } from './schema';

/** What returns need of an order, read (and locked) in the caller's transaction. */
export type ReturnOrder = {
  id: number;
  number: string;
  customer_id: number;
  mode: 'delivery' | 'drive';
  status: string;
  subtotal_cents: number;
  discount_cents: number;
  payment_provider: string;
  payment_reference: string | null;
  /** When it was delivered or collected (the return period runs from here); null before that. */
  completed_at: string | null;
  deadline: string | null;
  within_period: boolean;
};

/**
 * The order, locked FOR NO KEY UPDATE: the returns of one order queue on it, so the refunds'
 * running totals (what was already refunded) are read one return at a time.
 */
export async function lockReturnOrder(tx: Db, where: { number?: string; id?: number; customerId?: number }): Promise<ReturnOrder> {
  const number = where.number === undefined ? undefined : normalizeOrderNumber(where.number);
  if (number !== undefined && !/^CMD-[A-Z0-9]{8}$/.test(number)) throw new ReturnOrderNotFoundError();
  if (where.id !== undefined && !(Number.isSafeInteger(where.id) && where.id > 0 && where.id <= 2_147_483_647)) throw new ReturnOrderNotFoundError();
  const days = returnsConfig().windowDays;
  const r = await tx.execute<ReturnOrder>(sql`
    WITH o AS (
      SELECT o.* FROM orders o
      WHERE ${number !== undefined ? sql`o.number = ${number}` : sql`o.id = ${where.id ?? 0}`}
        ${where.customerId !== undefined ? sql`AND o.customer_id = ${where.customerId}` : sql``}
      FOR NO KEY UPDATE
    )
    SELECT o.id, o.number, o.customer_id, o.mode, o.status, o.subtotal_cents, o.discount_cents, o.payment_provider, o.payment_reference,
           c.at AS completed_at, c.at + make_interval(days => ${days}::int) AS deadline,
           c.at IS NOT NULL AND now() <= c.at + make_interval(days => ${days}::int) AS within_period
    FROM o
    LEFT JOIN LATERAL (
      SELECT max(e.at) AS at FROM order_events e WHERE e.order_id = o.id AND e.kind IN ('delivered', 'collected')
    ) c ON true`);
  const order = r.rows[0];
  if (!order) throw new ReturnOrderNotFoundError();
  return order;
}

/** Delivered or collected, and still within the return period: else the refusal that says why. */
export function assertReturnable(order: ReturnOrder): void {
  if (!['delivered', 'collected'].includes(order.status) || !order.completed_at) throw new OrderNotReturnableError();
  if (!order.within_period) throw new ReturnPeriodOverError(new Date(order.deadline!), returnsConfig().windowDays);
}

/** The last moment a booked drop-off may start: the end of the return period plus the days offered ahead. */
export function lastDropOff(order: ReturnOrder): Date {
  return new Date(new Date(order.deadline!).getTime() + returnsConfig().daysAhead * 24 * 60 * 60 * 1000);
}

/** "Back to how I paid": the card, or — for a drive order paid at pickup — the desk's till. */
export function originalRefundMethod(order: ReturnOrder): RefundMethod {
  return order.payment_provider === 'at_pickup' ? 'desk' : 'card';
}
