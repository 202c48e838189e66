import 'server-only';
import { sql } from 'drizzle-orm';
import type { Db } from '@/lib/db';
import type { DomainError } from '@/lib/errors';
import { cutoffMinutesOf } from '@/lib/drive/read';
import { driveNotification } from '@/lib/events/drive-event';
import { OrderNotFoundError } from './errors';
import type { OrderFacts } from './permissions';
import { orderEvents, type OrderEventKind, type OrderMode, type OrderStatus, type PaymentStatus } from './schema';

/*
 * What every change to an order starts with (lib/orders/fulfilment.ts, picking.ts): the order's
 * row lock, read with its slot and the database's clock; and what it ends with: its event, and a
 * NOTIFY for the drive screens and the shopper's page.
 */

export type OrderRow = {
  id: number;
  number: string;
  customer_id: number;
  mode: OrderMode;
  location_id: number;
  status: OrderStatus;
  payment_provider: string;
  payment_reference: string | null;
  payment_status: PaymentStatus;
  subtotal_cents: number;
  discount_cents: number;
  points_redeemed: number;
  total_cents: number;
  /** Paid from the wallet when placed (lib/wallet): the card or the pickup owes the rest. */
  wallet_cents: number;
  substitutes_welcome: boolean;
  slot_starts_at: Date | string | null;
  slot_cutoff_at: Date | string | null;
  /** The database's clock, the transaction's start: what the rules are asked at. */
  now: Date | string;
};

/** What the rules of lib/orders/permissions.ts read of the locked order. */
export const factsOf = (o: OrderRow): OrderFacts => ({
  mode: o.mode,
  status: o.status,
  paymentStatus: o.payment_status,
  slot: o.slot_starts_at === null ? null : { startsAt: o.slot_starts_at, cutoffAt: o.slot_cutoff_at! },
});

export function throwIf(refusal: DomainError | null): void {
  if (refusal) throw refusal;
}

/**
 * The order, locked for this transaction; with its slot, the slot's cut-off and the database's clock.
 * Raw SQL: one statement takes the row lock (FOR UPDATE OF o, not the joined rows) and reads the
 * drive booking's cut-off at the transaction's clock, so the rules are asked about what is locked.
 */
export async function lockOrder(tx: Db, where: { orderId: number; customerId?: number; locationId?: number }): Promise<OrderRow> {
  if (!Number.isSafeInteger(where.orderId)) throw new OrderNotFoundError();
  const r = await tx.execute<OrderRow>(sql`
    SELECT o.id, o.number, o.customer_id, o.mode, o.location_id, o.status, o.payment_provider, o.payment_reference,
           o.payment_status, o.subtotal_cents, o.discount_cents, o.points_redeemed, o.total_cents, o.wallet_cents, o.substitutes_welcome,
           s.starts_at AS slot_starts_at,
           s.starts_at - make_interval(mins => ${cutoffMinutesOf(sql`s.store_id`)}) AS slot_cutoff_at, now() AS now
    FROM orders o
    LEFT JOIN drive_slot_bookings b ON b.order_ref = o.number AND b.status = 'booked'
    LEFT JOIN drive_slots s ON s.id = b.slot_id
    WHERE o.id = ${where.orderId}
      ${where.customerId !== undefined ? sql`AND o.customer_id = ${where.customerId}` : sql``}
      ${where.locationId !== undefined ? sql`AND o.location_id = ${where.locationId}` : sql``}
    FOR UPDATE OF o`);
  const row = r.rows[0];
  if (!row) throw new OrderNotFoundError();
  return row;
}

export async function addEvent(tx: Db, orderId: number, kind: OrderEventKind, actorId: number | null, note: string | null = null): Promise<void> {
  await tx.insert(orderEvents).values({ orderId, kind, actorId, note });
}

/**
 * Tells open drive screens of this store to re-read (arrivals, handovers). Raw SQL: NOTIFY has no
 * query-builder form; PostgreSQL sends it at COMMIT, never for a rolled-back change.
 */
export async function notifyDrive(tx: Db, locationId: number, orderId: number): Promise<void> {
  await tx.execute(sql`SELECT pg_notify('drive', ${driveNotification({ storeId: locationId, orderId })})`);
}

export type StaffOrderInput = { orderId: number; locationId: number; actorId: number };

/** What a staff screen names after a transition ("CMD-… is ready"), read under the order's lock. */
export type StaffOrderResult = { number: string; totalCents: number };
export const named = (o: OrderRow): StaffOrderResult => ({ number: o.number, totalCents: o.total_cents });
