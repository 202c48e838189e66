import type { Locale } from '@/lib/i18n/config';
import type { Dictionary } from '@/lib/i18n/dictionary';
import { formatDate, formatMessage, formatTime, interpolate } from '@/lib/i18n/format';
import type { Order } from '@/lib/orders/queries';

/** "Mon 3 Mar, 10:00–10:30" / "lundi 3 mars, 10:00–10:30", in the shop's time zone. */
export function slotText(slot: NonNullable<Order['slot']>, locale: Locale, t: Dictionary['orders']): string {
  const day = formatDate(new Date(slot.startsAt), locale, {
    weekday: locale === 'fr' ? 'long' : 'short',
    day: 'numeric',
    month: locale === 'fr' ? 'long' : 'short',
  });
  return interpolate(t.slotValue, { day, from: formatTime(new Date(slot.startsAt), locale), to: formatTime(new Date(slot.endsAt), locale) });
}

/** "3 Mar 2025" / "3 mars 2025". */
export function dayText(iso: string, locale: Locale): string {
  return formatDate(new Date(iso), locale, { day: 'numeric', month: 'short', year: 'numeric' });
}

export function itemsText(units: number, locale: Locale, t: Dictionary['orders']): string {
  return formatMessage(t.itemsCount, { count: units }, locale);
}
