import 'server-only';
import { queryRows } from '@/lib/db/client';
import { getPaymentProviderById } from '@/lib/payments';

/**
 * Card payments are captured when the parcel leaves (markShipped). A capture that fails then —
 * the provider down, an authorisation it does not know — must not leave the order shipped and
 * unpaid for good: the order keeps its authorisation, records the attempt, and the capture job
 * tries again with growing waits. Staff see every order shipped and not yet captured
 * (listUncapturedOrders, on the deliveries desk).
 */

export type CaptureTarget = { id: number; number: string; payment_provider: string; payment_reference: string | null; total_cents: number };

/** A provider's refusal, for staff: its code and message, never a card number (none reaches here). */
function describeFailure(err: unknown): string {
  const code = err && typeof err === 'object' && typeof (err as { code?: unknown }).code === 'string' ? `${(err as { code: string }).code}: ` : '';
  return `${code}${err instanceof Error ? err.message : String(err)}`.slice(0, 300);
}

/**
 * Captures one order's authorised total, with the order's own idempotency key (a retry after an
 * unknown outcome is safe). Success: the order is paid. Failure: the attempt is counted and the
 * next one waits 1 minute, then 2, 4, … at most 6 hours. Returns whether it was captured.
 */
export async function captureOrderPayment(order: CaptureTarget): Promise<boolean> {
  if (!order.payment_reference) return false;
  try {
    await getPaymentProviderById(order.payment_provider).capture(order.payment_reference, order.total_cents, `capture:${order.number}`);
  } catch (err) {
    const error = describeFailure(err);
    const [row] = await queryRows<{ attempts: number; next_at: Date }>(
      `UPDATE orders SET capture_attempts = capture_attempts + 1, capture_last_error = $2,
              capture_next_at = clock_timestamp() + least(interval '6 hours', interval '1 minute' * power(2, capture_attempts))
       WHERE id = $1 AND payment_status = 'authorized'
       RETURNING capture_attempts AS attempts, capture_next_at AS next_at`,
      [order.id, error],
    );
    console.error(
      `orders: ${order.number} was shipped but its payment could not be captured (attempt ${row?.attempts ?? '?'}; next ${row ? new Date(row.next_at).toISOString() : 'never'}): ${error}`,
    );
    return false;
  }
  await queryRows(
    `UPDATE orders SET payment_status = 'captured', capture_attempts = capture_attempts + 1, capture_next_at = NULL, capture_last_error = NULL
     WHERE id = $1 AND payment_status = 'authorized'`,
    [order.id],
  );
  return true;
}

/**
 * The capture job: orders shipped (or since delivered) whose payment is still only authorised and
 * whose next attempt is due. Each is claimed first — its next attempt pushed 5 minutes on, under
 * SKIP LOCKED — so several servers running the job try each order once.
 */
export async function retryDueCaptures({ limit = 50 } = {}): Promise<{ captured: number; failed: number }> {
  const due = await queryRows<CaptureTarget>(
    `UPDATE orders SET capture_next_at = clock_timestamp() + interval '5 minutes'
     WHERE id IN (
       SELECT id FROM orders
       WHERE payment_status = 'authorized' AND status IN ('shipped', 'delivered') AND payment_reference IS NOT NULL
         AND (capture_next_at IS NULL OR capture_next_at <= clock_timestamp())
       ORDER BY capture_next_at NULLS FIRST, id
       LIMIT $1
       FOR UPDATE SKIP LOCKED)
     RETURNING id, number, payment_provider, payment_reference, total_cents`,
    [limit],
  );
  let captured = 0;
  for (const order of due) if (await captureOrderPayment(order)) captured++;
  return { captured, failed: due.length - captured };
}

export type UncapturedOrder = {
  id: number;
  number: string;
  status: 'shipped' | 'delivered';
  totalCents: number;
  attempts: number;
  nextAttemptAt: Date | null;
  lastError: string | null;
  shippedAt: Date;
};

/** Every order that left the warehouse with its card payment not taken yet, oldest first. */
export async function listUncapturedOrders(limit = 100): Promise<UncapturedOrder[]> {
  const rows = await queryRows<{
    id: number;
    number: string;
    status: 'shipped' | 'delivered';
    total_cents: number;
    capture_attempts: number;
    capture_next_at: Date | string | null;
    capture_last_error: string | null;
    shipped_at: Date | string;
  }>(
    `SELECT o.id, o.number, o.status, o.total_cents, o.capture_attempts, o.capture_next_at, o.capture_last_error,
            coalesce((SELECT min(e.at) FROM order_events e WHERE e.order_id = o.id AND e.kind = 'shipped'), o.updated_at) AS shipped_at
     FROM orders o
     WHERE o.payment_status = 'authorized' AND o.status IN ('shipped', 'delivered')
     ORDER BY o.id
     LIMIT $1`,
    [limit],
  );
  return rows.map((r) => ({
    id: r.id,
    number: r.number,
    status: r.status,
    totalCents: r.total_cents,
    attempts: r.capture_attempts,
    nextAttemptAt: r.capture_next_at === null ? null : new Date(r.capture_next_at),
    lastError: r.capture_last_error,
    shippedAt: new Date(r.shipped_at),
  }));
}
