import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, serial, text, timestamp } from 'drizzle-orm/pg-core';
import { users } from '../auth/schema';
import { orders } from '../orders/schema';
import { returns } from '../returns/schema';
import { sales } from '../sales/schema';
import { stores } from '../stores/schema';

/*
 * The wallet: a shopper's store credit and the gift cards, on one append-only ledger.
 *
 * - Store credit: one balance per shopper (store_credit_accounts, CHECK ≥ 0), credited by returns
 *   refunded as credit and by the wallet-paid part of a refunded order, spent online and at the
 *   till. It does not expire: French law sets no term for a credit note ("avoir"), and it is money
 *   the shop owes back. (The tables keep the names they had when the returns desk made them.)
 * - Gift cards: a code with its own balance (CHECK ≥ 0) and an expiry (GIFT_CARD_VALIDITY_DAYS,
 *   a year by default, as French retailers do), sold online or at the till. Whoever holds the code
 *   spends it (a gift changes hands); one bought by a signed-in shopper, or sold to a member whose
 *   card was scanned, is theirs: it shows in their wallet and its entries carry their id.
 *
 * Every movement of either is a row of store_credit_entries, with a unique idempotency key (a
 * retried spend or refund moves money once) and a trigger that refuses UPDATE and DELETE.
 */

export const storeCreditAccounts = pgTable(
  'store_credit_accounts',
  {
    customerId: integer('customer_id')
      .primaryKey()
      .references(() => users.id, { onDelete: 'restrict' }),
    balanceCents: integer('balance_cents').notNull().default(0),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check('store_credit_accounts_balance', sql`${t.balanceCents} >= 0`)],
);

export const giftCards = pgTable(
  'gift_cards',
  {
    id: serial('id').primaryKey(),
    /** 'GC-' and 16 characters of an alphabet without 0/O and 1/I (80 bits: not guessable). */
    code: text('code').notNull().unique(),
    initialCents: integer('initial_cents').notNull(),
    balanceCents: integer('balance_cents').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    /** The shopper whose wallet shows it: the buyer signed in online, or the member scanned at the till. */
    customerId: integer('customer_id').references(() => users.id, { onDelete: 'set null' }),
    /** Where it was sold: null online. */
    storeId: integer('store_id').references(() => stores.locationId, { onDelete: 'restrict' }),
    saleId: integer('sale_id').references(() => sales.id, { onDelete: 'restrict' }),
    paymentReference: text('payment_reference'),
    idempotencyKey: text('idempotency_key').notNull().unique(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('gift_cards_amounts', sql`${t.initialCents} > 0 and ${t.balanceCents} >= 0 and ${t.balanceCents} <= ${t.initialCents}`),
    index('gift_cards_customer_idx').on(t.customerId),
  ],
);

/**
 * return: a return refunded as credit (+); refund: the wallet-paid part of a returned order given
 * back (+); spend: paid an order or a sale (−), from the credit or from a gift card; gift_card: a
 * card sold (+, its value); adjust: by staff.
 */
export const STORE_CREDIT_KINDS = ['return', 'refund', 'spend', 'gift_card', 'adjust'] as const;
export type StoreCreditKind = (typeof STORE_CREDIT_KINDS)[number];

export const storeCreditEntries = pgTable(
  'store_credit_entries',
  {
    id: serial('id').primaryKey(),
    /** The shopper; null for a gift card nobody's wallet holds (sold to a passer-by, spent by code). */
    customerId: integer('customer_id').references(() => storeCreditAccounts.customerId, { onDelete: 'restrict' }),
    /** Set when the movement is a gift card's rather than the store credit's. */
    giftCardId: integer('gift_card_id').references(() => giftCards.id, { onDelete: 'restrict' }),
    kind: text('kind', { enum: STORE_CREDIT_KINDS }).notNull(),
    /** Signed: credited (positive) or spent (negative). */
    amountCents: integer('amount_cents').notNull(),
    returnId: integer('return_id').references(() => returns.id, { onDelete: 'restrict' }),
    orderId: integer('order_id').references(() => orders.id, { onDelete: 'restrict' }),
    saleId: integer('sale_id').references(() => sales.id, { onDelete: 'restrict' }),
    storeId: integer('store_id').references(() => stores.locationId, { onDelete: 'restrict' }),
    idempotencyKey: text('idempotency_key').notNull().unique(),
    note: text('note'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('store_credit_entries_kind', sql`${t.kind} in ('return', 'refund', 'spend', 'gift_card', 'adjust')`),
    check(
      'store_credit_entries_amount',
      sql`${t.amountCents} <> 0 and (${t.kind} not in ('return', 'refund', 'gift_card') or ${t.amountCents} > 0) and (${t.kind} <> 'spend' or ${t.amountCents} < 0)`,
    ),
    check('store_credit_entries_owner', sql`${t.customerId} is not null or ${t.giftCardId} is not null`),
    check('store_credit_entries_gift_card', sql`(${t.kind} = 'gift_card') = (${t.giftCardId} is not null and ${t.amountCents} > 0)`),
    index('store_credit_entries_customer_idx').on(t.customerId, t.createdAt),
    index('store_credit_entries_gift_card_idx').on(t.giftCardId),
    index('store_credit_entries_order_idx').on(t.orderId),
  ],
);
