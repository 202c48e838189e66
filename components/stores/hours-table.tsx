import type { Locale } from '@/lib/i18n/config';
import type { Dictionary } from '@/lib/i18n/dictionary';
import { intlTag } from '@/lib/i18n/format';
import { intervalsOn, type OpeningInterval } from '@/lib/stores/hours';

type Texts = Pick<Dictionary['stores'], 'openingHours' | 'hoursNote' | 'day' | 'hours' | 'today' | 'closed'>;

// 2024-01-01 was a Monday: ISO weekday n is 2024-01-0n.
function weekdayLabel(weekday: number, locale: Locale): string {
  const name = new Intl.DateTimeFormat(intlTag(locale), { weekday: 'long', timeZone: 'UTC' }).format(
    new Date(Date.UTC(2024, 0, weekday, 12)),
  );
  return name.charAt(0).toUpperCase() + name.slice(1);
}

/** The week's hours, Monday first, today highlighted; a lunch break shows as two intervals. */
export function HoursTable({ hours, today, locale, t }: { hours: readonly OpeningInterval[]; today: number; locale: Locale; t: Texts }) {
  return (
    <table className="w-full text-sm" data-testid="hours-table">
      <caption className="sr-only">
        {t.openingHours} ({t.hoursNote})
      </caption>
      <thead className="sr-only">
        <tr>
          <th scope="col">{t.day}</th>
          <th scope="col">{t.hours}</th>
        </tr>
      </thead>
      <tbody>
        {[1, 2, 3, 4, 5, 6, 7].map((weekday) => {
          const intervals = intervalsOn(hours, weekday);
          const isToday = weekday === today;
          return (
            <tr key={weekday} className={isToday ? 'bg-brand-50 font-semibold' : 'border-t border-line first:border-t-0'} aria-current={isToday ? 'date' : undefined}>
              <th scope="row" className="py-2 pr-4 pl-2 text-left font-medium">
                {weekdayLabel(weekday, locale)}
                {isToday && <span className="ml-1.5 text-xs font-normal text-brand-700">({t.today})</span>}
              </th>
              <td className="py-2 pr-2 text-right tabular-nums">
                {intervals.length === 0 ? (
                  <span className="text-muted">{t.closed}</span>
                ) : (
                  intervals.map((i) => `${i.opens}–${i.closes}`).join(', ')
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
