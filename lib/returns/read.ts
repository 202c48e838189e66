import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import { returns } from './schema';

/*
 * What the other domains may read of returns: a customer's returns (the account timeline). They
 * call this instead of naming `returns` or its other tables themselves (lib/db/boundaries.test.ts
 * checks).
 */

/**
 * A customer's returns as a row source — `FROM ${customerReturnsSql(id)} r` — with the columns id,
 * customer_id, order_id, store_id, code, status, refund_cents and booked_at. PostgreSQL flattens it
 * into the caller's query, so the caller's keyset condition and LIMIT still walk its index.
 */
export function customerReturnsSql(customerId: number): SQL {
  return sql`(SELECT id, customer_id, order_id, store_id, code, status, refund_cents, booked_at
              FROM ${returns} WHERE customer_id = ${customerId})`;
}
