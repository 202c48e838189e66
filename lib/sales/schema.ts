import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, serial, text, timestamp } from 'drizzle-orm/pg-core';
import { skus } from '../catalog/schema';
import { stores } from '../stores/schema';
import { users } from '../auth/schema';

/**
 * A sale rung up in a shop: a click & reserve collection or a ticket at the till. It is what the
 * customer's timeline and loyalty points read, whichever way the goods left the shelf.
 */
export const sales = pgTable(
  'sales',
  {
    id: serial('id').primaryKey(),
    channel: text('channel', { enum: ['store', 'web'] })
      .notNull()
      .default('store'),
    storeId: integer('store_id')
      .notNull()
      .references(() => stores.locationId, { onDelete: 'restrict' }),
    customerId: integer('customer_id').references(() => users.id, { onDelete: 'set null' }),
    staffId: integer('staff_id').references(() => users.id, { onDelete: 'set null' }),
    source: text('source', { enum: ['reservation', 'till'] }).notNull(),
    /** The collected reservation; unique, so a reservation is sold once. */
    reservationId: integer('reservation_id').unique(),
    /** What the customer paid: the lines' sum less `discountCents`. */
    totalCents: integer('total_cents').notNull(),
    /** Taken off the lines' sum by redeemed loyalty points. */
    discountCents: integer('discount_cents').notNull().default(0),
    pointsRedeemed: integer('points_redeemed').notNull().default(0),
    pointsEarned: integer('points_earned').notNull().default(0),
    /** The till's ticket key: a double-submitted or retried ticket finds the first sale instead of selling twice. */
    idempotencyKey: text('idempotency_key').unique(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('sales_channel', sql`${t.channel} in ('store', 'web')`),
    check('sales_source', sql`${t.source} in ('reservation', 'till')`),
    check('sales_total', sql`${t.totalCents} >= 0`),
    check('sales_discount', sql`${t.discountCents} >= 0 AND ${t.pointsRedeemed} >= 0 AND ${t.pointsEarned} >= 0`),
    index('sales_customer_idx').on(t.customerId, t.createdAt),
    index('sales_store_idx').on(t.storeId, t.createdAt),
  ],
);

export const saleLines = pgTable(
  'sale_lines',
  {
    id: serial('id').primaryKey(),
    saleId: integer('sale_id')
      .notNull()
      .references(() => sales.id, { onDelete: 'cascade' }),
    skuId: integer('sku_id')
      .notNull()
      .references(() => skus.id, { onDelete: 'restrict' }),
    quantity: integer('quantity').notNull(),
    unitPriceCents: integer('unit_price_cents').notNull(),
  },
  (t) => [check('sale_lines_quantity', sql`${t.quantity} > 0`), index('sale_lines_sale_idx').on(t.saleId)],
);
