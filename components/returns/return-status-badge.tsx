import type { Dictionary } from '@/lib/i18n/dictionary';
import type { ReturnStatus } from '@/lib/returns/schema';

// As components/my-orders/order-status-badge.tsx: a word and a dot, amber while under way, green when refunded.
const tones: Record<ReturnStatus, { pill: string; dot: string }> = {
  booked: { pill: 'border-low/40 bg-white text-low', dot: 'bg-low' },
  received: { pill: 'border-low/40 bg-white text-low', dot: 'bg-low' },
  refunded: { pill: 'border-ok/40 bg-white text-ok', dot: 'bg-ok' },
  partially_refunded: { pill: 'border-ok/40 bg-white text-ok', dot: 'bg-ok' },
  refused: { pill: 'border-line bg-paper text-muted', dot: 'bg-muted' },
  cancelled: { pill: 'border-line bg-paper text-muted', dot: 'bg-line' },
};

export function ReturnStatusBadge({ status, t }: { status: ReturnStatus; t: Dictionary['returns'] }) {
  const tone = tones[status];
  return (
    <span
      className={`inline-flex items-center gap-1.5 rounded-full border px-2.5 py-0.5 text-sm font-semibold whitespace-nowrap ${tone.pill}`}
      data-testid="return-status"
      data-status={status}
    >
      <span aria-hidden className={`size-2 shrink-0 rounded-full ${tone.dot}`} />
      {t[`status_${status}`]}
    </span>
  );
}
