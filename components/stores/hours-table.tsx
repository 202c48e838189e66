import type { Dictionary } from '@/lib/i18n/dictionary';
import { intervalsOn, type OpeningInterval } from '@/lib/stores/hours';

export type HoursTableTexts = Pick<Dictionary['stores'], 'openingHours' | 'hoursNote' | 'day' | 'hours' | 'today' | 'closed'>;

type Props = {
  hours: readonly OpeningInterval[];
  /** ISO weekday to highlight, or null before the browser knows which day it is. */
  today: number | null;
  /** Weekday names, Monday first (lib/stores/opening-text.ts, weekdayLabels). */
  labels: readonly string[];
  t: HoursTableTexts;
};

/** The week's hours, Monday first, today highlighted; a lunch break shows as two intervals. */
export function HoursTable({ hours, today, labels, t }: Props) {
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
                {labels[weekday - 1]}
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
