import { sql } from 'drizzle-orm';
import { check, date, integer, pgTable, pgView, primaryKey, smallint, text, time, timestamp } from 'drizzle-orm/pg-core';
import { slotViewColumns } from '../booking/schema';
import { stores } from '../stores/schema';

/*
 * Drive pickup slots. A drive store (stores.drive) publishes a weekly plan; slot rows are
 * materialised from it for the days ahead (lib/drive/commands.ts ensureDriveSlots). The invariant —
 * no slot ever has more booked orders plus live holds than its capacity — is the shared capacity
 * booking's (lib/booking): a trigger locks the slot row before counting, so every writer, not only
 * this module, is held to it.
 */

/** Per drive store settings; a drive store without a row uses the defaults. */
export const driveSettings = pgTable(
  'drive_settings',
  {
    storeId: integer('store_id')
      .primaryKey()
      .references(() => stores.locationId, { onDelete: 'cascade' }),
    /** An order must be placed at least this long before its slot starts (the pickers' lead time). */
    cutoffMinutes: smallint('cutoff_minutes').notNull().default(120),
  },
  (t) => [check('drive_settings_cutoff', sql`${t.cutoffMinutes} between 0 and 10080`)],
);

/** The weekly plan in Europe/Paris local time: several windows a day for a lunch break. */
export const driveSlotPlans = pgTable(
  'drive_slot_plans',
  {
    storeId: integer('store_id')
      .notNull()
      .references(() => stores.locationId, { onDelete: 'cascade' }),
    /** ISO weekday, 1 = Monday … 7 = Sunday. */
    weekday: smallint('weekday').notNull(),
    opens: time('opens').notNull(),
    closes: time('closes').notNull(),
    slotMinutes: smallint('slot_minutes').notNull().default(30),
    capacity: smallint('capacity').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.storeId, t.weekday, t.opens] }),
    check('drive_slot_plans_weekday', sql`${t.weekday} between 1 and 7`),
    check('drive_slot_plans_order', sql`${t.opens} < ${t.closes}`),
    check('drive_slot_plans_slot_minutes', sql`${t.slotMinutes} between 5 and 240`),
    check('drive_slot_plans_capacity', sql`${t.capacity} between 1 and 1000`),
  ],
);

/**
 * Days the drive alone is shut (the shop may be open): a staff shortage, a stocktake. Days in
 * store_closures shut the drive too.
 */
export const driveClosures = pgTable(
  'drive_closures',
  {
    storeId: integer('store_id')
      .notNull()
      .references(() => stores.locationId, { onDelete: 'cascade' }),
    day: date('day').notNull(),
    reasonFr: text('reason_fr').notNull(),
    reasonEn: text('reason_en').notNull(),
  },
  (t) => [primaryKey({ columns: [t.storeId, t.day] })],
);

/*
 * The drive's slots, holds and bookings are rows of the shared capacity booking
 * (lib/booking/schema.ts, kind 'drive'); these views are the drive's names for them. PostgreSQL
 * updates them in place (simple views), so a writer through them meets the same triggers.
 */
export const driveSlots = pgView('drive_slots', slotViewColumns()).existing();

/**
 * A slot kept for a shopper while they check out. It counts against capacity only while `held`
 * and `expires_at` is ahead, so a lapsed hold frees its place at once; the sweep then marks it.
 * One held row per holder: choosing another slot moves it.
 */
export const driveSlotHolds = pgView('drive_slot_holds', {
  id: integer('id').notNull(),
  slotId: integer('slot_id').notNull(),
  /** 'c:<customer id>' for a signed-in shopper, 't:<cart token>' for a visitor. */
  holder: text('holder').notNull(),
  state: text('state', { enum: ['held', 'converted', 'released', 'lapsed'] }).notNull(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
}).existing();

/** One booking per order (its number is the claim's reference); a retried placement finds it. */
export const driveSlotBookings = pgView('drive_slot_bookings', {
  id: integer('id').notNull(),
  slotId: integer('slot_id').notNull(),
  orderRef: text('order_ref').notNull(),
  holder: text('holder'),
  status: text('status', { enum: ['booked', 'cancelled'] }).notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
}).existing();
