import { integer, pgTable, serial, text, timestamp } from 'drizzle-orm/pg-core';
import { users } from '../auth/schema';

/**
 * A shopper's delivery addresses (migration 0025, which also holds its checks and the unique index
 * that tells two addresses apart whatever their case and spacing): remembered from each
 * home-delivery order, offered at the next checkout, editable on the account.
 */
export const savedAddresses = pgTable('saved_addresses', {
  id: serial('id').primaryKey(),
  userId: integer('user_id')
    .notNull()
    .references(() => users.id, { onDelete: 'cascade' }),
  name: text('name').notNull(),
  address: text('address').notNull(),
  postcode: text('postcode').notNull(),
  town: text('town').notNull(),
  phone: text('phone').notNull().default(''),
  lastUsedAt: timestamp('last_used_at', { withTimezone: true }).notNull().defaultNow(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
