import type { Dictionary } from '@/lib/i18n/dictionary';
import type { ReservationStatus } from '@/lib/reservations/schema';

// Amber and green text sit on white: on a tint over the page's paper colour they fall below 4.5:1.
const tones: Record<ReservationStatus, { pill: string; dot: string }> = {
  placed: { pill: 'border-low/40 bg-white text-low', dot: 'bg-low' },
  ready: { pill: 'border-ok/40 bg-white text-ok', dot: 'bg-ok' },
  collected: { pill: 'border-line bg-paper text-muted', dot: 'bg-muted' },
  cancelled: { pill: 'border-line bg-paper text-muted', dot: 'bg-line' },
  expired: { pill: 'border-out/30 bg-out/5 text-out', dot: 'bg-out' },
};

/** "Being prepared" / "Ready for pickup" / …: a word and a dot, colour is never the only cue. */
export function StatusBadge({ status, t }: { status: ReservationStatus; t: Dictionary['reservations'] }) {
  const tone = tones[status];
  return (
    <span
      className={`inline-flex items-center gap-1.5 rounded-full border px-2.5 py-0.5 text-sm font-semibold whitespace-nowrap ${tone.pill}`}
      data-testid="reservation-status"
      data-status={status}
    >
      <span aria-hidden className={`size-2 shrink-0 rounded-full ${tone.dot}`} />
      {t[`status_${status}`]}
    </span>
  );
}
