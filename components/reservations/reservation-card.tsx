import { Link } from '@/components/layout/link';
import type { Locale } from '@/lib/i18n/config';
import type { Dictionary } from '@/lib/i18n/dictionary';
import { formatMessage, formatPrice, interpolate } from '@/lib/i18n/format';
import { isOpenReservation } from '@/lib/reservations/permissions';
import type { Reservation } from '@/lib/reservations/queries';
import { Deadline } from './deadline';
import { variantOf } from './reservation-lines';
import { StatusBadge } from './status-badge';

type Props = { reservation: Reservation; now: number; locale: Locale; t: Dictionary };

/** One reservation in "My reservations"; the whole card opens its detail. */
export function ReservationCard({ reservation: r, now, locale, t }: Props) {
  const tr = t.reservations;
  const open = isOpenReservation(r.status);
  const [first, ...rest] = r.lines;
  const summary = first
    ? [first.productName, variantOf(first, locale, t), interpolate(tr.qty, { count: first.quantity })].filter(Boolean).join(' · ') +
      (rest.length > 0 ? ` ${formatMessage(tr.more, { count: rest.length }, locale)}` : '')
    : '';
  return (
    <li
      className={`relative flex flex-col gap-2 card p-4 hover:border-brand-500 ${open ? '' : 'bg-white/60'}`}
      data-testid="reservation-card"
      data-reservation-id={r.id}
    >
      <div className="flex flex-wrap items-start justify-between gap-2">
        <h2 className="min-w-0 text-base leading-snug font-bold">
          <Link href={`/account/reservations/${r.id}`} className="after:absolute after:inset-0 after:rounded-xl hover:underline">
            {r.store.name}
            <span className="sr-only"> — {interpolate(tr.open, { code: r.code })}</span>
          </Link>
        </h2>
        <StatusBadge status={r.status} t={tr} />
      </div>
      <p className="text-sm">{summary}</p>
      <p className="text-sm text-muted">
        <span className="font-mono font-semibold tracking-widest text-ink">{r.code}</span>
        {' · '}
        {formatMessage(tr.units, { count: r.units }, locale)} · {formatPrice(r.totalCents, locale)}
      </p>
      <Deadline reservation={r} now={now} locale={locale} t={tr} className={`text-sm ${open ? '' : 'text-muted'}`} />
    </li>
  );
}
