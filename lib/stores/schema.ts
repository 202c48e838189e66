import { sql } from 'drizzle-orm';
import { boolean, check, date, doublePrecision, index, integer, pgTable, primaryKey, serial, smallint, text, time } from 'drizzle-orm/pg-core';

/** Anything that holds stock: a shop, or the web warehouse that ships home deliveries. */
export const locations = pgTable(
  'locations',
  {
    id: serial('id').primaryKey(),
    code: text('code').notNull().unique(),
    kind: text('kind', { enum: ['store', 'warehouse'] }).notNull(),
    name: text('name').notNull(),
  },
  (t) => [check('locations_kind', sql`${t.kind} in ('store', 'warehouse')`)],
);

export const stores = pgTable(
  'stores',
  {
    locationId: integer('location_id')
      .primaryKey()
      .references(() => locations.id, { onDelete: 'cascade' }),
    slug: text('slug').notNull().unique(),
    name: text('name').notNull(),
    format: text('format', { enum: ['hyper', 'city', 'outlet'] }).notNull(),
    address: text('address').notNull(),
    postcode: text('postcode').notNull(),
    town: text('town').notNull(),
    lat: doublePrecision('lat').notNull(),
    lng: doublePrecision('lng').notNull(),
    phone: text('phone'),
    clickReserve: boolean('click_reserve').notNull().default(false),
    drive: boolean('drive').notNull().default(false),
    returnsDesk: boolean('returns_desk').notNull().default(false),
    phoneOrders: boolean('phone_orders').notNull().default(false),
    /** How long a click & reserve hold lasts at this shop (from placement, then from "ready"). */
    reservationHoldHours: smallint('reservation_hold_hours').notNull().default(48),
  },
  (t) => [
    check('stores_reservation_hold_hours', sql`${t.reservationHoldHours} between 1 and 336`),
    check('stores_lat', sql`${t.lat} between -90 and 90`),
    check('stores_lng', sql`${t.lng} between -180 and 180`),
  ],
);

/** Opening hours in Europe/Paris local time; several rows a day for a lunch break. */
export const storeHours = pgTable(
  'store_hours',
  {
    storeId: integer('store_id')
      .notNull()
      .references(() => stores.locationId, { onDelete: 'cascade' }),
    /** ISO weekday, 1 = Monday … 7 = Sunday. */
    weekday: smallint('weekday').notNull(),
    opens: time('opens').notNull(),
    closes: time('closes').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.storeId, t.weekday, t.opens] }),
    check('store_hours_weekday', sql`${t.weekday} between 1 and 7`),
    check('store_hours_order', sql`${t.opens} < ${t.closes}`),
  ],
);

export const storeClosures = pgTable(
  'store_closures',
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

/** French communes with a position, loaded from packaged open data (see lib/stores/places-data.ts). */
export const places = pgTable(
  'places',
  {
    id: serial('id').primaryKey(),
    inseeCode: text('insee_code').notNull(),
    postcode: text('postcode').notNull(),
    name: text('name').notNull(),
    /** Lower-case, accents and punctuation folded, for matching what people type. */
    searchName: text('search_name').notNull(),
    department: text('department').notNull(),
    population: integer('population').notNull().default(0),
    lat: doublePrecision('lat').notNull(),
    lng: doublePrecision('lng').notNull(),
  },
  (t) => [index('places_postcode_idx').on(t.postcode), index('places_search_name_idx').on(t.searchName)],
);
