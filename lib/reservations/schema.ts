import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, serial, text, timestamp } from 'drizzle-orm/pg-core';
import { skus } from '../catalog/schema';
import { stores } from '../stores/schema';
import { users } from '../auth/schema';
import { LOCALES } from '../i18n/config';

export const RESERVATION_STATUSES = ['placed', 'ready', 'collected', 'cancelled', 'expired'] as const;
export type ReservationStatus = (typeof RESERVATION_STATUSES)[number];

/**
 * Click & reserve: units held at a shop for a shopper, paid at pickup. While a reservation is
 * `placed` or `ready` its lines' units are counted in `stock.reserved`; every transition out of
 * those states gives them back (cancelled, expired) or takes them off the shelf (collected).
 */
export const reservations = pgTable(
  'reservations',
  {
    id: serial('id').primaryKey(),
    /** Short pickup code read out or scanned at the desk (no 0/O, 1/I). */
    code: text('code').notNull().unique(),
    customerId: integer('customer_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    storeId: integer('store_id')
      .notNull()
      .references(() => stores.locationId, { onDelete: 'cascade' }),
    status: text('status', { enum: RESERVATION_STATUSES }).notNull().default('placed'),
    /** The language the shopper reserved in: the reservation's messages are written in it. */
    locale: text('locale', { enum: LOCALES }).notNull().default('fr'),
    /** A double-click or a resubmitted form carries the same key: one reservation. */
    idempotencyKey: text('idempotency_key').notNull().unique(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    readyAt: timestamp('ready_at', { withTimezone: true }),
    /** When the hold lapses: from placement until staff have picked it, then from `ready_at`. */
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    collectedAt: timestamp('collected_at', { withTimezone: true }),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    expiredAt: timestamp('expired_at', { withTimezone: true }),
    /** Staff member (or the shopper, for a cancellation) behind the last transition. */
    updatedBy: integer('updated_by').references(() => users.id, { onDelete: 'set null' }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('reservations_locale', sql`${t.locale} in ('fr', 'en')`),
    check('reservations_status', sql`${t.status} in ('placed', 'ready', 'collected', 'cancelled', 'expired')`),
    index('reservations_customer_idx').on(t.customerId, t.createdAt),
    index('reservations_store_idx').on(t.storeId, t.status, t.createdAt),
    // The expiry sweep reads only open reservations, oldest deadline first.
    index('reservations_open_expiry_idx')
      .on(t.expiresAt)
      .where(sql`${t.status} in ('placed', 'ready')`),
  ],
);

export const reservationLines = pgTable(
  'reservation_lines',
  {
    id: serial('id').primaryKey(),
    reservationId: integer('reservation_id')
      .notNull()
      .references(() => reservations.id, { onDelete: 'cascade' }),
    skuId: integer('sku_id')
      .notNull()
      .references(() => skus.id, { onDelete: 'restrict' }),
    quantity: integer('quantity').notNull(),
    /** The price shown when reserving: what the shopper pays at pickup. */
    unitPriceCents: integer('unit_price_cents').notNull(),
  },
  (t) => [check('reservation_lines_quantity', sql`${t.quantity} > 0`), index('reservation_lines_reservation_idx').on(t.reservationId)],
);
