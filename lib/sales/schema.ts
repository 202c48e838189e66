import { sql } from 'drizzle-orm';
import { type AnyPgColumn, check, date, index, integer, pgTable, serial, text, timestamp, unique } from 'drizzle-orm/pg-core';
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
    /** The end-of-day close that counted this till sale; null until one does, so no close counts it twice. */
    closeId: integer('close_id').references((): AnyPgColumn => tillCloses.id, { onDelete: 'restrict' }),
  },
  (t) => [
    check('sales_channel', sql`${t.channel} in ('store', 'web')`),
    check('sales_source', sql`${t.source} in ('reservation', 'till')`),
    check('sales_total', sql`${t.totalCents} >= 0`),
    check('sales_discount', sql`${t.discountCents} >= 0 AND ${t.pointsRedeemed} >= 0 AND ${t.pointsEarned} >= 0`),
    index('sales_customer_idx').on(t.customerId, t.createdAt),
    index('sales_store_idx').on(t.storeId, t.createdAt),
    index('sales_unclosed_idx')
      .on(t.storeId, t.createdAt)
      .where(sql`${t.closeId} IS NULL AND ${t.source} = 'till'`),
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

/**
 * How a till sale was paid: one row per method (card, cash), their amounts summing to the sale's
 * total — checked at commit by a deferred constraint trigger (migration 0025), so no writer can
 * record a sale paid for less or more than it cost. Cash keeps what was handed over and the change
 * given back (change = given − amount ≥ 0); card keeps the provider's reference for capture and refund.
 */
export const salePayments = pgTable(
  'sale_payments',
  {
    id: serial('id').primaryKey(),
    saleId: integer('sale_id')
      .notNull()
      .references(() => sales.id, { onDelete: 'cascade' }),
    /** store_credit and gift_card: paid from the wallet (lib/wallet), the ledger entry's id as the reference. */
    method: text('method', { enum: ['card', 'cash', 'store_credit', 'gift_card'] }).notNull(),
    amountCents: integer('amount_cents').notNull(),
    givenCents: integer('given_cents'),
    changeCents: integer('change_cents'),
    providerId: text('provider_id'),
    providerReference: text('provider_reference'),
    cardLast4: text('card_last4'),
    /** When the card's hold was taken; null until then (a capture lost after the commit is done again on a replay). */
    capturedAt: timestamp('captured_at', { withTimezone: true }),
  },
  (t) => [
    check('sale_payments_method', sql`${t.method} in ('card', 'cash', 'store_credit', 'gift_card')`),
    check('sale_payments_amount', sql`${t.amountCents} > 0`),
    check(
      'sale_payments_tender',
      sql`(${t.method} = 'cash' AND ${t.givenCents} IS NOT NULL AND ${t.changeCents} IS NOT NULL AND ${t.changeCents} = ${t.givenCents} - ${t.amountCents} AND ${t.changeCents} >= 0 AND ${t.providerReference} IS NULL)
       OR (${t.method} = 'card' AND ${t.givenCents} IS NULL AND ${t.changeCents} IS NULL AND ${t.providerId} IS NOT NULL AND ${t.providerReference} IS NOT NULL)
       OR (${t.method} IN ('store_credit', 'gift_card') AND ${t.givenCents} IS NULL AND ${t.changeCents} IS NULL AND ${t.providerId} = 'wallet' AND ${t.providerReference} IS NOT NULL)`,
    ),
    unique('sale_payments_sale_method').on(t.saleId, t.method),
  ],
);

/**
 * An end-of-day close of a store's till (one till per store: the till screen is the store's) for
 * one business day in Europe/Paris: the till sales it counted and their totals per method. Unique
 * per store and day, so a second close — a double tap, a second tab, a retry — finds the first
 * instead of counting again; the sales it counted point at it (`sales.close_id`).
 */
export const tillCloses = pgTable(
  'till_closes',
  {
    id: serial('id').primaryKey(),
    storeId: integer('store_id')
      .notNull()
      .references(() => stores.locationId, { onDelete: 'restrict' }),
    businessDay: date('business_day', { mode: 'string' }).notNull(),
    closedBy: integer('closed_by').references(() => users.id, { onDelete: 'set null' }),
    idempotencyKey: text('idempotency_key').notNull().unique(),
    salesCount: integer('sales_count').notNull().default(0),
    cardCount: integer('card_count').notNull().default(0),
    cardCents: integer('card_cents').notNull().default(0),
    cashCount: integer('cash_count').notNull().default(0),
    cashCents: integer('cash_cents').notNull().default(0),
    /** Paid from the wallet (lib/wallet): store credit and gift cards apart, since they are two different debts the shop owed. */
    storeCreditCount: integer('store_credit_count').notNull().default(0),
    storeCreditCents: integer('store_credit_cents').notNull().default(0),
    giftCardCount: integer('gift_card_count').notNull().default(0),
    giftCardCents: integer('gift_card_cents').notNull().default(0),
    totalCents: integer('total_cents').notNull().default(0),
    closedAt: timestamp('closed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('till_closes_store_day').on(t.storeId, t.businessDay),
    check(
      'till_closes_totals',
      sql`${t.salesCount} >= 0 AND ${t.cardCount} >= 0 AND ${t.cardCents} >= 0 AND ${t.cashCount} >= 0 AND ${t.cashCents} >= 0 AND ${t.totalCents} >= 0`,
    ),
    check('till_closes_wallet', sql`${t.storeCreditCount} >= 0 AND ${t.storeCreditCents} >= 0 AND ${t.giftCardCount} >= 0 AND ${t.giftCardCents} >= 0`),
    // The methods add up to the day's total: each till sale's payments sum to its own total.
    check('till_closes_methods_sum', sql`${t.cardCents} + ${t.cashCents} + ${t.storeCreditCents} + ${t.giftCardCents} = ${t.totalCents}`),
  ],
);
