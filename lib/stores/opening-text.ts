import type { Locale } from '@/lib/i18n/config';
import type { Dictionary } from '@/lib/i18n/dictionary';
import { formatDate, interpolate } from '@/lib/i18n/format';
import type { OpeningStatus } from './hours';

export type OpeningTexts = Pick<Dictionary['stores'], 'openNow' | 'closedThen' | 'opensLaterToday' | 'opensTomorrow' | 'opensOn' | 'closedToday' | 'closed'>;

const OPENING_KEYS = [
  'openNow',
  'closedThen',
  'opensLaterToday',
  'opensTomorrow',
  'opensOn',
  'closedToday',
  'closed',
] as const satisfies readonly (keyof OpeningTexts)[];

/** Only the texts "open now" needs, for a browser component (not the whole dictionary per store). */
export function pickOpeningTexts(t: OpeningTexts): OpeningTexts {
  return Object.fromEntries(OPENING_KEYS.map((k) => [k, t[k]])) as OpeningTexts;
}

/** "lundi" … "dimanche" / "Monday" … "Sunday" as Intl writes them, Monday first (index 0 = ISO weekday 1). */
export function weekdayNames(locale: Locale): string[] {
  // 2024-01-01 was a Monday: ISO weekday n is 2024-01-0n.
  return [1, 2, 3, 4, 5, 6, 7].map((d) => weekdayName(`2024-01-0${d}`, locale));
}

/** "Lundi" … "Dimanche" / "Monday" … "Sunday", Monday first (index 0 = ISO weekday 1). */
export function weekdayLabels(locale: Locale): string[] {
  return weekdayNames(locale).map((name) => name.charAt(0).toUpperCase() + name.slice(1));
}

/** A calendar date ("2025-06-16") → "lundi" / "Monday". */
export function weekdayName(date: string, locale: Locale): string {
  return formatDate(new Date(`${date}T12:00:00Z`), locale, { weekday: 'long', timeZone: 'UTC' });
}

/**
 * "Open now · closes 19:30", "Closed · opens tomorrow at 09:00", "Closed today: New Year's Day · opens …".
 * `weekdays` (weekdayNames, from the server) spares a browser its Intl.
 */
export function describeOpeningStatus(status: OpeningStatus, locale: Locale, t: OpeningTexts, weekdays?: readonly string[]): string {
  if (status.open) return interpolate(t.openNow, { time: status.closesAt });
  const next = status.opensAt;
  const opens = !next
    ? null
    : next.daysAhead === 0
      ? interpolate(t.opensLaterToday, { time: next.time })
      : next.daysAhead === 1
        ? interpolate(t.opensTomorrow, { time: next.time })
        : interpolate(t.opensOn, { day: weekdays?.[next.weekday - 1] ?? weekdayName(next.date, locale), time: next.time });
  if (status.closedToday) {
    const reason = locale === 'fr' ? status.closedToday.reasonFr : status.closedToday.reasonEn;
    const closed = interpolate(t.closedToday, { reason });
    return opens ? `${closed} · ${opens}` : closed;
  }
  return opens ? interpolate(t.closedThen, { next: opens }) : t.closed;
}
