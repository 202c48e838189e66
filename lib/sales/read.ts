import 'server-only';
import { sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import { saleLines, sales } from './schema';

/*
 * What the other domains may read of store sales: a customer's sales (the account timeline) and
 * whether they bought a SKU in a shop since a moment (cart reminders leave it out). They call these
 * instead of naming `sales` or `sale_lines` themselves (lib/db/boundaries.test.ts checks).
 *
 * Typed SQL fragments, for statements that must stay one statement (a keyset-paged UNION, a
 * set-wise batch job). They name the tables in full, so they cannot collide with the caller's aliases.
 */

/**
 * A customer's sales as a row source — `FROM ${customerSalesSql(id)} sa` — with the columns id,
 * customer_id, store_id, source, reservation_id, total_cents and created_at. PostgreSQL flattens it
 * into the caller's query, so the caller's keyset condition and LIMIT still walk its index.
 */
export function customerSalesSql(customerId: number): SQL {
  return sql`(SELECT id, customer_id, store_id, source, reservation_id, total_cents, created_at
              FROM ${sales} WHERE customer_id = ${customerId})`;
}

/** Whether the customer bought this SKU in a shop (a sale with their account) at `since` or later. */
export function boughtInStoreSince(customerId: SQLWrapper, skuId: SQLWrapper, since: SQLWrapper): SQL<boolean> {
  return sql<boolean>`EXISTS (
    SELECT 1 FROM ${sales} JOIN ${saleLines} ON ${saleLines.saleId} = ${sales.id}
    WHERE ${sales.customerId} = ${customerId} AND ${saleLines.skuId} = ${skuId} AND ${sales.createdAt} >= ${since})`;
}
