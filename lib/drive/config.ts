import { envInt } from '@/lib/env-int';

/** Drive slots are planned and shown in the shops' own time zone, whatever the server's. */
export const DRIVE_TIME_ZONE = 'Europe/Paris';
/** A drive store's cut-off before a slot when it has no drive_settings row (the column's default too). */
export const DEFAULT_CUTOFF_MINUTES = 120;

export type DriveConfig = {
  /** How long a chosen slot is kept for a shopper who is checking out. */
  holdMinutes: number;
  /** How many local days of slots the picker offers, today included. */
  daysAhead: number;
};

/** The cut-off is per store (drive_settings.cutoff_minutes, default 120). */
export function driveConfig(): DriveConfig {
  return {
    holdMinutes: envInt('DRIVE_HOLD_MINUTES', 10, 1, 120),
    daysAhead: envInt('DRIVE_DAYS_AHEAD', 7, 1, 28),
  };
}
