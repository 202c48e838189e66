import { Link } from '@/components/layout/link';
import type { Locale } from '@/lib/i18n/config';
import type { Dictionary } from '@/lib/i18n/dictionary';
import { formatDateTime, formatMessage, formatPrice, interpolate } from '@/lib/i18n/format';
import type { ReturnView } from '@/lib/returns/queries';
import { ReturnStatusBadge } from './return-status-badge';

/**
 * The returns of one order, on the shopper's order page: where and when it is dropped off, what
 * the desk decided for each item (a refusal with its reason), the refund and the points taken
 * back, and the return's own history (booked → received → refunded).
 */
type Props = {
  returns: ReturnView[];
  locale: Locale;
  t: Dictionary['returns'];
  title?: string;
  /**
   * On the pass page itself, which already shows the return's code, status and drop-off: only what
   * it does not (the items and the desk's decisions, the refund, the history), and no link to itself.
   */
  onPassPage?: boolean;
};

export function OrderReturns({ returns, locale, t, title, onPassPage = false }: Props) {
  if (returns.length === 0) return null;
  return (
    <section aria-labelledby="order-returns-title" className="space-y-4 card p-5" data-testid="order-returns">
      <h2 id="order-returns-title" className="text-base font-bold">
        {title ?? t.returnsTitle}
      </h2>
      {returns.map((r) => (
        <article
          key={r.id}
          className="space-y-2 border-t border-line pt-3 first-of-type:border-t-0 first-of-type:pt-0"
          data-testid="order-return"
          data-code={r.code}
        >
          {!onPassPage && (
            <>
              <div className="flex flex-wrap items-center justify-between gap-2">
                <h3 className="font-semibold">
                  <Link href={`/account/returns/${r.code}`} className="text-brand-700 underline underline-offset-2" data-testid="return-pass-link">
                    {interpolate(t.passCode, { code: r.code })}
                  </Link>
                </h3>
                <ReturnStatusBadge status={r.status} t={t} />
              </div>
              <p className="text-sm text-muted">
                {r.window
                  ? interpolate(t.dropOffAt, { shop: r.store.name, when: formatDateTime(new Date(r.window.startsAt), locale) })
                  : interpolate(t.walkedInAt, { shop: r.store.name })}
              </p>
            </>
          )}
          <ul className="space-y-1 text-sm">
            {r.lines.map((l) => (
              <li key={l.id}>
                <span className="font-medium">{l.productName}</span> {interpolate(t.lineQty, { n: l.quantity })}
                <span className="text-muted"> · {l.outcome ? t[`outcome_${l.outcome}`] : t[`reason_${l.reason}`]}</span>
                {l.refusalReason && <span className="block text-muted">“{l.refusalReason}”</span>}
              </li>
            ))}
          </ul>
          <RefundLine r={r} locale={locale} t={t} />
          <ol className="space-y-1 border-l-2 border-line pl-3 text-xs text-muted" aria-label={t.returnsTitle}>
            {r.events.map((e, i) => (
              <li key={i}>
                <span className="font-medium text-ink">{t[`event_${e.kind}`]}</span> · <time dateTime={e.at}>{formatDateTime(new Date(e.at), locale)}</time>
              </li>
            ))}
          </ol>
        </article>
      ))}
    </section>
  );
}

function RefundLine({ r, locale, t }: { r: ReturnView; locale: Locale; t: Dictionary['returns'] }) {
  if (r.refundCents === 0) return null;
  const amount = formatPrice(r.refundCents, locale);
  const how = t[`refund_${r.refundMethod}`];
  return (
    <div className="space-y-0.5 text-sm" data-testid="return-refund">
      {r.refundState === 'succeeded' ? (
        <p className="font-semibold text-ok">
          {interpolate(t.refundOf, { amount })} · <span className="font-normal">{how}</span>
        </p>
      ) : r.refundState === 'failed' ? (
        <p className="text-low">{interpolate(t.refundFailedShopper, { amount })}</p>
      ) : (
        <p>{interpolate(t.refundPending, { amount })}</p>
      )}
      {r.pointsReversed > 0 && (
        <p className="text-muted" data-testid="return-points">
          {formatMessage(t.pointsReversed, { points: r.pointsReversed }, locale)}
        </p>
      )}
      {r.pointsShortfall > 0 && <p className="text-muted">{formatMessage(t.pointsShortfall, { points: r.pointsShortfall }, locale)}</p>}
    </div>
  );
}
