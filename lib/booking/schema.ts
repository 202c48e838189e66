import { sql } from 'drizzle-orm';
import { check, foreignKey, index, integer, pgTable, serial, smallint, text, timestamp, unique, uniqueIndex } from 'drizzle-orm/pg-core';
import { stores } from '../stores/schema';

/*
 * Capacity booking, shared by drive pickup slots and returns drop-off windows (lib/booking/README
 * in commands.ts). One table of slots, one of claims on them; the invariant — a slot's counted
 * claims never exceed its capacity — is kept by triggers (lib/db/migrations/0022_capacity_booking.sql).
 */

/** Who books: each kind has its own slots, holders and references (an order number, a return id). */
export const BOOKING_KINDS = ['drive', 'returns'] as const;
export type BookingKind = (typeof BOOKING_KINDS)[number];

export const capacitySlots = pgTable(
  'capacity_slots',
  {
    id: serial('id').primaryKey(),
    kind: text('kind', { enum: BOOKING_KINDS }).notNull(),
    storeId: integer('store_id')
      .notNull()
      .references(() => stores.locationId, { onDelete: 'cascade' }),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    capacity: smallint('capacity').notNull(),
  },
  (t) => [
    unique('capacity_slots_kind_store_starts').on(t.kind, t.storeId, t.startsAt),
    // The target of the claims' (slot_id, kind) foreign key: a claim is of its slot's kind.
    unique('capacity_slots_id_kind').on(t.id, t.kind),
    check('capacity_slots_kind', sql`${t.kind} in ('drive', 'returns')`),
    check('capacity_slots_order', sql`${t.startsAt} < ${t.endsAt}`),
    check('capacity_slots_capacity', sql`${t.capacity} >= 0 and ${t.capacity} <= case ${t.kind} when 'returns' then 200 else 1000 end`),
  ],
);

/** A domain's view of its slots (drive_slots, return_windows): the columns it reads, by their names. */
export function slotViewColumns() {
  return {
    id: integer('id').notNull(),
    storeId: integer('store_id').notNull(),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    capacity: smallint('capacity').notNull(),
  };
}

/**
 * held → converted (became a booking) | released | lapsed; booked → cancelled. A claim counts
 * against its slot while `booked`, or `held` with `expires_at` ahead: a lapsed hold frees its
 * place the moment it expires, and the sweep only tidies.
 */
export const CLAIM_STATES = ['held', 'converted', 'released', 'lapsed', 'booked', 'cancelled'] as const;
export type ClaimState = (typeof CLAIM_STATES)[number];

export const capacityClaims = pgTable(
  'capacity_claims',
  {
    id: serial('id').primaryKey(),
    kind: text('kind', { enum: BOOKING_KINDS }).notNull(),
    slotId: integer('slot_id').notNull(),
    /** Who holds or held it (drive: 'c:<customer id>' or 't:<cart token>'); a booking may keep it. */
    holder: text('holder'),
    /** What a booking is for (drive: the order's number; returns: the return's id); null for a hold. */
    ref: text('ref'),
    state: text('state', { enum: CLAIM_STATES }).notNull(),
    /** When a hold stops counting; null for a booking. */
    expiresAt: timestamp('expires_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
  },
  (t) => [
    foreignKey({ name: 'capacity_claims_slot_fk', columns: [t.slotId, t.kind], foreignColumns: [capacitySlots.id, capacitySlots.kind] }).onDelete('restrict'),
    check('capacity_claims_state', sql`${t.state} in ('held', 'converted', 'released', 'lapsed', 'booked', 'cancelled')`),
    check(
      'capacity_claims_shape',
      sql`case when ${t.state} in ('booked', 'cancelled') then ${t.ref} is not null else ${t.holder} is not null and ${t.expiresAt} is not null and ${t.ref} is null end`,
    ),
    // One live hold per holder: choosing another slot moves it.
    uniqueIndex('capacity_claims_one_hold_per_holder')
      .on(t.kind, t.holder)
      .where(sql`${t.state} = 'held'`),
    // A reference holds one place at a time; a retried booking finds its claim instead of a second.
    uniqueIndex('capacity_claims_one_booking_per_ref')
      .on(t.kind, t.ref)
      .where(sql`${t.state} = 'booked'`),
    // With the kind: the domains' views always name it (see the migration).
    index('capacity_claims_counted_idx')
      .on(t.slotId, t.kind)
      .where(sql`${t.state} in ('booked', 'held')`),
    index('capacity_claims_holds_expiry_idx')
      .on(t.expiresAt)
      .where(sql`${t.state} = 'held'`),
  ],
);
