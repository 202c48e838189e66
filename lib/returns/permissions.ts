import type { ReturnStatus } from './schema';

/*
 * What a shopper (or the desk, for a walk-in) may do with an order's returns, asked by the pages
 * that offer it and by the commands that do it (lib/returns/commands.ts), so the two never disagree.
 */

/**
 * Something can be returned: the order is delivered or collected and within its return period
 * (`open`, read with the database's clock), and a line still has units not already on a return.
 */
export function mayStartReturn(order: { open: boolean; lines: readonly { returnable: number }[] }): boolean {
  return order.open && order.lines.some((l) => l.returnable > 0);
}

/** A booked return can be moved to another drop-off window or cancelled; once at the desk (or cancelled), no more. */
export function isReturnChangeable(status: ReturnStatus): boolean {
  return status === 'booked';
}
