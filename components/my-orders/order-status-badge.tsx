import type { Dictionary } from '@/lib/i18n/dictionary';
import type { OrderStatus } from '@/lib/orders/schema';

// As components/reservations/status-badge.tsx: amber and green text on white, a word and a dot.
const tones: Record<OrderStatus, { pill: string; dot: string }> = {
  placed: { pill: 'border-low/40 bg-white text-low', dot: 'bg-low' },
  preparing: { pill: 'border-low/40 bg-white text-low', dot: 'bg-low' },
  ready: { pill: 'border-ok/40 bg-white text-ok', dot: 'bg-ok' },
  shipped: { pill: 'border-ok/40 bg-white text-ok', dot: 'bg-ok' },
  collected: { pill: 'border-line bg-paper text-muted', dot: 'bg-muted' },
  delivered: { pill: 'border-line bg-paper text-muted', dot: 'bg-muted' },
  cancelled: { pill: 'border-line bg-paper text-muted', dot: 'bg-line' },
};

export function OrderStatusBadge({ status, t }: { status: OrderStatus; t: Dictionary['orders'] }) {
  const tone = tones[status];
  return (
    <span
      className={`inline-flex items-center gap-1.5 rounded-full border px-2.5 py-0.5 text-sm font-semibold whitespace-nowrap ${tone.pill}`}
      data-testid="order-status"
      data-status={status}
    >
      <span aria-hidden className={`size-2 shrink-0 rounded-full ${tone.dot}`} />
      {t[`status_${status}`]}
    </span>
  );
}
