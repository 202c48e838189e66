import type { ReservationStatus } from './schema';

/**
 * A reservation is open — its units held, the shopper may cancel it, the desk may hand it over —
 * while placed or ready. One past its deadline reads as expired (lib/reservations/queries.ts), as
 * the commands refuse it (their `expires_at > now()`), so the status alone answers.
 */
export function isOpenReservation(status: ReservationStatus): boolean {
  return status === 'placed' || status === 'ready';
}
