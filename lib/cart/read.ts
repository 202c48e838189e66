import 'server-only';
import { and, asc, gt, gte, isNotNull, lt, max, sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import { getDb } from '@/lib/db';
import { cartLines, carts } from './schema';

/*
 * What the other domains may read of carts: the signed-in shoppers' carts left idle, their lines,
 * and whether a cart is still as it was read (messages' cart reminders, a set-wise batch job). They
 * call these instead of naming `carts` or `cart_lines` themselves (lib/db/boundaries.test.ts
 * checks), so a change to how carts are kept is made here.
 *
 * Typed SQL fragments for the reminder's one statement, and a function for the batch's end. They
 * name the tables in full inside their own parentheses, so they cannot collide with the caller's
 * aliases.
 */

export type IdleCarts = { after: number; batch: number; idleHours: number; maxAgeDays: number };

/** The signed-in shoppers' carts untouched for `idleHours` and not older than `maxAgeDays`, after `after`, by id. */
function idleWhere(w: IdleCarts): SQL {
  return and(
    isNotNull(carts.customerId),
    gt(carts.id, w.after),
    lt(carts.updatedAt, sql`now() - make_interval(hours => ${w.idleHours})`),
    gte(carts.updatedAt, sql`now() - make_interval(days => ${w.maxAgeDays})`),
  )!;
}

/**
 * A batch of idle customer carts as a row source — `FROM ${idleCustomerCartsSql(w)} c` — with the
 * columns id, customer_id and updated_at, the first `batch` by id.
 */
export function idleCustomerCartsSql(w: IdleCarts): SQL {
  return sql`(SELECT ${carts.id} AS id, ${carts.customerId} AS customer_id, ${carts.updatedAt} AS updated_at
              FROM ${carts} WHERE ${idleWhere(w)} ORDER BY ${carts.id} LIMIT ${w.batch})`;
}

/** The last cart id of that batch (null when it is empty): the next batch starts after it. */
export async function lastIdleCustomerCartId(w: IdleCarts): Promise<number | null> {
  const db = await getDb();
  const due = db.select({ id: carts.id }).from(carts).where(idleWhere(w)).orderBy(asc(carts.id)).limit(w.batch).as('due');
  const [row] = await db.select({ last: max(due.id) }).from(due);
  return row?.last ?? null;
}

/** Cart lines as a row source: cart_id, sku_id, quantity, added_at. */
export const cartLinesSql: SQL = sql`(SELECT ${cartLines.cartId} AS cart_id, ${cartLines.skuId} AS sku_id,
    ${cartLines.quantity} AS quantity, ${cartLines.addedAt} AS added_at FROM ${cartLines})`;

/** Whether the cart is still as it was when read: it exists and was last changed at `updatedAt`. */
export function cartUnchanged(cartId: SQLWrapper, updatedAt: SQLWrapper): SQL<boolean> {
  return sql<boolean>`EXISTS (SELECT 1 FROM ${carts} WHERE ${carts.id} = ${cartId} AND ${carts.updatedAt} = ${updatedAt})`;
}
