import { StatusPill, type StatusTone } from '@/components/status-pill';
import type { Dictionary } from '@/lib/i18n/dictionary';
import type { ReservationStatus } from '@/lib/reservations/schema';

const tones: Record<ReservationStatus, StatusTone> = {
  placed: 'under_way',
  ready: 'good',
  collected: 'done',
  cancelled: 'ended',
  expired: 'failed',
};

/** "Being prepared" / "Ready for pickup" / … */
export function StatusBadge({ status, t }: { status: ReservationStatus; t: Dictionary['reservations'] }) {
  return <StatusPill tone={tones[status]} status={status} label={t[`status_${status}`]} testId="reservation-status" />;
}
