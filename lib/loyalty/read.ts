import 'server-only';
import { sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import { loyaltyEntries } from './schema';

/*
 * What the other domains may read of the points ledger: the points earned and spent on an order
 * or a sale (the order page, the account timeline) and a customer's own entries (the timeline).
 * They call these instead of naming `loyalty_entries` themselves (lib/db/boundaries.test.ts
 * checks); points change only through lib/loyalty's commands.
 *
 * Typed SQL fragments, for statements that must stay one statement (a keyset-paged UNION, a list
 * with its aggregates). They name the table in full inside their own parentheses, so they cannot
 * collide with the caller's aliases.
 */

/**
 * The points earned and spent on one order or sale, as a one-row source for a lateral join —
 * `LEFT JOIN LATERAL ${pointsOnSql('order', sql`o.id`, sql`o.customer_id`)} p ON true` — with the
 * columns earned and spent (null when there were none).
 */
export function pointsOnSql(on: 'order' | 'sale', id: SQLWrapper, customerId: SQLWrapper): SQL {
  const key = on === 'order' ? loyaltyEntries.orderId : loyaltyEntries.saleId;
  return sql`(SELECT sum(${loyaltyEntries.points}) FILTER (WHERE ${loyaltyEntries.kind} = 'earn')::int AS earned,
                     sum(${loyaltyEntries.points}) FILTER (WHERE ${loyaltyEntries.kind} = 'redeem')::int AS spent
              FROM ${loyaltyEntries} WHERE ${key} = ${id} AND ${loyaltyEntries.customerId} = ${customerId})`;
}

/** The points earned on an order (0 when none), as a scalar subquery. */
export function pointsEarnedOnOrder(orderId: SQLWrapper): SQL<number> {
  return sql<number>`(SELECT COALESCE(sum(${loyaltyEntries.points}), 0)::int FROM ${loyaltyEntries}
    WHERE ${loyaltyEntries.orderId} = ${orderId} AND ${loyaltyEntries.kind} = 'earn')`;
}

/**
 * A customer's ledger entries as a row source — `FROM ${customerEntriesSql(id)} e` — with the
 * columns id, customer_id, kind, points, store_id, order_id, sale_id, note and created_at.
 * PostgreSQL flattens it into the caller's query, so the caller's keyset condition and LIMIT still
 * walk the (customer_id, created_at) index.
 */
export function customerEntriesSql(customerId: number): SQL {
  return sql`(SELECT id, customer_id, kind, points, store_id, order_id, sale_id, note, created_at
              FROM ${loyaltyEntries} WHERE customer_id = ${customerId})`;
}
