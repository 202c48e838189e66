import { envInt } from '@/lib/env-int';

/**
 * Anti-hoarding limits per account, configurable by environment (a chain sets its own policy).
 * The hold duration is per store (stores.reservation_hold_hours, default 48).
 */
export type ReservationLimits = {
  /** Reservations a shopper may have open (placed or ready) at once. */
  maxActive: number;
  /** Units of one SKU a shopper may hold across their open reservations. */
  maxUnitsPerSku: number;
  /** Lines one reservation may hold. */
  maxLines: number;
};

export function reservationLimits(): ReservationLimits {
  return {
    maxActive: envInt('RESERVATION_MAX_ACTIVE', 3, 1, 1_000_000),
    maxUnitsPerSku: envInt('RESERVATION_MAX_UNITS_PER_SKU', 5, 1, 1_000_000),
    maxLines: envInt('RESERVATION_MAX_LINES', 10, 1, 100),
  };
}
