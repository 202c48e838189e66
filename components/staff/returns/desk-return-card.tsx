import { Link } from '@/components/layout/link';
import { variantOf } from '@/components/reservations/reservation-lines';
import { ReturnStatusBadge } from '@/components/returns/return-status-badge';
import type { Locale } from '@/lib/i18n/config';
import type { Dictionary } from '@/lib/i18n/dictionary';
import { formatDateTime, formatMessage, formatPrice, interpolate } from '@/lib/i18n/format';
import type { ReturnView } from '@/lib/returns/queries';

type Props = {
  ret: ReturnView;
  locale: Locale;
  t: Dictionary;
  /** In a list: a link that opens it at the desk. Opened: room for the check-in or the refund. */
  openHref?: string;
  highlighted?: boolean;
  children?: React.ReactNode;
};

/** A return as the desk sees it: pass, customer, order, window, and each item with its reason (or its outcome). */
export function DeskReturnCard({ ret: r, locale, t: dict, openHref, highlighted = false, children }: Props) {
  const t = dict.returns;
  const opened = openHref === undefined;
  const restocked = r.lines.reduce((n, l) => n + (l.outcome === 'resellable' ? l.quantity : 0), 0);
  return (
    <article
      aria-label={r.code}
      data-testid={opened ? 'opened-return' : `return-${r.code}`}
      data-status={r.status}
      className={`card p-4 ${highlighted ? 'border-brand-500 ring-2 ring-brand-100' : ''} ${opened ? 'sm:p-5' : ''}`}
    >
      <header className="flex items-start justify-between gap-3">
        <div className="min-w-0">
          <p className={`font-mono font-bold tracking-widest ${opened ? 'text-2xl' : 'text-lg'}`}>{r.code}</p>
          <p className="truncate font-semibold">{r.customer.name}</p>
          <p className="text-sm break-words text-muted">
            {interpolate(t.orderLabel, { number: r.order.number })} ·{' '}
            {r.window ? interpolate(t.windowAt, { when: formatDateTime(new Date(r.window.startsAt), locale) }) : t.walkIn}
          </p>
        </div>
        <ReturnStatusBadge status={r.status} t={t} />
      </header>
      <ul className="mt-3 divide-y divide-line border-y border-line text-sm">
        {r.lines.map((l) => (
          <li key={l.id} className="flex items-start justify-between gap-3 py-2">
            <div className="min-w-0">
              <p className="font-medium">{l.productName}</p>
              <p className="text-muted">
                {variantOf(l, locale, dict)} <span className="font-mono text-xs">{l.ean13}</span>
              </p>
              <p className="text-muted">
                {l.outcome ? t[`outcome_${l.outcome}`] : t[`reason_${l.reason}`]}
                {l.refusalReason && <> · “{l.refusalReason}”</>}
              </p>
            </div>
            <p className="shrink-0 text-right">
              <span className="block text-base font-semibold tabular-nums">× {l.quantity}</span>
              <span className="text-xs text-muted tabular-nums">{formatPrice(l.unitPriceCents * l.quantity, locale)}</span>
            </p>
          </li>
        ))}
      </ul>
      {r.refundCents > 0 && (
        <p className="mt-2 text-sm" data-testid="desk-refund">
          {r.refundState === 'succeeded'
            ? interpolate(t.refundDone, { amount: formatPrice(r.refundCents, locale), how: t[`refund_${r.refundMethod}`] })
            : r.refundState === 'failed'
              ? interpolate(t.refundFailedDesk, { amount: formatPrice(r.refundCents, locale), error: r.refundError ?? '' })
              : interpolate(t.refundPendingDesk, { amount: formatPrice(r.refundCents, locale) })}
          {r.pointsReversed > 0 && <span className="block text-muted">{formatMessage(t.pointsReversed, { points: r.pointsReversed }, locale)}</span>}
          {r.pointsShortfall > 0 && <span className="block text-muted">{formatMessage(t.pointsShortfall, { points: r.pointsShortfall }, locale)}</span>}
        </p>
      )}
      {restocked > 0 && (
        <p className="mt-1 text-sm text-ok" data-testid="desk-restocked">
          {formatMessage(t.restocked, { n: restocked }, locale)}
        </p>
      )}
      {openHref && (
        <Link href={openHref} className="mt-3 btn-secondary w-full sm:w-auto" aria-label={interpolate(t.openReturnLabel, { code: r.code })}>
          {t.openReturn}
        </Link>
      )}
      {children && <div className="mt-4">{children}</div>}
    </article>
  );
}
