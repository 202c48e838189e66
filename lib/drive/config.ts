/** Drive slots are planned and shown in the shops' own time zone, whatever the server's. */
export const DRIVE_TIME_ZONE = 'Europe/Paris';
/** A drive store's cut-off before a slot when it has no drive_settings row (the column's default too). */
export const DEFAULT_CUTOFF_MINUTES = 120;

function envInt(name: string, fallback: number, min: number, max: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isSafeInteger(n) || n < min || n > max) throw new Error(`${name} must be a whole number from ${min} to ${max} (got "${raw}")`);
  return n;
}

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
