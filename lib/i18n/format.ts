import { TIME_ZONE, type Locale } from './config';

const tags: Record<Locale, string> = { fr: 'fr-FR', en: 'en-GB' };

export function intlTag(locale: Locale): string {
  return tags[locale];
}

/** Euro cents → "12,99 €" (fr) or "€12.99" (en). */
export function formatPrice(cents: number, locale: Locale): string {
  return new Intl.NumberFormat(tags[locale], { style: 'currency', currency: 'EUR' }).format(cents / 100);
}

export function formatTime(date: Date, locale: Locale): string {
  return new Intl.DateTimeFormat(tags[locale], { hour: '2-digit', minute: '2-digit', timeZone: TIME_ZONE }).format(date);
}

export function formatDateTime(date: Date, locale: Locale): string {
  return new Intl.DateTimeFormat(tags[locale], {
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: TIME_ZONE,
  }).format(date);
}

/** 1.234 km → "1,2 km"; 0.4 km → "400 m". */
export function formatDistance(km: number, locale: Locale): string {
  if (km < 1) return `${Math.max(10, Math.round((km * 1000) / 10) * 10)} m`;
  const digits = km < 10 ? 1 : 0;
  return `${new Intl.NumberFormat(tags[locale], { maximumFractionDigits: digits }).format(km)} km`;
}

/** Replaces {name} placeholders. */
export function interpolate(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (_, key: string) => String(values[key] ?? `{${key}}`));
}
