import { TIME_ZONE, type Locale } from '@/lib/i18n/config';
import type { Dictionary } from '@/lib/i18n/dictionary';
import { formatTime, interpolate, intlTag } from '@/lib/i18n/format';
import type { Order } from '@/lib/orders/queries';

/** "Mon 3 Mar, 10:00–10:30" / "lundi 3 mars, 10:00–10:30", in the shop's time zone. */
export function slotText(slot: NonNullable<Order['slot']>, locale: Locale, t: Dictionary['orders']): string {
  const day = new Intl.DateTimeFormat(intlTag(locale), {
    weekday: locale === 'fr' ? 'long' : 'short',
    day: 'numeric',
    month: locale === 'fr' ? 'long' : 'short',
    timeZone: TIME_ZONE,
  }).format(new Date(slot.startsAt));
  return interpolate(t.slotValue, { day, from: formatTime(new Date(slot.startsAt), locale), to: formatTime(new Date(slot.endsAt), locale) });
}

/** "3 Mar 2025" / "3 mars 2025". */
export function dayText(iso: string, locale: Locale): string {
  return new Intl.DateTimeFormat(intlTag(locale), { day: 'numeric', month: 'short', year: 'numeric', timeZone: TIME_ZONE }).format(new Date(iso));
}

export function itemsText(units: number, t: Dictionary['orders']): string {
  return units === 1 ? t.itemsCountOne : interpolate(t.itemsCount, { count: units });
}
