import { sql } from 'drizzle-orm';
import { bigint, check, index, integer, pgTable, primaryKey, serial, text, timestamp } from 'drizzle-orm/pg-core';
import { skus } from '../catalog/schema';
import { locations } from '../stores/schema';
import { users } from '../auth/schema';

export const stock = pgTable(
  'stock',
  {
    locationId: integer('location_id')
      .notNull()
      .references(() => locations.id, { onDelete: 'cascade' }),
    skuId: integer('sku_id')
      .notNull()
      .references(() => skus.id, { onDelete: 'cascade' }),
    onHand: integer('on_hand').notNull().default(0),
    reserved: integer('reserved').notNull().default(0),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.locationId, t.skuId] }),
    index('stock_sku_idx').on(t.skuId),
    // The invariant every stock feature relies on: nothing reserved that is not on the shelf.
    check('stock_reserved_within_on_hand', sql`${t.reserved} >= 0 AND ${t.reserved} <= ${t.onHand}`),
  ],
);

/** Audit trail of every stock command: who changed what, by how much, and why. */
export const stockMovements = pgTable(
  'stock_movements',
  {
    id: serial('id').primaryKey(),
    locationId: integer('location_id')
      .notNull()
      .references(() => locations.id, { onDelete: 'cascade' }),
    skuId: integer('sku_id')
      .notNull()
      .references(() => skus.id, { onDelete: 'cascade' }),
    /** receive / count by staff; sale when units leave the shelf with a customer; return when a returned unit goes back on the shelf. */
    kind: text('kind', { enum: ['receive', 'count', 'sale', 'return'] }).notNull(),
    onHandDelta: integer('on_hand_delta').notNull(),
    onHandAfter: integer('on_hand_after').notNull(),
    actorId: integer('actor_id').references(() => users.id, { onDelete: 'set null' }),
    note: text('note'),
    /** A retried request carries the same key and has no second effect. */
    idempotencyKey: text('idempotency_key').unique(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('stock_movements_location_sku_idx').on(t.locationId, t.skuId, t.createdAt)],
);

/**
 * The stock outbox (migration 0004): the triggers on stock add a row per changed row (one INSERT per
 * statement since 0036), the relay
 * (comptoir_take_stock_changes, lib/events/stock-relay.ts) takes them. UNLOGGED in the migration —
 * a crash may empty it, harmlessly — which a Drizzle table cannot declare (nor drizzle-kit compare);
 * no foreign keys, so the trigger's insert costs no lookups.
 */
export const stockChanges = pgTable('stock_changes', {
  id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
  locationId: integer('location_id').notNull(),
  skuId: integer('sku_id').notNull(),
  available: integer('available').notNull(),
  changedAt: timestamp('changed_at', { withTimezone: true }).notNull(),
  notedAt: timestamp('noted_at', { withTimezone: true })
    .notNull()
    .default(sql`clock_timestamp()`),
});
