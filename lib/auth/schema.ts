import { sql } from 'drizzle-orm';
import { bigint, check, foreignKey, index, integer, pgTable, primaryKey, serial, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { stores } from '../stores/schema';

/** `catalogue`: back-office staff who edit products, prices and pictures; no shop's till or desks. */
export const ROLES = ['shopper', 'staff', 'admin', 'catalogue'] as const;
export type Role = (typeof ROLES)[number];

export const users = pgTable(
  'users',
  {
    id: serial('id').primaryKey(),
    email: text('email').notNull(),
    name: text('name').notNull(),
    passwordHash: text('password_hash').notNull(),
    role: text('role', { enum: ROLES }).notNull().default('shopper'),
    /** The shopper's chosen store, kept with the account so it follows them across devices. */
    myStoreId: integer('my_store_id').references(() => stores.locationId, { onDelete: 'set null' }),
    /** The language the person last used the shop in (signing up or in, checking out): their messages' language. Null: the chain's own. */
    locale: text('locale'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('users_email_unique').on(sql`lower(${t.email})`),
    check('users_role', sql`${t.role} in ('shopper', 'staff', 'admin', 'catalogue')`),
    check('users_locale', sql`${t.locale} in ('fr', 'en')`),
  ],
);

/** Which stores a staff member works in; every staff read and write is scoped by it. */
export const staffMemberships = pgTable(
  'staff_memberships',
  {
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    storeId: integer('store_id')
      .notNull()
      .references(() => stores.locationId, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.userId, t.storeId] })],
);

/*
 * The sign-in throttle's and the sessions' tables, made by hand-written migrations (0016, 0018:
 * drizzle-kit's snapshots end at 0016), declared here as those migrations leave them so reads and
 * plain writes go through the query builder. Their timestamps default to clock_timestamp(), the
 * wall clock when written, not now() (the transaction's start), as the SQL functions and triggers
 * that write them use.
 */

/** A sign-in attempt: counts as failed until its password checks out (lib/auth/throttle.ts). */
export const signInAttempts = pgTable(
  'sign_in_attempts',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    account: text('account').notNull(),
    address: text('address').notNull(),
    attemptedAt: timestamp('attempted_at', { withTimezone: true })
      .notNull()
      .default(sql`clock_timestamp()`),
  },
  (t) => [
    index('sign_in_attempts_account_idx').on(t.account, t.attemptedAt),
    index('sign_in_attempts_address_idx').on(t.address, t.attemptedAt),
    index('sign_in_attempts_pair_idx').on(t.account, t.address, t.attemptedAt),
    check('sign_in_attempts_account_length', sql`length(${t.account}) BETWEEN 1 AND 320`),
    check('sign_in_attempts_address_length', sql`length(${t.address}) BETWEEN 1 AND 64`),
  ],
);

/** Where each account last signed in successfully: the owner's own address skips the account's delays. */
export const signInKnownAddresses = pgTable(
  'sign_in_known_addresses',
  {
    account: text('account').notNull(),
    address: text('address').notNull(),
    signedInAt: timestamp('signed_in_at', { withTimezone: true })
      .notNull()
      .default(sql`clock_timestamp()`),
  },
  (t) => [
    primaryKey({ name: 'sign_in_known_addresses_pkey', columns: [t.account, t.address] }),
    check('sign_in_known_addresses_account_length', sql`length(${t.account}) BETWEEN 1 AND 320`),
    check('sign_in_known_addresses_address_length', sql`length(${t.address}) BETWEEN 1 AND 64`),
  ],
);

/**
 * Server-side sessions (lib/auth/sessions.ts): the session cookie carries `id`; a session stands
 * while `revoked_at` is null. Triggers on users and staff_memberships end them (migration 0018).
 */
export const authSessions = pgTable(
  'auth_sessions',
  {
    id: uuid('id').primaryKey(),
    userId: integer('user_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true })
      .notNull()
      .default(sql`clock_timestamp()`),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true })
      .notNull()
      .default(sql`clock_timestamp()`),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    userAgent: text('user_agent'),
  },
  (t) => [
    foreignKey({ name: 'auth_sessions_user_id_fkey', columns: [t.userId], foreignColumns: [users.id] }).onDelete('cascade'),
    index('auth_sessions_user_idx')
      .on(t.userId)
      .where(sql`${t.revokedAt} IS NULL`),
    check('auth_sessions_user_agent_length', sql`length(${t.userAgent}) <= 300`),
  ],
);
