import 'server-only';
import { and, eq, inArray, isNotNull, isNull, lte, or, sql } from 'drizzle-orm';
import { getDb } from '@/lib/db';
import { getPaymentProviderById } from '@/lib/payments';
import { orderEvents, orders } from './schema';

/**
 * Card payments are captured when the parcel leaves (markShipped), or when a drive order paid
 * online is handed over (handOverOrder: for what was handed over). A capture that fails then —
 * the provider down, an authorisation it does not know — must not leave the order shipped and
 * unpaid for good: the order keeps its authorisation, records the attempt, and the capture job
 * tries again with growing waits. Staff see every order shipped and not yet captured
 * (listUncapturedOrders, on the deliveries desk). The claims and backoffs are measured on the
 * database's clock_timestamp() (the wall clock, not the transaction's start).
 */

export type CaptureTarget = {
  id: number;
  number: string;
  payment_provider: string;
  payment_reference: string | null;
  total_cents: number;
  /** Paid from the wallet when the order was placed: the card was authorised for the rest only. */
  wallet_cents: number;
};

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
  const amountCents = order.total_cents - order.wallet_cents;
  try {
    const provider = getPaymentProviderById(order.payment_provider);
    // Nothing left for the card (a drive order handed over for no more than the wallet paid): the
    // hold is let go instead, and the order is paid.
    if (amountCents <= 0) await provider.void(order.payment_reference);
    else await provider.capture(order.payment_reference, amountCents, `capture:${order.number}`);
  } catch (err) {
    const error = describeFailure(err);
    const db = await getDb();
    // The wait doubles with each attempt made before this one (SET reads the row as it was).
    const [row] = await db
      .update(orders)
      .set({
        captureAttempts: sql`${orders.captureAttempts} + 1`,
        captureLastError: error,
        captureNextAt: sql`clock_timestamp() + least(interval '6 hours', interval '1 minute' * power(2, ${orders.captureAttempts}))`,
      })
      .where(and(eq(orders.id, order.id), eq(orders.paymentStatus, 'authorized')))
      .returning({ attempts: orders.captureAttempts, nextAt: orders.captureNextAt });
    console.error(
      `orders: ${order.number} left (shipped or handed over) but its payment could not be captured (attempt ${row?.attempts ?? '?'}; next ${row?.nextAt ? row.nextAt.toISOString() : 'never'}): ${error}`,
    );
    return false;
  }
  const db = await getDb();
  await db
    .update(orders)
    .set({ paymentStatus: 'captured', captureAttempts: sql`${orders.captureAttempts} + 1`, captureNextAt: null, captureLastError: null })
    .where(and(eq(orders.id, order.id), eq(orders.paymentStatus, 'authorized')));
  return true;
}

/**
 * The capture job: orders shipped (or since delivered) whose payment is still only authorised and
 * whose next attempt is due. Each is claimed first — its next attempt pushed 5 minutes on, under
 * SKIP LOCKED — so several servers running the job try each order once.
 */
export async function retryDueCaptures({ limit = 50 } = {}): Promise<{ captured: number; failed: number }> {
  const db = await getDb();
  const claimable = db
    .select({ id: orders.id })
    .from(orders)
    .where(
      and(
        eq(orders.paymentStatus, 'authorized'),
        inArray(orders.status, ['shipped', 'delivered', 'collected']),
        isNotNull(orders.paymentReference),
        or(isNull(orders.captureNextAt), lte(orders.captureNextAt, sql`clock_timestamp()`)),
      ),
    )
    .orderBy(sql`${orders.captureNextAt} NULLS FIRST`, orders.id)
    .limit(limit)
    .for('update', { skipLocked: true });
  const due: CaptureTarget[] = await db
    .update(orders)
    .set({ captureNextAt: sql`clock_timestamp() + interval '5 minutes'` })
    .where(inArray(orders.id, claimable))
    .returning({
      id: orders.id,
      number: orders.number,
      payment_provider: orders.paymentProvider,
      payment_reference: orders.paymentReference,
      total_cents: orders.totalCents,
      wallet_cents: orders.walletCents,
    });
  let captured = 0;
  for (const order of due) if (await captureOrderPayment(order)) captured++;
  return { captured, failed: due.length - captured };
}

export type UncapturedOrder = {
  id: number;
  number: string;
  status: 'shipped' | 'delivered' | 'collected';
  totalCents: number;
  attempts: number;
  nextAttemptAt: Date | null;
  lastError: string | null;
  shippedAt: Date;
};

/** Every order that left (the warehouse, or a drive) with its card payment not taken yet, oldest first. */
export async function listUncapturedOrders(limit = 100): Promise<UncapturedOrder[]> {
  const db = await getDb();
  // When it left: its first 'shipped' event, else its last change.
  const shippedAt = sql<Date>`coalesce((${db
    .select({ at: sql`min(${orderEvents.at})` })
    .from(orderEvents)
    .where(and(eq(orderEvents.orderId, orders.id), inArray(orderEvents.kind, ['shipped', 'collected'])))}), ${orders.updatedAt})`.mapWith(orders.updatedAt);
  const rows = await db
    .select({
      id: orders.id,
      number: orders.number,
      status: orders.status,
      totalCents: orders.totalCents,
      attempts: orders.captureAttempts,
      nextAttemptAt: orders.captureNextAt,
      lastError: orders.captureLastError,
      shippedAt,
    })
    .from(orders)
    .where(and(eq(orders.paymentStatus, 'authorized'), inArray(orders.status, ['shipped', 'delivered', 'collected'])))
    .orderBy(orders.id)
    .limit(limit);
  return rows.map((r) => ({ ...r, status: r.status as UncapturedOrder['status'] }));
}
