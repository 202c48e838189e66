import 'server-only';
import { sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import { reservationLines, reservations } from './schema';

/*
 * What the other domains may read of click & reserve: a customer's reservations and what each is
 * worth (the account timeline). They call these instead of naming `reservations` or
 * `reservation_lines` themselves (lib/db/boundaries.test.ts checks).
 *
 * Typed SQL fragments, for the timeline's keyset-paged UNION, which must stay one statement. They
 * name the tables in full, so they cannot collide with the caller's aliases.
 */

/**
 * A customer's reservations as a row source — `FROM ${customerReservationsSql(id)} r` — with the
 * columns id, customer_id, store_id, code, status and created_at (the stored status: one past its
 * deadline may not be marked expired yet). PostgreSQL flattens it into the caller's query, so the
 * caller's keyset condition and LIMIT still walk its index.
 */
export function customerReservationsSql(customerId: number): SQL {
  return sql`(SELECT id, customer_id, store_id, code, status, created_at
              FROM ${reservations} WHERE customer_id = ${customerId})`;
}

/** What a reservation's lines add up to, in cents (null for none), as a scalar subquery. */
export function reservationTotalOf(reservationId: SQLWrapper): SQL<number | null> {
  return sql<number | null>`(SELECT sum(${reservationLines.quantity} * ${reservationLines.unitPriceCents})::int
    FROM ${reservationLines} WHERE ${reservationLines.reservationId} = ${reservationId})`;
}
