import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgTable, serial, text, timestamp } from 'drizzle-orm/pg-core';
import { users } from '../auth/schema';

/** One refusal of an import, by line (CSV: the file's line; JSON: the row's position, from 1) and column. */
export type StoredRefusal = { line: number; column: string | null; code: string; message: string };

/**
 * The history of imports (lib/import): who brought which file in, when, what it changed, or why it
 * was refused. It is the imports' audit trail. `key` claims a file that must not apply twice (a stock
 * movement file: the hash of its content, or the caller's own key): unique, so two imports of the
 * same file racing apply once.
 */
export const imports = pgTable(
  'imports',
  {
    id: serial('id').primaryKey(),
    kind: text('kind', { enum: ['categories', 'products', 'skus', 'prices', 'pictures', 'stores', 'stock'] }).notNull(),
    format: text('format', { enum: ['csv', 'json'] }).notNull(),
    actorType: text('actor_type', { enum: ['user', 'api_key', 'seed'] }).notNull(),
    actorUserId: integer('actor_user_id').references(() => users.id, { onDelete: 'set null' }),
    /** The API key's id (lib/api, engineer B's table): kept as a number, no foreign key across branches. */
    actorKeyId: integer('actor_key_id'),
    fileName: text('file_name'),
    /** sha256 of the file as received. */
    contentHash: text('content_hash').notNull(),
    key: text('key').unique(),
    status: text('status', { enum: ['applied', 'unchanged', 'refused'] }).notNull(),
    rows: integer('rows').notNull(),
    changed: integer('changed').notNull(),
    refusals: jsonb('refusals').$type<StoredRefusal[]>().notNull().default([]),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('imports_created_idx').on(t.createdAt),
    check('imports_kind', sql`${t.kind} in ('categories', 'products', 'skus', 'prices', 'pictures', 'stores', 'stock')`),
    check('imports_status', sql`${t.status} in ('applied', 'unchanged', 'refused')`),
    check('imports_counts', sql`${t.rows} >= 0 AND ${t.changed} >= 0 AND ${t.changed} <= ${t.rows}`),
  ],
);
