import type { Locale } from '@/lib/i18n/config';
import type { Dictionary } from '@/lib/i18n/dictionary';
import { formatDateTime } from '@/lib/i18n/format';
import type { OrderEvent } from '@/lib/orders/queries';

/** The order's history, oldest first: what happened and when (a moved slot says to when). */
export function OrderTimeline({ events, locale, t }: { events: OrderEvent[]; locale: Locale; t: Dictionary['orders'] }) {
  return (
    <ol className="relative space-y-3 border-l-2 border-line pl-4" data-testid="order-history">
      {events.map((e, i) => {
        const last = i === events.length - 1;
        const note =
          e.kind === 'slot_moved' && e.note
            ? formatDateTime(new Date(e.note), locale)
            : e.kind === 'arrived' && e.note
              ? `${t.arrivedBay.replace('{bay}', e.note)}`
              : null;
        return (
          <li key={i} className="relative">
            <span aria-hidden className={`absolute top-1.5 -left-[1.4rem] size-3 rounded-full border-2 border-white ${last ? 'bg-brand-600' : 'bg-line'}`} />
            <p className={`text-sm ${last ? 'font-semibold' : ''}`}>
              {t[`event_${e.kind}`]}
              {note && <span className="font-normal text-muted"> · {note}</span>}
            </p>
            <p className="text-xs text-muted">
              <time dateTime={e.at}>{formatDateTime(new Date(e.at), locale)}</time>
            </p>
          </li>
        );
      })}
    </ol>
  );
}
