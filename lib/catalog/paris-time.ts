/**
 * The back office's date-times are typed in Paris time (a `datetime-local` field: "2026-12-24T09:00"),
 * whatever the server's or the browser's zone. Pure and client-safe.
 */
export const CATALOG_TIME_ZONE = 'Europe/Paris';

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

/** Minutes Paris is ahead of UTC at `at`. */
function offsetMinutes(at: number): number {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: CATALOG_TIME_ZONE,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).formatToParts(new Date(at));
  const n = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return (Date.UTC(n('year'), n('month') - 1, n('day'), n('hour'), n('minute')) - Math.floor(at / 60_000) * 60_000) / 60_000;
}

/**
 * "2026-12-24T09:00" read as Paris wall-clock time → that instant; null when it is not such a
 * string or not a real date. A time skipped when clocks go forward is read an hour later, as a
 * clock would show it.
 */
export function parisLocalToDate(value: string): Date | null {
  const m = LOCAL.exec(value);
  if (!m) return null;
  const [y, mo, d, h, mi] = m.slice(1).map(Number) as [number, number, number, number, number];
  const wall = Date.UTC(y, mo - 1, d, h, mi);
  const check = new Date(wall);
  if (check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d || h > 23 || mi > 59) return null;
  let at = wall - offsetMinutes(wall) * 60_000;
  at = wall - offsetMinutes(at) * 60_000;
  return new Date(at);
}

/** An instant as a `datetime-local` value in Paris time ("2026-12-24T09:00"). */
export function dateToParisLocal(date: Date): string {
  const local = new Date(date.getTime() + offsetMinutes(date.getTime()) * 60_000);
  return local.toISOString().slice(0, 16);
}
