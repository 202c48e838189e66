import type { Locale } from '@/lib/i18n/config';
import type { Dictionary } from '@/lib/i18n/dictionary';
import { interpolate, intlTag } from '@/lib/i18n/format';
import type { OpeningStatus } from './hours';

export type OpeningTexts = Pick<
  Dictionary['stores'],
  'openNow' | 'closedThen' | 'opensLaterToday' | 'opensTomorrow' | 'opensOn' | 'closedToday' | 'closed'
>;

/** A calendar date ("2025-06-16") → "lundi" / "Monday". */
export function weekdayName(date: string, locale: Locale): string {
  return new Intl.DateTimeFormat(intlTag(locale), { weekday: 'long', timeZone: 'UTC' }).format(new Date(`${date}T12:00:00Z`));
}

/** "Open now · closes 19:30", "Closed · opens tomorrow at 09:00", "Closed today: New Year's Day · opens …". */
export function describeOpeningStatus(status: OpeningStatus, locale: Locale, t: OpeningTexts): string {
  if (status.open) return interpolate(t.openNow, { time: status.closesAt });
  const next = status.opensAt;
  const opens = !next
    ? null
    : next.daysAhead === 0
      ? interpolate(t.opensLaterToday, { time: next.time })
      : next.daysAhead === 1
        ? interpolate(t.opensTomorrow, { time: next.time })
        : interpolate(t.opensOn, { day: weekdayName(next.date, locale), time: next.time });
  if (status.closedToday) {
    const reason = locale === 'fr' ? status.closedToday.reasonFr : status.closedToday.reasonEn;
    const closed = interpolate(t.closedToday, { reason });
    return opens ? `${closed} · ${opens}` : closed;
  }
  return opens ? interpolate(t.closedThen, { next: opens }) : t.closed;
}
