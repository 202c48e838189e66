import type { Locale } from '@/lib/i18n/config';
import type { Dictionary } from '@/lib/i18n/dictionary';
import { interpolate } from '@/lib/i18n/format';
import { formatDeadline, formatDuration } from '@/lib/i18n/format-deadline';
import { isOpenReservation } from '@/lib/reservations/permissions';
import type { Reservation } from '@/lib/reservations/queries';

type Props = {
  reservation: Pick<Reservation, 'status' | 'expiresAt' | 'collectedAt' | 'cancelledAt' | 'expiredAt'>;
  /** The render's clock, passed in so the list and the detail agree with their own data. */
  now: number;
  locale: Locale;
  t: Dictionary['reservations'];
  className?: string;
};

/** The moment that matters for this status, and how long is left while the reservation is open. */
function moment({ status, expiresAt, collectedAt, cancelledAt, expiredAt }: Props['reservation'], t: Props['t']) {
  switch (status) {
    case 'placed':
      return { template: t.heldUntil, iso: expiresAt };
    case 'ready':
      return { template: t.readyUntil, iso: expiresAt };
    case 'collected':
      return { template: t.collectedOn, iso: collectedAt ?? expiresAt };
    case 'cancelled':
      return { template: t.cancelledOn, iso: cancelledAt ?? expiresAt };
    case 'expired':
      return { template: t.expiredOn, iso: expiredAt ?? expiresAt };
  }
}

/** "Ready for pickup until Wed 26 Nov, 18:30" then "2 days, 3 hours left" (open ones only). */
export function Deadline({ reservation, now, locale, t, className = '' }: Props) {
  const { template, iso } = moment(reservation, t);
  const open = isOpenReservation(reservation.status);
  const left = open ? new Date(reservation.expiresAt).getTime() - now : 0;
  return (
    <div className={className}>
      <p data-testid="reservation-deadline">
        <time dateTime={iso}>{interpolate(template, { date: formatDeadline(new Date(iso), locale) })}</time>
      </p>
      {open && (
        <p className="font-semibold text-ink" data-testid="reservation-time-left">
          {interpolate(t.timeLeft, { duration: formatDuration(left, locale) ?? t.lessThanAMinute })}
        </p>
      )}
    </div>
  );
}
