import { sql } from 'drizzle-orm';
import { bigint, boolean, check, index, integer, pgTable, pgView, serial, smallint, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { capacitySlots, slotViewColumns } from '../booking/schema';
import { users } from '../auth/schema';
import { orderLines, orders } from '../orders/schema';
import { stores } from '../stores/schema';

/*
 * Returns of online orders, dropped off at a shop's returns desk (stores.returns_desk). Two
 * invariants live in the database, held by triggers that lock a row before counting, so every
 * writer is held to them:
 * - a drop-off window never takes more returns than its capacity: a booked return's window is its
 *   claim in the shared capacity booking (lib/booking; lib/db/migrations/0022_capacity_booking.sql);
 * - an order line is never returned more than it was bought: the units of live returns (not
 *   cancelled, line not refused) stay within the line's quantity (the order line is locked;
 *   lib/db/migrations/0013_returns_functions.sql).
 */

/** Per-store desk settings; a desk without a row takes RETURNS_CAPACITY_PER_HOUR. */
export const returnDeskSettings = pgTable(
  'return_desk_settings',
  {
    storeId: integer('store_id')
      .primaryKey()
      .references(() => stores.locationId, { onDelete: 'cascade' }),
    /** Returns the desk can take in one hour-long drop-off window. */
    capacityPerHour: smallint('capacity_per_hour').notNull(),
  },
  (t) => [check('return_desk_settings_capacity', sql`${t.capacityPerHour} between 1 and 200`)],
);

/**
 * An hour-long drop-off window, made when its first return is booked (the offer itself is computed
 * from the store's opening hours): a slot of the shared capacity booking (lib/booking/schema.ts,
 * kind 'returns'), named by this view. Its row is what concurrent bookings lock and queue on.
 */
export const returnWindows = pgView('return_windows', slotViewColumns()).existing();

/**
 * booked → received (refund under way) → refunded | partially_refunded (some lines refused), or
 * refused (every line refused); booked → cancelled by the shopper.
 */
export const RETURN_STATUSES = ['booked', 'received', 'refunded', 'partially_refunded', 'refused', 'cancelled'] as const;
export type ReturnStatus = (typeof RETURN_STATUSES)[number];

/**
 * card: back to the card the order was paid with (the payment provider's refund). desk: a drive
 * order paid at pickup has no card to refund: the desk hands the money back (recorded through the
 * pay-at-pickup provider). store_credit: a balance to spend in the shops and online.
 */
export const REFUND_METHODS = ['card', 'desk', 'store_credit'] as const;
export type RefundMethod = (typeof REFUND_METHODS)[number];

/** none: nothing to refund (yet, or ever). pending: the provider is being asked. */
export const REFUND_STATES = ['none', 'pending', 'succeeded', 'failed'] as const;
export type RefundState = (typeof REFUND_STATES)[number];

export const returns = pgTable(
  'returns',
  {
    id: serial('id').primaryKey(),
    /** The pass: 'R-' and six unambiguous characters, in the QR code and read out at the desk. */
    code: text('code').notNull().unique(),
    orderId: integer('order_id')
      .notNull()
      .references(() => orders.id, { onDelete: 'restrict' }),
    customerId: integer('customer_id')
      .notNull()
      .references(() => users.id, { onDelete: 'restrict' }),
    storeId: integer('store_id')
      .notNull()
      .references(() => stores.locationId, { onDelete: 'restrict' }),
    /** Null for a walk-in return (no booking). */
    windowId: integer('window_id').references(() => capacitySlots.id, { onDelete: 'restrict' }),
    walkIn: boolean('walk_in').notNull().default(false),
    status: text('status', { enum: RETURN_STATUSES }).notNull().default('booked'),
    refundMethod: text('refund_method', { enum: REFUND_METHODS }).notNull(),
    /** What goes back to the shopper, set at check-in: the refunded goods net of their share of a points discount. */
    refundCents: integer('refund_cents').notNull().default(0),
    refundState: text('refund_state', { enum: REFUND_STATES }).notNull().default('none'),
    /** The provider's refund id, or the store-credit entry's id. */
    refundReference: text('refund_reference'),
    refundError: text('refund_error'),
    pointsReversed: integer('points_reversed').notNull().default(0),
    /** Points that should have been taken back but were already spent (never below zero). */
    pointsShortfall: integer('points_shortfall').notNull().default(0),
    /** A retried booking carries the same key: one return. */
    idempotencyKey: text('idempotency_key').notNull().unique(),
    bookedAt: timestamp('booked_at', { withTimezone: true }).notNull().defaultNow(),
    receivedAt: timestamp('received_at', { withTimezone: true }),
    receivedBy: integer('received_by').references(() => users.id, { onDelete: 'set null' }),
    refundedAt: timestamp('refunded_at', { withTimezone: true }),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    /** The transaction that last wrote the return, for the API's change feed (as orders.feed_xid). */
    feedXid: bigint('feed_xid', { mode: 'number' })
      .notNull()
      .default(sql`(pg_current_xact_id()::text)::bigint`),
  },
  (t) => [
    index('returns_feed_idx').on(t.feedXid, t.id),
    check('returns_status', sql`${t.status} in ('booked', 'received', 'refunded', 'partially_refunded', 'refused', 'cancelled')`),
    check('returns_refund_method', sql`${t.refundMethod} in ('card', 'desk', 'store_credit')`),
    check('returns_refund_state', sql`${t.refundState} in ('none', 'pending', 'succeeded', 'failed')`),
    check('returns_window', sql`${t.walkIn} or ${t.windowId} is not null`),
    check('returns_amounts', sql`${t.refundCents} >= 0 and ${t.pointsReversed} >= 0 and ${t.pointsShortfall} >= 0`),
    check('returns_received', sql`${t.status} in ('booked', 'cancelled') or ${t.receivedAt} is not null`),
    index('returns_order_idx').on(t.orderId),
    index('returns_customer_idx').on(t.customerId, t.bookedAt),
    index('returns_window_idx').on(t.windowId),
    index('returns_store_idx').on(t.storeId, t.status),
  ],
);

export const RETURN_REASONS = ['changed_mind', 'wrong_size', 'defective', 'not_as_described', 'arrived_late', 'other'] as const;
export type ReturnReason = (typeof RETURN_REASONS)[number];

export const LINE_OUTCOMES = ['resellable', 'damaged', 'refused'] as const;
export type LineOutcome = (typeof LINE_OUTCOMES)[number];

export const returnLines = pgTable(
  'return_lines',
  {
    id: serial('id').primaryKey(),
    returnId: integer('return_id')
      .notNull()
      .references(() => returns.id, { onDelete: 'cascade' }),
    orderLineId: integer('order_line_id')
      .notNull()
      .references(() => orderLines.id, { onDelete: 'restrict' }),
    quantity: integer('quantity').notNull(),
    reason: text('reason', { enum: RETURN_REASONS }).notNull(),
    /** Decided at the desk: resellable (back on this shop's shelf), damaged (refunded, not restocked), refused (handed back). */
    outcome: text('outcome', { enum: LINE_OUTCOMES }),
    refusalReason: text('refusal_reason'),
  },
  (t) => [
    uniqueIndex('return_lines_one_per_order_line').on(t.returnId, t.orderLineId),
    index('return_lines_order_line_idx').on(t.orderLineId),
    check('return_lines_quantity', sql`${t.quantity} > 0`),
    check('return_lines_reason', sql`${t.reason} in ('changed_mind', 'wrong_size', 'defective', 'not_as_described', 'arrived_late', 'other')`),
    check('return_lines_outcome', sql`${t.outcome} is null or ${t.outcome} in ('resellable', 'damaged', 'refused')`),
    check('return_lines_refusal', sql`(${t.outcome} = 'refused') = (${t.refusalReason} is not null) or ${t.outcome} is null`),
  ],
);

export const RETURN_EVENT_KINDS = ['booked', 'rescheduled', 'cancelled', 'received', 'refunded', 'refund_failed', 'refused'] as const;
export type ReturnEventKind = (typeof RETURN_EVENT_KINDS)[number];

/** The return's history for the shopper's timeline and the desk. */
export const returnEvents = pgTable(
  'return_events',
  {
    id: serial('id').primaryKey(),
    returnId: integer('return_id')
      .notNull()
      .references(() => returns.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: RETURN_EVENT_KINDS }).notNull(),
    actorId: integer('actor_id').references(() => users.id, { onDelete: 'set null' }),
    note: text('note'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('return_events_kind', sql`${t.kind} in ('booked', 'rescheduled', 'cancelled', 'received', 'refunded', 'refund_failed', 'refused')`),
    index('return_events_return_idx').on(t.returnId, t.at),
  ],
);
