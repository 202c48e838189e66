import { sql } from 'drizzle-orm';
import { bigint, check, index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * The back office's audit log: who changed what, when, with the record before and after. Written
 * in the same transaction as the change it records (lib/audit/record.ts), so there is never a
 * change without its line nor a line without its change. Append-only: a trigger refuses UPDATE and
 * DELETE (migration 0034), so no later writer can rewrite history. The actor is kept by id and by
 * name with no foreign key: the line outlives the account.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    at: timestamp('at', { withTimezone: true })
      .notNull()
      .default(sql`clock_timestamp()`),
    /** 'user' (a back-office person), 'job' (the scheduled price changes), 'api_key' (an import through the API). */
    actorType: text('actor_type').notNull(),
    actorUserId: integer('actor_user_id'),
    actorName: text('actor_name'),
    /** 'product', 'sku', 'scheduled_price'. */
    entity: text('entity').notNull(),
    entityId: text('entity_id').notNull(),
    /** The product the change belongs to, for the log's filter by product. */
    productId: integer('product_id'),
    /** 'update', 'withdraw', 'restore', 'schedule', 'cancel', 'apply', 'picture_add', … */
    action: text('action').notNull(),
    before: jsonb('before'),
    after: jsonb('after'),
    /** The import (lib/import) that made the change: the back office's imports page or the API. */
    importId: integer('import_id'),
  },
  (t) => [
    index('audit_log_product_idx').on(t.productId, t.id),
    index('audit_log_entity_idx').on(t.entity, t.entityId, t.id),
    check('audit_log_actor', sql`${t.actorType} in ('user', 'job', 'api_key') and (${t.actorType} <> 'user' or ${t.actorUserId} is not null)`),
  ],
);
