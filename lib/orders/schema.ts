import { sql } from 'drizzle-orm';
import { bigint, boolean, check, index, integer, pgTable, serial, text, timestamp, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { skus } from '../catalog/schema';
import { locations } from '../stores/schema';
import { users } from '../auth/schema';
import { LOCALES } from '../i18n/config';

export const ORDER_MODES = ['delivery', 'drive'] as const;
export type OrderMode = (typeof ORDER_MODES)[number];

/**
 * Drive: placed → preparing → ready → collected. Home delivery: placed → preparing → shipped →
 * delivered. Either may be cancelled while it is still placed or preparing (a drive order only
 * before its slot's cut-off).
 */
export const ORDER_STATUSES = ['placed', 'preparing', 'ready', 'collected', 'shipped', 'delivered', 'cancelled'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

export const PAYMENT_STATUSES = ['authorized', 'captured', 'due_at_pickup', 'paid_at_pickup', 'voided'] as const;
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];

/**
 * An online order. While it is open (not collected, delivered or cancelled… nor shipped) its lines'
 * units are counted in `stock.reserved` at `location_id`: the web warehouse for home delivery, the
 * drive store for a drive order. A drive order's slot is its booking in lib/drive.
 */
export const orders = pgTable(
  'orders',
  {
    id: serial('id').primaryKey(),
    /** What the shopper and the staff read: 'CMD-' and eight unambiguous characters. */
    number: text('number').notNull().unique(),
    customerId: integer('customer_id')
      .notNull()
      .references(() => users.id, { onDelete: 'restrict' }),
    mode: text('mode', { enum: ORDER_MODES }).notNull(),
    /** Where the stock is held and leaves from. */
    locationId: integer('location_id')
      .notNull()
      .references(() => locations.id, { onDelete: 'restrict' }),
    status: text('status', { enum: ORDER_STATUSES }).notNull().default('placed'),
    /** The language the shopper ordered in: the order's messages are written in it. */
    locale: text('locale', { enum: LOCALES }).notNull().default('fr'),
    subtotalCents: integer('subtotal_cents').notNull(),
    deliveryCents: integer('delivery_cents').notNull().default(0),
    /** Loyalty points spent on this order (lib/loyalty) and the euros they took off the goods. */
    pointsRedeemed: integer('points_redeemed').notNull().default(0),
    discountCents: integer('discount_cents').notNull().default(0),
    /** What the shopper pays: subtotal + delivery − points discount. */
    totalCents: integer('total_cents').notNull(),
    /**
     * The part of the total paid from the shopper's wallet (store credit, gift card: lib/wallet) when
     * the order was placed; the payment provider is asked for the rest only (none: provider 'wallet').
     */
    walletCents: integer('wallet_cents').notNull().default(0),
    paymentProvider: text('payment_provider').notNull(),
    paymentReference: text('payment_reference'),
    paymentStatus: text('payment_status', { enum: PAYMENT_STATUSES }).notNull(),
    cardLast4: text('card_last4'),
    /**
     * What the card authorisation holds (a card order), fixed at placing. A drive order's total can
     * only fall at picking (short lines, refused substitutes, a dearer substitute charged at the
     * original's price), so the capture at handover never asks for more than this.
     */
    authorizedCents: integer('authorized_cents'),
    /** Drive: the shopper's answer, at checkout, to a proposal nobody answers before handover. */
    substitutesWelcome: boolean('substitutes_welcome').notNull().default(false),
    /** A capture that failed after shipping, retried with backoff (lib/orders/captures.ts). */
    captureAttempts: integer('capture_attempts').notNull().default(0),
    captureNextAt: timestamp('capture_next_at', { withTimezone: true }),
    captureLastError: text('capture_last_error'),
    /** Home delivery address (required for delivery orders). */
    deliveryName: text('delivery_name'),
    deliveryAddress: text('delivery_address'),
    deliveryPostcode: text('delivery_postcode'),
    deliveryTown: text('delivery_town'),
    deliveryPhone: text('delivery_phone'),
    /**
     * Ordered at a shop's till for the customer (an item that shop lacked, sent from the web
     * warehouse): that shop, which took the payment. Null for orders the shopper placed online.
     */
    placedAtStoreId: integer('placed_at_store_id').references(() => locations.id, { onDelete: 'restrict' }),
    /** A double-click or a resubmitted checkout carries the same key: one order, one charge. */
    idempotencyKey: text('idempotency_key').notNull().unique(),
    /** Drive: the shopper tapped "I'm here" (and which bay they parked in). */
    arrivedAt: timestamp('arrived_at', { withTimezone: true }),
    arrivalBay: text('arrival_bay'),
    placedAt: timestamp('placed_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    /**
     * The transaction that last wrote the order (set by a trigger on every insert and update,
     * migration 0033): the API's change feed reads past a cursor on (feed_xid, id) only below the
     * oldest transaction still running, so an order committed late is never skipped (lib/orders/feed.ts).
     */
    feedXid: bigint('feed_xid', { mode: 'number' })
      .notNull()
      .default(sql`(pg_current_xact_id()::text)::bigint`),
  },
  (t) => [
    index('orders_feed_idx').on(t.feedXid, t.id),
    check('orders_locale', sql`${t.locale} in ('fr', 'en')`),
    check('orders_mode', sql`${t.mode} in ('delivery', 'drive')`),
    check('orders_status', sql`${t.status} in ('placed', 'preparing', 'ready', 'collected', 'shipped', 'delivered', 'cancelled')`),
    check(
      'orders_status_for_mode',
      sql`(${t.mode} = 'drive' and ${t.status} not in ('shipped', 'delivered')) or (${t.mode} = 'delivery' and ${t.status} not in ('ready', 'collected'))`,
    ),
    check('orders_payment_status', sql`${t.paymentStatus} in ('authorized', 'captured', 'due_at_pickup', 'paid_at_pickup', 'voided')`),
    check(
      'orders_totals',
      sql`${t.subtotalCents} >= 0 and ${t.deliveryCents} >= 0 and ${t.discountCents} >= 0 and ${t.discountCents} <= ${t.subtotalCents} and (${t.discountCents} = 0 or ${t.totalCents} > 0) and ${t.totalCents} = ${t.subtotalCents} + ${t.deliveryCents} - ${t.discountCents}`,
    ),
    // The card holds what the wallet did not pay (lib/wallet/pay.ts), and never less than that is owed.
    check(
      'orders_within_authorisation',
      sql`${t.authorizedCents} is null or (${t.authorizedCents} > 0 and ${t.totalCents} - ${t.walletCents} <= ${t.authorizedCents})`,
    ),
    check('orders_wallet', sql`${t.walletCents} >= 0 and ${t.walletCents} <= ${t.totalCents}`),
    check('orders_points', sql`${t.pointsRedeemed} >= 0 and (${t.pointsRedeemed} = 0) = (${t.discountCents} = 0)`),
    check(
      'orders_delivery_address',
      sql`${t.mode} = 'drive' or (${t.deliveryName} is not null and ${t.deliveryAddress} is not null and ${t.deliveryPostcode} is not null and ${t.deliveryTown} is not null)`,
    ),
    // Paid at a shop's till: only a home delivery, and only as "paid in a shop".
    check('orders_placed_at_store', sql`${t.placedAtStoreId} is null or (${t.mode} = 'delivery' and ${t.paymentStatus} = 'paid_at_pickup')`),
    index('orders_customer_idx').on(t.customerId, t.placedAt),
    index('orders_location_idx').on(t.locationId, t.status, t.placedAt),
    // The capture job's due orders (migration 0017).
    index('orders_capture_due_idx')
      .on(t.captureNextAt)
      .where(sql`${t.paymentStatus} = 'authorized' AND ${t.status} IN ('shipped', 'delivered', 'collected')`),
  ],
);

export const SUBSTITUTE_ANSWERS = ['accepted', 'refused'] as const;
export type SubstituteAnswer = (typeof SUBSTITUTE_ANSWERS)[number];

export const orderLines = pgTable(
  'order_lines',
  {
    id: serial('id').primaryKey(),
    orderId: integer('order_id')
      .notNull()
      .references(() => orders.id, { onDelete: 'cascade' }),
    skuId: integer('sku_id')
      .notNull()
      .references(() => skus.id, { onDelete: 'restrict' }),
    quantity: integer('quantity').notNull(),
    /** The price at order time: what was charged, whatever the catalogue says later. */
    unitPriceCents: integer('unit_price_cents').notNull(),
    /*
     * Drive picking (lib/orders/picking.ts). Null: not picked yet (handed over whole). Otherwise
     * the units of this SKU found on the shelf, 0 to `quantity`; the missing ones may be replaced
     * one for one by a substitute, held in stock from the proposal until the shopper refuses it.
     */
    pickedQuantity: integer('picked_quantity'),
    substituteSkuId: integer('substitute_sku_id').references(() => skus.id, { onDelete: 'restrict' }),
    /** What a substitute unit costs the shopper: its price, capped at this line's unit price. */
    substituteUnitPriceCents: integer('substitute_unit_price_cents'),
    /** Null while the shopper has not answered; set at handover from their checkout preference if still null. */
    substituteAnswer: text('substitute_answer', { enum: SUBSTITUTE_ANSWERS }),
    substituteAnsweredBy: text('substitute_answered_by', { enum: ['shopper', 'preference'] }),
    /**
     * A line written at handover for an accepted substitute (the original's id): the record of
     * what was sold, which returns and receipts read. Never shown as a line of its own while picking.
     */
    substituteForLineId: integer('substitute_for_line_id').references((): AnyPgColumn => orderLines.id, { onDelete: 'cascade' }),
  },
  (t) => [
    check('order_lines_quantity', sql`${t.quantity} > 0`),
    check('order_lines_price', sql`${t.unitPriceCents} >= 0`),
    check('order_lines_picked', sql`${t.pickedQuantity} is null or ${t.pickedQuantity} between 0 and ${t.quantity}`),
    // A substitute replaces missing units only, at no more than the original's price.
    check(
      'order_lines_substitute',
      sql`(${t.substituteSkuId} is null and ${t.substituteUnitPriceCents} is null and ${t.substituteAnswer} is null) or (${t.substituteSkuId} is not null and ${t.substituteSkuId} <> ${t.skuId} and ${t.pickedQuantity} is not null and ${t.pickedQuantity} < ${t.quantity} and ${t.substituteUnitPriceCents} between 0 and ${t.unitPriceCents})`,
    ),
    check('order_lines_substitute_answer', sql`${t.substituteAnswer} is null or ${t.substituteAnswer} in ('accepted', 'refused')`),
    check('order_lines_substitute_answered_by', sql`(${t.substituteAnswer} is null) = (${t.substituteAnsweredBy} is null)`),
    index('order_lines_order_idx').on(t.orderId),
  ],
);

export const ORDER_EVENT_KINDS = [...ORDER_STATUSES, 'arrived', 'slot_moved', 'substitute_proposed', 'substitute_accepted', 'substitute_refused'] as const;
export type OrderEventKind = (typeof ORDER_EVENT_KINDS)[number];

/** The order's history: every status change, arrival and slot move, with who did it. */
export const orderEvents = pgTable(
  'order_events',
  {
    id: serial('id').primaryKey(),
    orderId: integer('order_id')
      .notNull()
      .references(() => orders.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: ORDER_EVENT_KINDS }).notNull(),
    actorId: integer('actor_id').references(() => users.id, { onDelete: 'set null' }),
    note: text('note'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check(
      'order_events_kind',
      sql`${t.kind} in ('placed', 'preparing', 'ready', 'collected', 'shipped', 'delivered', 'cancelled', 'arrived', 'slot_moved', 'substitute_proposed', 'substitute_accepted', 'substitute_refused')`,
    ),
    index('order_events_order_idx').on(t.orderId, t.at),
  ],
);
