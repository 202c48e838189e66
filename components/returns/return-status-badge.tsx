import { StatusPill, type StatusTone } from '@/components/status-pill';
import type { Dictionary } from '@/lib/i18n/dictionary';
import type { ReturnStatus } from '@/lib/returns/schema';

/** Amber while under way, green when refunded. */
const tones: Record<ReturnStatus, StatusTone> = {
  booked: 'under_way',
  received: 'under_way',
  refunded: 'good',
  partially_refunded: 'good',
  refused: 'done',
  cancelled: 'ended',
};

export function ReturnStatusBadge({ status, t }: { status: ReturnStatus; t: Dictionary['returns'] }) {
  return <StatusPill tone={tones[status]} status={status} label={t[`status_${status}`]} testId="return-status" />;
}
