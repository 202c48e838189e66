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

/**
 * The week's hours, Monday first, today highlighted; a lunch break shows as two intervals. Cell
 * styles are set once on the table: a store page is kept whole only while its HTML stays under
 * React's chunk size (see the store page).
 */
export function HoursTable({ hours, today, labels, t }: Props) {
  return (
    <table
      className="w-full text-sm [&_tbody_td]:py-2 [&_tbody_td]:pr-2 [&_tbody_td]:text-right [&_tbody_td]:tabular-nums [&_tbody_th]:py-2 [&_tbody_th]:pr-4 [&_tbody_th]:pl-2 [&_tbody_th]:text-left [&_tbody_th]:font-medium [&_tbody_tr+tr]:border-t [&_tbody_tr+tr]:border-line"
      data-testid="hours-table"
    >
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
            <tr key={weekday} className={isToday ? 'bg-brand-50 font-semibold' : undefined} aria-current={isToday ? 'date' : undefined}>
              <th scope="row">
                {labels[weekday - 1]}
                {isToday && <span className="ml-1.5 text-xs font-normal text-brand-700">({t.today})</span>}
              </th>
              <td>{intervals.length === 0 ? <span className="text-muted">{t.closed}</span> : intervals.map((i) => `${i.opens}–${i.closes}`).join(', ')}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
