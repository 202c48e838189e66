import { sql } from 'drizzle-orm';
import { check, date, index, integer, pgTable, primaryKey, serial, smallint, text, time, timestamp, unique, uniqueIndex } from 'drizzle-orm/pg-core';
import { stores } from '../stores/schema';

/*
 * Drive pickup slots. A drive store (stores.drive) publishes a weekly plan; slot rows are
 * materialised from it for the days ahead (lib/drive/commands.ts ensureDriveSlots). The invariant —
 * no slot ever has more booked orders plus live holds than its capacity — is kept by triggers
 * that lock the slot row before counting (lib/db/migrations/*_drive_functions.sql), so every
 * writer, not only this module, is held to it.
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

export const driveSlots = pgTable(
  'drive_slots',
  {
    id: serial('id').primaryKey(),
    storeId: integer('store_id')
      .notNull()
      .references(() => stores.locationId, { onDelete: 'cascade' }),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    capacity: smallint('capacity').notNull(),
  },
  (t) => [
    unique('drive_slots_store_starts').on(t.storeId, t.startsAt),
    check('drive_slots_order', sql`${t.startsAt} < ${t.endsAt}`),
    check('drive_slots_capacity', sql`${t.capacity} between 0 and 1000`),
  ],
);

export const DRIVE_HOLD_STATES = ['held', 'converted', 'released', 'lapsed'] as const;
export type DriveHoldState = (typeof DRIVE_HOLD_STATES)[number];

/**
 * A slot kept for a shopper while they check out. It counts against capacity only while `held`
 * and `expires_at` is ahead, so a lapsed hold frees its place at once; the sweep then marks it.
 * One held row per holder: choosing another slot moves it.
 */
export const driveSlotHolds = pgTable(
  'drive_slot_holds',
  {
    id: serial('id').primaryKey(),
    slotId: integer('slot_id')
      .notNull()
      .references(() => driveSlots.id, { onDelete: 'cascade' }),
    /** 'c:<customer id>' for a signed-in shopper, 't:<cart token>' for a visitor. */
    holder: text('holder').notNull(),
    state: text('state', { enum: DRIVE_HOLD_STATES }).notNull().default('held'),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('drive_slot_holds_state', sql`${t.state} in ('held', 'converted', 'released', 'lapsed')`),
    uniqueIndex('drive_slot_holds_one_per_holder')
      .on(t.holder)
      .where(sql`${t.state} = 'held'`),
    index('drive_slot_holds_slot_idx')
      .on(t.slotId, t.expiresAt)
      .where(sql`${t.state} = 'held'`),
  ],
);

export const DRIVE_BOOKING_STATUSES = ['booked', 'cancelled'] as const;
export type DriveBookingStatus = (typeof DRIVE_BOOKING_STATUSES)[number];

/**
 * One booking per order. `order_ref` is the order's reference as text: the orders table does not
 * exist yet, so there is no foreign key (add an `order_id` FK when lib/orders lands).
 */
export const driveSlotBookings = pgTable(
  'drive_slot_bookings',
  {
    id: serial('id').primaryKey(),
    slotId: integer('slot_id')
      .notNull()
      .references(() => driveSlots.id, { onDelete: 'restrict' }),
    orderRef: text('order_ref').notNull(),
    holder: text('holder'),
    status: text('status', { enum: DRIVE_BOOKING_STATUSES }).notNull().default('booked'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
  },
  (t) => [
    check('drive_slot_bookings_status', sql`${t.status} in ('booked', 'cancelled')`),
    // An order holds one slot at a time; a retried placement finds its booking instead of a second.
    uniqueIndex('drive_slot_bookings_one_per_order')
      .on(t.orderRef)
      .where(sql`${t.status} = 'booked'`),
    index('drive_slot_bookings_slot_idx')
      .on(t.slotId)
      .where(sql`${t.status} = 'booked'`),
  ],
);
