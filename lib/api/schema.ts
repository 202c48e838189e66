import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgTable, primaryKey, serial, text, timestamp } from 'drizzle-orm/pg-core';
import { users } from '../auth/schema';

/** What a key may do: each /api/v1 route names the one it needs. */
export const API_SCOPES = ['catalogue', 'prices', 'stock', 'orders:read'] as const;
export type ApiScope = (typeof API_SCOPES)[number];

/**
 * A key for the retailer's systems (PIM, ERP, tills). The secret is shown once, when it is made;
 * only its SHA-256 is kept (a random 32-byte secret needs no slow hash: nothing to guess), and a
 * short prefix that names it on the admin's list. The per-key rate limit counts in the row itself
 * (a fixed window per minute), so every server of a fleet counts the same requests.
 */
export const apiKeys = pgTable(
  'api_keys',
  {
    id: serial('id').primaryKey(),
    name: text('name').notNull(),
    /** The secret's first characters ('ck_' and 8 more), shown on the list to recognise a key. */
    prefix: text('prefix').notNull(),
    secretHash: text('secret_hash').notNull().unique(),
    scopes: text('scopes').array().notNull(),
    createdBy: integer('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    revokedBy: integer('revoked_by').references(() => users.id, { onDelete: 'set null' }),
    /** The rate limit's current window (the minute it started) and the requests counted in it. */
    rateWindow: timestamp('rate_window', { withTimezone: true }),
    rateHits: integer('rate_hits').notNull().default(0),
  },
  (t) => [
    check('api_keys_scopes', sql`cardinality(${t.scopes}) > 0 and ${t.scopes} <@ array['catalogue', 'prices', 'stock', 'orders:read']::text[]`),
    check('api_keys_name', sql`length(${t.name}) between 1 and 80`),
  ],
);

/**
 * A write's Idempotency-Key, per API key: the request's hash and the first answer, replayed to a
 * retry with the same body. Written in the write's own transaction when the write has one.
 */
export const apiIdempotency = pgTable(
  'api_idempotency',
  {
    keyId: integer('key_id')
      .notNull()
      .references(() => apiKeys.id, { onDelete: 'cascade' }),
    idempotencyKey: text('idempotency_key').notNull(),
    /** METHOD path and the SHA-256 of the body: the same key with another request is refused. */
    requestHash: text('request_hash').notNull(),
    status: integer('status').notNull(),
    body: jsonb('body').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.keyId, t.idempotencyKey] }), index('api_idempotency_created_idx').on(t.createdAt)],
);
