import { envInt } from '@/lib/env-int';

export type ReturnsConfig = {
  /** Days after delivery (home) or collection (drive) during which a return may be booked or walked in. */
  windowDays: number;
  /** Returns a desk takes per hour-long drop-off window, unless return_desk_settings says otherwise. */
  capacityPerHour: number;
  /** How many local days of drop-off windows are offered, today included. */
  daysAhead: number;
};

/**
 * RETURNS_WINDOW_DAYS (30), RETURNS_CAPACITY_PER_HOUR (4), RETURNS_DAYS_AHEAD (14).
 *
 * The return period is for booking (or walking in): a return booked in time may be dropped off in
 * any offered window up to RETURNS_DAYS_AHEAD days after the period ends, so a shopper who books
 * on day 29 is not squeezed into one day. Rescheduling keeps to the same limit.
 */
export function returnsConfig(): ReturnsConfig {
  return {
    windowDays: envInt('RETURNS_WINDOW_DAYS', 30, 1, 365),
    capacityPerHour: envInt('RETURNS_CAPACITY_PER_HOUR', 4, 1, 200),
    daysAhead: envInt('RETURNS_DAYS_AHEAD', 14, 1, 60),
  };
}
