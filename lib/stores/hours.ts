/**
 * Opening status from weekly hours, in Europe/Paris wall-clock time. Pure: the caller passes `now`.
 * Hours are stored as local times ("09:00"), so "now" is turned into Paris local date and minutes
 * with Intl (which knows the DST rules) and everything else is calendar arithmetic — never a
 * hand-written UTC offset. A browser can be given Paris's offsets as the server's Intl found them
 * (parisClock), and read the time from those alone (parisNowFrom).
 */
import { TIME_ZONE } from '@/lib/i18n/config';

/** ISO weekday, 1 = Monday … 7 = Sunday; times "HH:MM" (seconds, if any, are ignored). */
export type OpeningInterval = { weekday: number; opens: string; closes: string };
export type Closure = { day: string; reasonFr: string; reasonEn: string };

export type OpeningStatus =
  | { open: true; closesAt: string }
  | {
      open: false;
      /** Next opening within two weeks; `daysAhead` 0 = later today, 1 = tomorrow. */
      opensAt: { weekday: number; date: string; time: string; daysAhead: number } | null;
      /** Set when today is an exceptional closure day. */
      closedToday: Closure | null;
    };

export type ParisNow = { date: string; weekday: number; minutes: number };

// Made on first use, not when the module loads: a browser's first Intl.DateTimeFormat loads its
// date data, some 50 ms of main thread on a desktop, and a page that has a parisClock never needs it.
let partsFormat: Intl.DateTimeFormat | undefined;

/** The Paris calendar date ("2025-03-30"), ISO weekday and minutes since local midnight at `now`. */
export function parisNow(now: Date): ParisNow {
  partsFormat ??= new Intl.DateTimeFormat('en-GB', {
    timeZone: TIME_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  const parts = Object.fromEntries(partsFormat.formatToParts(now).map((p) => [p.type, p.value]));
  const date = `${parts.year}-${parts.month}-${parts.day}`;
  return { date, weekday: isoWeekday(date), minutes: Number(parts.hour) * 60 + Number(parts.minute) };
}

const MINUTE_MS = 60_000;
const DAY_MS = 24 * 60 * MINUTE_MS;

/**
 * Paris's offset from UTC over a span of time, as Intl (on the server) gives it: each `from`
 * (epoch ms) starts an offset of `minutes`, until the next one or `until`.
 */
export type ParisClock = { offsets: { from: number; minutes: number }[]; until: number };

/** Paris's offset from UTC at an instant (minutes), from Intl: its wall clock read as UTC, minus the instant. */
function parisOffsetAt(instant: number): number {
  const { date, minutes } = parisNow(new Date(instant));
  const wall = Date.parse(`${date}T00:00:00Z`) + minutes * MINUTE_MS;
  return Math.round((wall - Math.floor(instant / MINUTE_MS) * MINUTE_MS) / MINUTE_MS);
}

/**
 * Paris's offsets from the start of the Paris day `day` for `days` days, for a browser to read the
 * time with parisNowFrom: each change (summer time) found to the minute.
 */
export function parisClock(day: string, days: number): ParisClock {
  // The day's midnight in Paris lies within a day before its midnight in UTC.
  const start = Date.parse(`${day}T00:00:00Z`) - DAY_MS;
  const until = start + (days + 1) * DAY_MS;
  const offsets = [{ from: start, minutes: parisOffsetAt(start) }];
  for (let t = start; t < until; t += DAY_MS) {
    const end = Math.min(t + DAY_MS, until);
    if (parisOffsetAt(end - MINUTE_MS) === offsets.at(-1)!.minutes) continue;
    // The first minute of the new offset, by halving (offsets change at most once a day).
    let lo = t;
    let hi = end - MINUTE_MS;
    while (hi - lo > MINUTE_MS) {
      const mid = lo + Math.floor((hi - lo) / 2 / MINUTE_MS) * MINUTE_MS;
      if (parisOffsetAt(mid) === offsets.at(-1)!.minutes) lo = mid;
      else hi = mid;
    }
    offsets.push({ from: hi, minutes: parisOffsetAt(hi) });
  }
  return { offsets, until };
}

/** parisNow by the clock's offsets alone (no Intl), or null outside its span. */
export function parisNowFrom(now: Date, clock: ParisClock): ParisNow | null {
  const t = now.getTime();
  let minutes: number | undefined;
  for (const offset of clock.offsets) if (offset.from <= t) minutes = offset.minutes;
  if (minutes === undefined || t >= clock.until) return null;
  const wall = new Date(t + minutes * MINUTE_MS);
  const date = wall.toISOString().slice(0, 10);
  return { date, weekday: isoWeekday(date), minutes: wall.getUTCHours() * 60 + wall.getUTCMinutes() };
}

export function isoWeekday(date: string): number {
  const day = new Date(`${date}T12:00:00Z`).getUTCDay();
  return day === 0 ? 7 : day;
}

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** "09:00:00" or "9:00" → "09:00". */
export function hhmm(time: string): string {
  const [h = '0', m = '0'] = time.split(':');
  return `${h.padStart(2, '0')}:${m.padStart(2, '0')}`;
}

function toMinutes(time: string): number {
  const [h = '0', m = '0'] = time.split(':');
  return Number(h) * 60 + Number(m);
}

/** The intervals of one weekday, in opening order. */
export function intervalsOn(hours: readonly OpeningInterval[], weekday: number): { opens: string; closes: string }[] {
  return hours
    .filter((h) => h.weekday === weekday)
    .map((h) => ({ opens: hhmm(h.opens), closes: hhmm(h.closes) }))
    .sort((a, b) => toMinutes(a.opens) - toMinutes(b.opens));
}

export function openingStatus(hours: readonly OpeningInterval[], closures: readonly Closure[], now: Date): OpeningStatus {
  return openingStatusAt(hours, closures, parisNow(now));
}

/** openingStatus at a Paris time already known (parisNowFrom). */
export function openingStatusAt(hours: readonly OpeningInterval[], closures: readonly Closure[], today: ParisNow): OpeningStatus {
  const closedOn = new Map(closures.map((c) => [c.day, c]));
  const closedToday = closedOn.get(today.date) ?? null;

  if (!closedToday) {
    const current = intervalsOn(hours, today.weekday).find((i) => toMinutes(i.opens) <= today.minutes && today.minutes < toMinutes(i.closes));
    if (current) return { open: true, closesAt: current.closes };
  }

  for (let daysAhead = 0; daysAhead < 14; daysAhead++) {
    const date = addDays(today.date, daysAhead);
    if (closedOn.has(date)) continue;
    const weekday = isoWeekday(date);
    const next = intervalsOn(hours, weekday).find((i) => daysAhead > 0 || toMinutes(i.opens) > today.minutes);
    if (next) return { open: false, opensAt: { weekday, date, time: next.opens, daysAhead }, closedToday };
  }
  return { open: false, opensAt: null, closedToday };
}

/**
 * The closures a browser needs to say "open now" on any of the next `days` days from `from` (a
 * Paris date): a kept page's schedule was read on the day it was made, and is used until it is
 * made again (hours, at most a day later), while openingStatus looks two weeks ahead.
 */
export function closuresWithin(closures: readonly Closure[], from: string, days: number): Closure[] {
  const until = addDays(from, days);
  return closures.filter((c) => c.day >= from && c.day < until);
}

/** Days of closures shipped with a kept page: its day, the day it may still be served, two weeks ahead. */
export const BROWSER_CLOSURE_DAYS = 21;

/** Values many stores share, sent once: the distinct ones (by `key`) and each input's index into them. */
function distinct<T, U>(items: readonly T[], key: (item: T) => string, keep: (item: T) => U): { values: U[]; index: number[] } {
  const values: U[] = [];
  const seen = new Map<string, number>();
  const index = items.map((item) => {
    const k = key(item);
    let at = seen.get(k);
    if (at === undefined) {
      at = values.push(keep(item)) - 1;
      seen.set(k, at);
    }
    return at;
  });
  return { values, index };
}

/**
 * Weekly hours shared by many stores sent once: the distinct weeks, and each input's index into
 * them (most stores keep the same hours, and the store list ships every store's to the browser).
 */
export function distinctWeeks(schedules: readonly (readonly OpeningInterval[])[]): { weeks: OpeningInterval[][]; index: number[] } {
  const normal = (hours: readonly OpeningInterval[]) => hours.map((h) => ({ weekday: h.weekday, opens: hhmm(h.opens), closes: hhmm(h.closes) }));
  const { values, index } = distinct(schedules, (hours) => JSON.stringify(normal(hours).map((h) => [h.weekday, h.opens, h.closes])), normal);
  return { weeks: values, index };
}

/** The same for the closures each store ships (closuresWithin): most stores close on the same public holidays. */
export function distinctClosures(lists: readonly (readonly Closure[])[]): { closures: Closure[][]; index: number[] } {
  const { values, index } = distinct(
    lists,
    (list) => JSON.stringify(list.map((c) => [c.day, c.reasonFr, c.reasonEn])),
    (list) => list.map((c) => ({ day: c.day, reasonFr: c.reasonFr, reasonEn: c.reasonEn })),
  );
  return { closures: values, index };
}
