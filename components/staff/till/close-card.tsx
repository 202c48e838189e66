import type { Locale } from '@/lib/i18n/config';
import type { Dictionary } from '@/lib/i18n/dictionary';
import { formatDate, formatDateTime, formatMessage, formatPrice, interpolate } from '@/lib/i18n/format';
import type { TillCloseView } from './types';

/** "Saturday 5 December 2026": a close's business day (noon UTC is that same day in Paris). */
export function closeDayLabel(day: string, locale: Locale): string {
  return formatDate(new Date(`${day}T12:00:00Z`), locale, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
}

/** One close: its day, its totals per payment method (card, cash, store credit, gift card), when it was made. */
export function CloseCard({ close, locale, labels }: { close: TillCloseView; locale: Locale; labels: Dictionary['till'] }) {
  const money = (cents: number) => formatPrice(cents, locale);
  // Every method, even at zero: the four lines add up to the total (the wallet's two are what the shop owed its customers).
  const rows: [string, string, number, number][] = [
    ['card', labels.paidCard, close.cardCount, close.cardCents],
    ['cash', labels.paidCash, close.cashCount, close.cashCents],
    ['store-credit', labels.paidStoreCredit, close.storeCreditCount, close.storeCreditCents],
    ['gift-card', labels.paidGiftCard, close.giftCardCount, close.giftCardCents],
  ];
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
          {rows.map(([key, label, count, cents]) => (
            <tr key={key} data-testid={`close-${key}`}>
              <th scope="row" className="py-1 text-left font-normal">
                {label}
              </th>
              <td className="py-1 text-right">{count}</td>
              <td className="py-1 text-right">{money(cents)}</td>
            </tr>
          ))}
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
