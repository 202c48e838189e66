import type { Rng } from './prng';
import type { StoreFormat } from './store-data';

export interface HoursRow {
  weekday: number;
  opens: string;
  closes: string;
}

export interface ClosureRow {
  day: string;
  reasonFr: string;
  reasonEn: string;
}

function week(days: number[], opens: string, closes: string): HoursRow[] {
  return days.map((weekday) => ({ weekday, opens, closes }));
}

const MON_SAT = [1, 2, 3, 4, 5, 6];

/** Opening hours by format; the PRNG only chooses among realistic patterns. */
export function buildHours(format: StoreFormat, small: boolean, rng: Rng): HoursRow[] {
  if (format === 'hyper') {
    const [opens, closes] = rng.pick([
      ['08:30', '21:00'],
      ['08:30', '20:30'],
      ['09:00', '21:00'],
    ] as const);
    const rows = week(MON_SAT, opens, closes);
    if (rng.chance(0.5)) rows.push({ weekday: 7, opens: '09:00', closes: '12:30' });
    return rows;
  }
  if (format === 'outlet') {
    return [...week(MON_SAT, '10:00', '19:00'), ...(rng.chance(0.7) ? week([7], '10:00', '18:00') : [])];
  }
  if (small) {
    // Small towns: shut for lunch, and Monday morning is for deliveries.
    return [{ weekday: 1, opens: '14:00', closes: '19:00' }, ...week([2, 3, 4, 5, 6], '09:30', '12:30'), ...week([2, 3, 4, 5, 6], '14:00', '19:00')];
  }
  const rows = week(MON_SAT, '10:00', '19:30');
  if (rng.chance(0.2)) rows.push({ weekday: 7, opens: '10:00', closes: '13:00' });
  return rows;
}

function iso(year: number, month: number, day: number): string {
  return new Date(Date.UTC(year, month - 1, day)).toISOString().slice(0, 10);
}

/** Easter Sunday (anonymous Gregorian algorithm), as [month, day]. */
export function easterSunday(year: number): [number, number] {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return [month, day];
}

export interface Holiday extends ClosureRow {
  /** Hypermarkets and outlets open on most public holidays; these three they close too. */
  everyone: boolean;
}

export function frenchHolidays(year: number): Holiday[] {
  const [em, ed] = easterSunday(year);
  const easter = (offset: number) => iso(year, em, ed + offset);
  const h = (day: string, reasonFr: string, reasonEn: string, everyone = false): Holiday => ({ day, reasonFr, reasonEn, everyone });
  return [
    h(iso(year, 1, 1), 'Jour de l\u2019an', 'New Year\u2019s Day', true),
    h(easter(1), 'Lundi de Pâques', 'Easter Monday'),
    h(iso(year, 5, 1), 'Fête du Travail', 'Labour Day', true),
    h(iso(year, 5, 8), 'Victoire 1945', 'Victory in Europe Day'),
    h(easter(39), 'Ascension', 'Ascension Day'),
    h(easter(50), 'Lundi de Pentecôte', 'Whit Monday'),
    h(iso(year, 7, 14), 'Fête nationale', 'Bastille Day'),
    h(iso(year, 8, 15), 'Assomption', 'Assumption Day'),
    h(iso(year, 11, 1), 'Toussaint', 'All Saints\u2019 Day'),
    h(iso(year, 11, 11), 'Armistice 1918', 'Armistice Day'),
    h(iso(year, 12, 25), 'Noël', 'Christmas Day', true),
  ];
}

/** Public holidays in the twelve months from `today` (a 'YYYY-MM-DD' day). */
export function holidaysAhead(today: string): Holiday[] {
  const year = Number(today.slice(0, 4));
  const end = `${year + 1}${today.slice(4)}`;
  return [...frenchHolidays(year), ...frenchHolidays(year + 1)].filter((d) => d.day >= today && d.day < end);
}

/** The first given ISO weekday on or after a day. */
export function nextWeekday(from: string, weekday: number): string {
  const d = new Date(`${from}T00:00:00Z`);
  const current = ((d.getUTCDay() + 6) % 7) + 1;
  d.setUTCDate(d.getUTCDate() + ((weekday - current + 7) % 7));
  return d.toISOString().slice(0, 10);
}

export function addDays(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
