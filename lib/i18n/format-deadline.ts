import type { Locale } from './config';
import { formatDate, intlTag } from './format';

/*
 * Deadlines read the way each language writes them, always in the shops' time zone: a shopper in
 * another zone still sees the time the shop closes the hold.
 *   en: "Wed 26 Nov, 18:30"          fr: "mercredi 26 novembre à 18:30", « lundi 1er décembre à 18:30 »
 */
const deadlineOptions: Record<Locale, Intl.DateTimeFormatOptions> = {
  en: { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' },
  fr: { weekday: 'long', day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit' },
};

export function formatDeadline(date: Date, locale: Locale): string {
  return formatDate(date, locale, deadlineOptions[locale]);
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * "2 days, 3 hours" / "2 jours et 3 heures"; "3 hours, 20 minutes"; "20 minutes". Two units at
 * most: the shopper needs to know whether to hurry, not the second. Null once under a minute
 * (the caller says so in words).
 */
export function formatDuration(ms: number, locale: Locale): string | null {
  if (ms < MINUTE) return null;
  const tag = intlTag(locale);
  const unit = (unit: 'day' | 'hour' | 'minute', n: number) => new Intl.NumberFormat(tag, { style: 'unit', unit, unitDisplay: 'long' }).format(n);
  const days = Math.floor(ms / DAY);
  const hours = Math.floor((ms % DAY) / HOUR);
  const minutes = Math.floor((ms % HOUR) / MINUTE);
  const parts =
    days > 0
      ? [unit('day', days), hours > 0 ? unit('hour', hours) : null]
      : hours > 0
        ? [unit('hour', hours), minutes > 0 ? unit('minute', minutes) : null]
        : [unit('minute', minutes)];
  return new Intl.ListFormat(tag, { type: 'unit', style: 'long' }).format(parts.filter((p): p is string => p !== null));
}
