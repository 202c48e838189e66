import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { users } from '../auth/schema';
import { orders } from '../orders/schema';
import { sales } from '../sales/schema';
import { stores } from '../stores/schema';

export const LOYALTY_ENTRY_KINDS = ['earn', 'redeem', 'reverse', 'expire', 'adjust'] as const;
export type LoyaltyEntryKind = (typeof LOYALTY_ENTRY_KINDS)[number];

export const LOYALTY_CHANNELS = ['web', 'store'] as const;
export type LoyaltyChannel = (typeof LOYALTY_CHANNELS)[number];

/**
 * One loyalty account per shopper, the same online and in the shops. `balance` is the sum of the
 * account's ledger entries and of its lots' remaining points — a deferred trigger checks both at
 * commit (lib/db/migrations/0008_loyalty_functions.sql) — and never goes below zero (CHECK).
 */
export const loyaltyAccounts = pgTable(
  'loyalty_accounts',
  {
    customerId: integer('customer_id')
      .primaryKey()
      .references(() => users.id, { onDelete: 'restrict' }),
    /** EAN-13 with the in-house prefix '29', printed on the card and typed or scanned at the till. */
    cardNumber: text('card_number').notNull(),
    balance: integer('balance').notNull().default(0),
    joinedAt: timestamp('joined_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('loyalty_accounts_card_number_unique').on(t.cardNumber),
    check('loyalty_accounts_balance', sql`${t.balance} >= 0`),
    check('loyalty_accounts_card_number', sql`${t.cardNumber} ~ '^29[0-9]{11}$'`),
  ],
);

/**
 * The append-only ledger (UPDATE and DELETE are refused by a trigger). Every change of balance is
 * one entry, written in the same transaction as the balance's conditional UPDATE; a retried
 * request carries the same idempotency key and finds its first entry instead of writing a second.
 */
export const loyaltyEntries = pgTable(
  'loyalty_entries',
  {
    id: serial('id').primaryKey(),
    customerId: integer('customer_id')
      .notNull()
      .references(() => loyaltyAccounts.customerId, { onDelete: 'restrict' }),
    kind: text('kind', { enum: LOYALTY_ENTRY_KINDS }).notNull(),
    /** Signed: what this entry did to the balance. */
    points: integer('points').notNull(),
    channel: text('channel', { enum: LOYALTY_CHANNELS }),
    storeId: integer('store_id').references(() => stores.locationId, { onDelete: 'restrict' }),
    orderId: integer('order_id').references(() => orders.id, { onDelete: 'restrict' }),
    saleId: integer('sale_id').references(() => sales.id, { onDelete: 'restrict' }),
    idempotencyKey: text('idempotency_key').notNull(),
    /**
     * Spend behind the entry, in cents: what was paid (earn), what was given back (reverse,
     * negative). The rolling 12-month sum of it sets the tier.
     */
    spendCents: integer('spend_cents').notNull().default(0),
    /** Redeem: what the points took off the bill, in cents. */
    discountCents: integer('discount_cents').notNull().default(0),
    /** Reverse: points that should have been taken back but were already spent (never below zero). */
    shortfall: integer('shortfall').notNull().default(0),
    staffId: integer('staff_id').references(() => users.id, { onDelete: 'set null' }),
    note: text('note'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('loyalty_entries_idempotency_key_unique').on(t.idempotencyKey),
    check('loyalty_entries_kind', sql`${t.kind} in ('earn', 'redeem', 'reverse', 'expire', 'adjust')`),
    check('loyalty_entries_channel', sql`${t.channel} is null or ${t.channel} in ('web', 'store')`),
    check(
      'loyalty_entries_sign',
      sql`(${t.kind} = 'earn' and ${t.points} >= 0) or (${t.kind} in ('redeem', 'expire') and ${t.points} < 0) or (${t.kind} = 'adjust' and ${t.points} <> 0) or ${t.kind} = 'reverse'`,
    ),
    check('loyalty_entries_shortfall', sql`${t.shortfall} >= 0`),
    check('loyalty_entries_discount', sql`${t.discountCents} >= 0`),
    index('loyalty_entries_customer_idx').on(t.customerId, t.createdAt),
    index('loyalty_entries_order_idx')
      .on(t.orderId)
      .where(sql`${t.orderId} is not null`),
    index('loyalty_entries_sale_idx')
      .on(t.saleId)
      .where(sql`${t.saleId} is not null`),
  ],
);

/**
 * Points in hand, by when they were credited: earned points, points given back, positive
 * adjustments. Spending (redeem, reverse, negative adjustment) takes from the lots that expire
 * first; the expiry sweep zeroes lots past `expires_at` and writes an 'expire' entry for each.
 */
export const loyaltyLots = pgTable(
  'loyalty_lots',
  {
    id: serial('id').primaryKey(),
    customerId: integer('customer_id')
      .notNull()
      .references(() => loyaltyAccounts.customerId, { onDelete: 'restrict' }),
    /** The entry that credited the lot. */
    entryId: integer('entry_id')
      .notNull()
      .references(() => loyaltyEntries.id, { onDelete: 'restrict' }),
    points: integer('points').notNull(),
    remaining: integer('remaining').notNull(),
    earnedAt: timestamp('earned_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    check('loyalty_lots_remaining', sql`${t.remaining} >= 0 and ${t.remaining} <= ${t.points}`),
    uniqueIndex('loyalty_lots_entry_unique').on(t.entryId),
    index('loyalty_lots_open_idx')
      .on(t.customerId, t.expiresAt)
      .where(sql`${t.remaining} > 0`),
    index('loyalty_lots_due_idx')
      .on(t.expiresAt)
      .where(sql`${t.remaining} > 0`),
  ],
);
