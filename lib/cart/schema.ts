import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, primaryKey, serial, text, timestamp } from 'drizzle-orm/pg-core';
import { skus } from '../catalog/schema';
import { stores } from '../stores/schema';
import { users } from '../auth/schema';

export const FULFILMENT_MODES = ['delivery', 'drive'] as const;
export type FulfilmentMode = (typeof FULFILMENT_MODES)[number];

/**
 * A shopper's cart, kept on the server. An anonymous visitor's cart is found by `token`, a random
 * secret in an httpOnly cookie; a signed-in shopper has at most one cart (`customer_id` unique),
 * into which the anonymous one is merged at sign-in. A customer's cart is never found by token.
 */
export const carts = pgTable(
  'carts',
  {
    id: serial('id').primaryKey(),
    token: text('token').notNull().unique(),
    customerId: integer('customer_id')
      .unique()
      .references(() => users.id, { onDelete: 'cascade' }),
    fulfilment: text('fulfilment', { enum: FULFILMENT_MODES }).notNull().default('delivery'),
    /** The drive store chosen last; kept while home delivery is chosen, so switching back keeps it. */
    driveStoreId: integer('drive_store_id').references(() => stores.locationId, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('carts_fulfilment', sql`${t.fulfilment} in ('delivery', 'drive')`),
    check('carts_token_length', sql`length(${t.token}) >= 32`),
    // The sweep of forgotten anonymous carts reads them oldest first.
    index('carts_anonymous_updated_idx')
      .on(t.updatedAt)
      .where(sql`${t.customerId} IS NULL`),
    // The cart-reminder job reads customers' carts left within a window of time (lib/messages).
    index('carts_customer_updated_idx')
      .on(t.updatedAt)
      .where(sql`${t.customerId} IS NOT NULL`),
  ],
);

/**
 * One line per SKU. No price here: the cart shows today's price from `skus`; an order snapshots
 * the price it was placed at.
 */
export const cartLines = pgTable(
  'cart_lines',
  {
    cartId: integer('cart_id')
      .notNull()
      .references(() => carts.id, { onDelete: 'cascade' }),
    skuId: integer('sku_id')
      .notNull()
      .references(() => skus.id, { onDelete: 'cascade' }),
    quantity: integer('quantity').notNull(),
    addedAt: timestamp('added_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'cart_lines_cart_sku', columns: [t.cartId, t.skuId] }),
    // The configurable cap (config.ts) is checked by the commands; this is the hard ceiling.
    check('cart_lines_quantity', sql`${t.quantity} > 0 AND ${t.quantity} <= 999`),
    index('cart_lines_sku_idx').on(t.skuId),
  ],
);
