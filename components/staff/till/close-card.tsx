import type { Locale } from '@/lib/i18n/config';
import type { Dictionary } from '@/lib/i18n/dictionary';
import { formatDate, formatDateTime, formatMessage, formatPrice, interpolate } from '@/lib/i18n/format';
import type { TillCloseView } from './types';

/** "Saturday 5 December 2026": a close's business day (noon UTC is that same day in Paris). */
export function closeDayLabel(day: string, locale: Locale): string {
  return formatDate(new Date(`${day}T12:00:00Z`), locale, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
}

/** One close: its day, its totals per payment method, when it was made. */
export function CloseCard({ close, locale, labels }: { close: TillCloseView; locale: Locale; labels: Dictionary['till'] }) {
  const money = (cents: number) => formatPrice(cents, locale);
  return (
    <article className="card p-3 sm:p-4" data-testid="till-close" aria-labelledby={`close-${close.id}`}>
      <div className="flex flex-wrap items-baseline justify-between gap-x-3">
        <h3 id={`close-${close.id}`} className="font-bold first-letter:uppercase">
          {closeDayLabel(close.businessDay, locale)}
        </h3>
        <p className="text-sm text-muted">{formatMessage(labels.closeSales, { count: close.salesCount }, locale)}</p>
      </div>
      <table className="mt-2 w-full text-sm">
        <thead>
          <tr className="border-b border-line text-left text-muted">
            <th scope="col" className="py-1 font-medium">
              {labels.closeMethod}
            </th>
            <th scope="col" className="py-1 text-right font-medium">
              {labels.closeCount}
            </th>
            <th scope="col" className="py-1 text-right font-medium">
              {labels.closeAmount}
            </th>
          </tr>
        </thead>
        <tbody className="tabular-nums">
          <tr data-testid="close-card">
            <th scope="row" className="py-1 text-left font-normal">
              {labels.paidCard}
            </th>
            <td className="py-1 text-right">{close.cardCount}</td>
            <td className="py-1 text-right">{money(close.cardCents)}</td>
          </tr>
          <tr data-testid="close-cash">
            <th scope="row" className="py-1 text-left font-normal">
              {labels.paidCash}
            </th>
            <td className="py-1 text-right">{close.cashCount}</td>
            <td className="py-1 text-right">{money(close.cashCents)}</td>
          </tr>
        </tbody>
        <tfoot>
          <tr className="border-t border-line font-bold">
            <th scope="row" className="py-1 text-left">
              {labels.closeTotal}
            </th>
            <td />
            <td className="py-1 text-right tabular-nums" data-testid="close-total">
              {money(close.totalCents)}
            </td>
          </tr>
        </tfoot>
      </table>
      <p className="mt-1 text-xs text-muted">{interpolate(labels.closeAt, { time: formatDateTime(new Date(close.closedAt), locale) })}</p>
    </article>
  );
}
