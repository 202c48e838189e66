import { StatusPill, type StatusTone } from '@/components/status-pill';
import type { Dictionary } from '@/lib/i18n/dictionary';
import type { OrderStatus } from '@/lib/orders/schema';

const tones: Record<OrderStatus, StatusTone> = {
  placed: 'under_way',
  preparing: 'under_way',
  ready: 'good',
  shipped: 'good',
  collected: 'done',
  delivered: 'done',
  cancelled: 'ended',
};

export function OrderStatusBadge({ status, t }: { status: OrderStatus; t: Dictionary['orders'] }) {
  return <StatusPill tone={tones[status]} status={status} label={t[`status_${status}`]} testId="order-status" />;
}
