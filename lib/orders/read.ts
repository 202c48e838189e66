import 'server-only';
import { and, asc, eq, inArray, sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import { dateOrNull, getDb, type Db, type Tx } from '@/lib/db';
import { orderEvents, orderLines, orders, type OrderMode, type OrderStatus } from './schema';

/*
 * What the other domains may read of orders: returns (the order a return is made against, its
 * lines and its payment), customers (the account timeline), loyalty (the order an entry was
 * earned on) and messages (what a shopper bought online since). They call these instead of naming
 * `orders`, `order_lines` or `order_events` themselves (lib/db/boundaries.test.ts checks), so a
 * change to how orders are kept is made here. Mostly functions; a few typed SQL fragments for the
 * statements that must stay one statement (a keyset-paged UNION, a set-wise batch job), where a
 * call per row would not do. The fragments name the tables in full, so they cannot collide with
 * the caller's aliases.
 */

const MAX_INT = 2_147_483_647;
const validId = (id: number) => Number.isSafeInteger(id) && id > 0 && id <= MAX_INT;

/** The kinds of event after which an order is done (and the return period starts). */
const COMPLETED = sql`${orderEvents.kind} IN ('delivered', 'collected')`;

// --- Fragments, for another domain's single statement -------------------------------------------

/**
 * A customer's orders as a row source — `FROM ${customerOrdersSql(id)} o` — with the columns the
 * account timeline shows. PostgreSQL flattens it into the caller's query, so the caller's keyset
 * condition and LIMIT still walk the (customer_id, placed_at) index.
 */
export function customerOrdersSql(customerId: number): SQL {
  return sql`(SELECT id, number, mode, status, location_id, placed_at_store_id, total_cents, placed_at, customer_id
              FROM ${orders} WHERE customer_id = ${customerId})`;
}

/** The number of the order a row points at (null when it points at none). */
export function orderNumberOf(orderId: SQLWrapper): SQL<string | null> {
  return sql<string | null>`(SELECT ${orders.number} FROM ${orders} WHERE ${orders.id} = ${orderId})`;
}

/** Whether the customer ordered this SKU online — an order not cancelled — at `since` or later. */
export function boughtOnlineSince(customerId: SQLWrapper, skuId: SQLWrapper, since: SQLWrapper): SQL<boolean> {
  return sql<boolean>`EXISTS (
    SELECT 1 FROM ${orders} JOIN ${orderLines} ON ${orderLines.orderId} = ${orders.id}
    WHERE ${orders.customerId} = ${customerId} AND ${orderLines.skuId} = ${skuId}
      AND ${orders.status} <> 'cancelled' AND ${orders.placedAt} >= ${since})`;
}

/** The language the shopper ordered in ('fr' or 'en'), for a message another domain writes about the order. */
export function orderLocaleOf(orderId: SQLWrapper): SQL<string | null> {
  return sql<string | null>`(SELECT ${orders.locale} FROM ${orders} WHERE ${orders.id} = ${orderId})`;
}

/**
 * The units a line handed over: all of them, or those found at drive picking (lib/orders/picking.ts;
 * an accepted substitute is a line of its own). What returns may take back and refund.
 */
const handedQuantity = sql<number>`COALESCE(${orderLines.pickedQuantity}, ${orderLines.quantity})`.mapWith(Number);

/** Every order line as a row source — `JOIN ${orderLineRowsSql} ol ON ol.id = …` — with id, order_id, sku_id, quantity, unit_price_cents. */
export const orderLineRowsSql: SQL = sql`(SELECT ${orderLines.id} AS id, ${orderLines.orderId} AS order_id, ${orderLines.skuId} AS sku_id,
    COALESCE(${orderLines.pickedQuantity}, ${orderLines.quantity}) AS quantity, ${orderLines.unitPriceCents} AS unit_price_cents FROM ${orderLines})`;

// --- Functions ------------------------------------------------------------------------------------

/** Order numbers by id, for the rows of another domain that point at orders. */
export async function getOrderNumbers(ids: readonly number[]): Promise<Map<number, string>> {
  const wanted = [...new Set(ids.filter(validId))];
  if (wanted.length === 0) return new Map();
  const db = await getDb();
  const rows = await db.select({ id: orders.id, number: orders.number }).from(orders).where(inArray(orders.id, wanted));
  return new Map(rows.map((r) => [r.id, r.number]));
}

/** How an order was paid: what a refund goes back through. Null when there is no such order. */
export async function getOrderPayment(orderId: number, db?: Db): Promise<{ provider: string; reference: string | null } | null> {
  if (!validId(orderId)) return null;
  const [row] = await (db ?? (await getDb()))
    .select({ provider: orders.paymentProvider, reference: orders.paymentReference })
    .from(orders)
    .where(eq(orders.id, orderId));
  return row ?? null;
}

export type OrderFacts = {
  id: number;
  number: string;
  customerId: number;
  mode: OrderMode;
  status: OrderStatus;
  subtotalCents: number;
  discountCents: number;
  paymentProvider: string;
  paymentReference: string | null;
  /** Paid from the wallet when placed (lib/wallet): a refund gives that part back to the wallet. */
  walletCents: number;
  /** When it was delivered or collected; null before that. */
  completedAt: Date | null;
  /** The end of `periodDays` from completedAt (PostgreSQL's calendar days); null before completion. */
  periodEndsAt: Date | null;
  /** Completed, and the database's clock is not past periodEndsAt. */
  withinPeriod: boolean;
};

export type OrderWhere = { number: string; customerId?: number } | { id: number; customerId?: number };

function factsQuery(db: Db, where: OrderWhere, periodDays: number) {
  const completedAt = sql`(SELECT max(${orderEvents.at}) FROM ${orderEvents} WHERE ${orderEvents.orderId} = ${orders.id} AND ${COMPLETED})`;
  const periodEndsAt = sql`${completedAt} + make_interval(days => ${periodDays}::int)`;
  return db
    .select({
      id: orders.id,
      number: orders.number,
      customerId: orders.customerId,
      mode: orders.mode,
      status: orders.status,
      subtotalCents: orders.subtotalCents,
      discountCents: orders.discountCents,
      paymentProvider: orders.paymentProvider,
      paymentReference: orders.paymentReference,
      walletCents: orders.walletCents,
      completedAt: dateOrNull(completedAt),
      periodEndsAt: dateOrNull(periodEndsAt),
      withinPeriod: sql<boolean>`coalesce(now() <= ${periodEndsAt}, false)`,
    })
    .from(orders)
    .where(
      and(
        'number' in where ? eq(orders.number, where.number) : eq(orders.id, where.id),
        where.customerId === undefined ? undefined : eq(orders.customerId, where.customerId),
      ),
    );
}

/**
 * The order, locked FOR NO KEY UPDATE in the caller's transaction — the returns of one order
 * queue on it, so what was already refunded is read one return at a time — with when it was
 * completed and whether a period of `periodDays` from then still runs. Null when there is no such
 * order (or it is not this customer's).
 */
export async function lockOrderFacts(tx: Tx, where: OrderWhere, opts: { periodDays: number }): Promise<OrderFacts | null> {
  const [row] = await factsQuery(tx, where, opts.periodDays).for('no key update', { of: orders });
  return row ?? null;
}

/** The same, unlocked (the returns desk asks lib/auth whose order it is). */
export async function findOrderFacts(where: OrderWhere, opts: { periodDays: number }): Promise<OrderFacts | null> {
  const [row] = await factsQuery(await getDb(), where, opts.periodDays);
  return row ?? null;
}

export type OrderLineFacts = { id: number; orderId: number; skuId: number; quantity: number; unitPriceCents: number };

const lineFacts = {
  id: orderLines.id,
  orderId: orderLines.orderId,
  skuId: orderLines.skuId,
  quantity: handedQuantity,
  unitPriceCents: orderLines.unitPriceCents,
};

/** Order lines by id: what was bought, how many and at what price. */
export async function getOrderLineFacts(db: Db, ids: readonly number[]): Promise<Map<number, OrderLineFacts>> {
  const wanted = [...new Set(ids.filter(validId))];
  if (wanted.length === 0) return new Map();
  const rows = await db.select(lineFacts).from(orderLines).where(inArray(orderLines.id, wanted));
  return new Map(rows.map((r) => [r.id, r]));
}

/** Order lines in line order: of one order, or by id. What each SKU is, the catalogue says (lib/catalog/read.ts). */
export async function getOrderLines(which: { orderId: number } | { ids: readonly number[] }): Promise<OrderLineFacts[]> {
  const ids = 'ids' in which ? [...new Set(which.ids.filter(validId))] : [];
  if ('ids' in which ? ids.length === 0 : !validId(which.orderId)) return [];
  const db = await getDb();
  return db
    .select(lineFacts)
    .from(orderLines)
    .where('ids' in which ? inArray(orderLines.id, ids) : and(eq(orderLines.orderId, which.orderId), sql`${handedQuantity} > 0`))
    .orderBy(asc(orderLines.id));
}

/** Number and mode of orders by id, for lists of another domain's rows that name their order. */
export async function getOrderSummaries(ids: readonly number[]): Promise<Map<number, { number: string; mode: OrderMode }>> {
  const wanted = [...new Set(ids.filter(validId))];
  if (wanted.length === 0) return new Map();
  const db = await getDb();
  const rows = await db.select({ id: orders.id, number: orders.number, mode: orders.mode }).from(orders).where(inArray(orders.id, wanted));
  return new Map(rows.map((r) => [r.id, { number: r.number, mode: r.mode }]));
}
