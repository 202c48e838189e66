import 'server-only';
import { and, eq, sql, type SQL } from 'drizzle-orm';
import { getDb, type Db } from '@/lib/db';
import { userRowsSql } from '@/lib/auth/read';
import { skuRowsSql } from '@/lib/catalog/read';
import { cutoffMinutesOf } from '@/lib/drive/read';
import { pointsEarnedOnOrder } from '@/lib/loyalty/read';
import { locationRowsSql, storeNameOf, storeRowsSql, webWarehouseId } from '@/lib/stores/read';
import type { Locale } from '@/lib/i18n/config';
import { normalizeOrderNumber } from './order-number';
import { orders, type SubstituteAnswer, type OrderEventKind, type OrderMode, type OrderStatus, type PaymentStatus } from './schema';

/*
 * Reads for the shopper (their own orders only), the drive screen (its store only) and the web
 * operations desk (home delivery, admins). A drive order carries its booked slot and the slot's
 * cut-off (after which the shopper can no longer move or cancel it: lib/orders/permissions.ts).
 */

/** A substitute proposed at picking for a line's missing units (lib/orders/picking.ts). */
export type LineSubstitute = {
  skuId: number;
  productName: string;
  image: string | null;
  size: string | null;
  colour: string | null;
  /** The missing units it replaces. */
  quantity: number;
  /** What a unit costs the shopper (capped at the original's price), and the catalogue's price. */
  unitPriceCents: number;
  catalogPriceCents: number;
  /** Null: not answered yet. */
  answer: SubstituteAnswer | null;
  answeredBy: 'shopper' | 'preference' | null;
};

export type OrderLine = {
  /** The order line's id (what picking and answers name). */
  lineId: number;
  skuId: number;
  productSlug: string;
  productName: string;
  image: string | null;
  size: string | null;
  colour: string | null;
  ean13: string;
  quantity: number;
  unitPriceCents: number;
  /** Drive picking: null until picked (then handed over whole); else the units found. */
  pickedQuantity: number | null;
  substitute: LineSubstitute | null;
};

export type OrderEvent = { kind: OrderEventKind; at: string; note: string | null; byStaff: boolean };

export type Order = {
  id: number;
  number: string;
  mode: OrderMode;
  status: OrderStatus;
  customer: { id: number; name: string; email: string };
  location: { id: number; name: string; slug: string | null; address: string | null; postcode: string | null; town: string | null };
  slot: { id: number; startsAt: string; endsAt: string; cutoffAt: string } | null;
  subtotalCents: number;
  deliveryCents: number;
  /** Loyalty points spent on the goods, and the euros they took off. */
  pointsRedeemed: number;
  discountCents: number;
  /** Points this order earned on completion; 0 until then. What returns took back shows with each return. */
  pointsEarned: number;
  totalCents: number;
  /** What a card authorisation holds (card orders): the capture never exceeds it. */
  authorizedCents: number | null;
  /** Drive: an unanswered substitute is taken at handover (true) or refused. */
  substitutesWelcome: boolean;
  /** Paid from the wallet (store credit, gift card) when placed; the rest by card or at pickup. */
  walletCents: number;
  paymentProvider: string;
  paymentStatus: PaymentStatus;
  /** Ordered and paid at a shop's till (lib/orders/till-orders.ts): that shop's name. */
  paidInStore: string | null;
  cardLast4: string | null;
  delivery: { name: string; address: string; postcode: string; town: string; phone: string | null } | null;
  arrivedAt: string | null;
  arrivalBay: string | null;
  placedAt: string;
  updatedAt: string;
  lines: OrderLine[];
  units: number;
  events: OrderEvent[];
};

type Row = {
  id: number;
  number: string;
  mode: OrderMode;
  status: OrderStatus;
  customer_id: number;
  customer_name: string;
  customer_email: string;
  location_id: number;
  location_name: string;
  store_slug: string | null;
  address: string | null;
  postcode: string | null;
  town: string | null;
  slot_id: number | null;
  starts_at: Date | string | null;
  ends_at: Date | string | null;
  cutoff_at: Date | string | null;
  subtotal_cents: number;
  delivery_cents: number;
  points_redeemed: number;
  discount_cents: number;
  points_earned: number;
  total_cents: number;
  authorized_cents: number | null;
  substitutes_welcome: boolean;
  wallet_cents: number;
  payment_provider: string;
  payment_status: PaymentStatus;
  paid_in_store: string | null;
  card_last4: string | null;
  delivery_name: string | null;
  delivery_address: string | null;
  delivery_postcode: string | null;
  delivery_town: string | null;
  delivery_phone: string | null;
  arrived_at: Date | string | null;
  arrival_bay: string | null;
  placed_at: Date | string;
  updated_at: Date | string;
  lines: OrderLine[] | string;
  events: OrderEvent[] | string;
};

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());
const json = <T>(v: T | string): T => (typeof v === 'string' ? (JSON.parse(v) as T) : v);

function toOrder(r: Row): Order {
  const lines = json(r.lines);
  return {
    id: r.id,
    number: r.number,
    mode: r.mode,
    status: r.status,
    customer: { id: r.customer_id, name: r.customer_name, email: r.customer_email },
    location: { id: r.location_id, name: r.location_name, slug: r.store_slug, address: r.address, postcode: r.postcode, town: r.town },
    slot: r.slot_id === null ? null : { id: r.slot_id, startsAt: iso(r.starts_at)!, endsAt: iso(r.ends_at)!, cutoffAt: iso(r.cutoff_at)! },
    subtotalCents: r.subtotal_cents,
    deliveryCents: r.delivery_cents,
    pointsRedeemed: r.points_redeemed,
    discountCents: r.discount_cents,
    pointsEarned: r.points_earned,
    totalCents: r.total_cents,
    authorizedCents: r.authorized_cents,
    substitutesWelcome: r.substitutes_welcome,
    walletCents: r.wallet_cents,
    paymentProvider: r.payment_provider,
    paymentStatus: r.payment_status,
    paidInStore: r.paid_in_store,
    cardLast4: r.card_last4,
    delivery:
      r.mode === 'delivery'
        ? {
            name: r.delivery_name ?? '',
            address: r.delivery_address ?? '',
            postcode: r.delivery_postcode ?? '',
            town: r.delivery_town ?? '',
            phone: r.delivery_phone,
          }
        : null,
    arrivedAt: iso(r.arrived_at),
    arrivalBay: r.arrival_bay,
    placedAt: iso(r.placed_at)!,
    updatedAt: iso(r.updated_at)!,
    lines,
    units: lines.reduce((n, l) => n + l.quantity, 0),
    events: json(r.events),
  };
}

async function select(locale: Locale, where: SQL, order: SQL, limit = 100, within?: Db): Promise<Order[]> {
  const db = within ?? (await getDb());
  const nameOf = (alias: string) => sql.raw(`${alias}.${locale === 'fr' ? 'name_fr' : 'name_en'}`);
  const name = nameOf('k');
  // Raw SQL: each order's lines and events as JSON aggregates, with its slot's cut-off, in one statement.
  // Accounts, stores, the catalogue, points and drive settings are read through their domains' read.ts.
  const result = await db.execute<Row>(sql`
    SELECT o.id, o.number, o.mode, o.status, o.customer_id, u.name AS customer_name, u.email AS customer_email,
           o.location_id, COALESCE(s.name, loc.name) AS location_name, s.slug AS store_slug, s.address, s.postcode, s.town,
           sl.id AS slot_id, sl.starts_at, sl.ends_at,
           sl.starts_at - make_interval(mins => ${cutoffMinutesOf(sql`sl.store_id`)}) AS cutoff_at,
           o.subtotal_cents, o.delivery_cents, o.points_redeemed, o.discount_cents, o.total_cents, o.authorized_cents, o.substitutes_welcome, o.wallet_cents, o.payment_provider,
           ${pointsEarnedOnOrder(sql`o.id`)} AS points_earned, o.payment_status, o.card_last4,
           ${storeNameOf(sql`o.placed_at_store_id`)} AS paid_in_store,
           o.delivery_name, o.delivery_address, o.delivery_postcode, o.delivery_town, o.delivery_phone,
           o.arrived_at, o.arrival_bay, o.placed_at, o.updated_at,
           (SELECT COALESCE(json_agg(json_build_object(
                     'skuId', k.id, 'productSlug', k.product_slug, 'productName', ${name}, 'image', k.image,
                     'size', k.size, 'colour', k.colour, 'ean13', k.ean13,
                     'quantity', l.quantity, 'unitPriceCents', l.unit_price_cents, 'lineId', l.id, 'pickedQuantity', l.picked_quantity,
                     'substitute', CASE WHEN ks.id IS NULL THEN NULL ELSE json_build_object(
                       'skuId', ks.id, 'productName', ${nameOf('ks')}, 'image', ks.image, 'size', ks.size, 'colour', ks.colour,
                       'quantity', l.quantity - l.picked_quantity, 'unitPriceCents', l.substitute_unit_price_cents,
                       'catalogPriceCents', ks.price_cents, 'answer', l.substitute_answer, 'answeredBy', l.substitute_answered_by) END) ORDER BY l.id), '[]'::json)
            FROM order_lines l JOIN ${skuRowsSql} k ON k.id = l.sku_id LEFT JOIN ${skuRowsSql} ks ON ks.id = l.substitute_sku_id
            WHERE l.order_id = o.id AND l.substitute_for_line_id IS NULL) AS lines,
           (SELECT COALESCE(json_agg(json_build_object(
                     'kind', e.kind, 'at', e.at, 'note', e.note, 'byStaff', e.actor_id IS DISTINCT FROM o.customer_id) ORDER BY e.at, e.id), '[]'::json)
            FROM order_events e WHERE e.order_id = o.id) AS events
    FROM orders o
    JOIN ${userRowsSql} u ON u.id = o.customer_id
    JOIN ${locationRowsSql} loc ON loc.id = o.location_id
    LEFT JOIN ${storeRowsSql} s ON s.location_id = o.location_id
    LEFT JOIN drive_slot_bookings b ON b.order_ref = o.number AND b.status = 'booked'
    LEFT JOIN drive_slots sl ON sl.id = b.slot_id
    WHERE ${where}
    ORDER BY ${order}
    LIMIT ${limit}`);
  return result.rows.map(toOrder);
}

/**
 * One order by id, read in the caller's transaction (so it sees what that transaction wrote), with
 * its lines named in `locale`: what an order's messages are written from (lib/orders/messages.ts).
 */
export async function getOrderInTransaction(tx: Db, id: number, locale: Locale): Promise<Order | null> {
  const [o] = await select(locale, sql`o.id = ${id}`, sql`o.id`, 1, tx);
  return o ?? null;
}

function validId(id: number): boolean {
  return Number.isSafeInteger(id) && id > 0 && id <= 2_147_483_647;
}

/** One of the shopper's own orders by number; null for anyone else's (the caller answers 404). */
export async function getCustomerOrder(number: string, customerId: number, locale: Locale): Promise<Order | null> {
  const n = normalizeOrderNumber(number);
  if (!/^CMD-[A-Z0-9]{8}$/.test(n)) return null;
  const [o] = await select(locale, sql`o.number = ${n} AND o.customer_id = ${customerId}`, sql`o.id`);
  return o ?? null;
}

/** Cheap ownership check for the proxy's early 404. */
export async function isCustomerOrder(number: string, customerId: number): Promise<boolean> {
  const n = normalizeOrderNumber(number);
  if (!/^CMD-[A-Z0-9]{8}$/.test(n)) return false;
  const db = await getDb();
  const [mine] = await db
    .select({ id: orders.id })
    .from(orders)
    .where(and(eq(orders.number, n), eq(orders.customerId, customerId)));
  return mine !== undefined;
}

/** One of the shopper's own drive orders by number, for its live stream: its id and store; null for anyone else's. */
export async function findCustomerDriveOrder(number: string, customerId: number): Promise<{ id: number; storeId: number } | null> {
  const n = normalizeOrderNumber(number);
  if (!/^CMD-[A-Z0-9]{8}$/.test(n)) return null;
  const db = await getDb();
  const [row] = await db
    .select({ id: orders.id, storeId: orders.locationId })
    .from(orders)
    .where(and(eq(orders.number, n), eq(orders.customerId, customerId), eq(orders.mode, 'drive')));
  return row ?? null;
}

/** "My orders": open ones first, then newest first. */
export async function listCustomerOrders(customerId: number, locale: Locale): Promise<Order[]> {
  return select(locale, sql`o.customer_id = ${customerId}`, sql`(o.status IN ('placed', 'preparing', 'ready', 'shipped')) DESC, o.placed_at DESC`, 50);
}

/** An order of this location (drive store or warehouse), for staff; null when it is another's. */
export async function getLocationOrder(id: number, locationId: number, locale: Locale): Promise<Order | null> {
  if (!validId(id)) return null;
  const [o] = await select(locale, sql`o.id = ${id} AND o.location_id = ${locationId}`, sql`o.id`);
  return o ?? null;
}

/** The store's calendar day, in Paris time. */
const TODAY = sql`(now() AT TIME ZONE 'Europe/Paris')::date`;

/**
 * An open drive order on the staff's screen now: its slot is today or earlier, or starts within two
 * hours whatever the calendar says (a slot at 00:15 is work at 23:30), or its shopper is here.
 * Every other open order is prepared ahead (listUpcomingDriveOrders): the two lists split them.
 */
const DUE_NOW = sql`((sl.starts_at AT TIME ZONE 'Europe/Paris')::date <= ${TODAY}
  OR sl.starts_at < now() + interval '2 hours' OR o.arrived_at IS NOT NULL)`;

/**
 * The drive screen's day at one store: the open orders DUE_NOW, arrived shoppers first, then by
 * slot; then what was collected or cancelled today.
 */
export async function listDriveOrdersForToday(storeId: number, locale: Locale): Promise<Order[]> {
  return select(
    locale,
    sql`o.location_id = ${storeId} AND o.mode = 'drive' AND (
          (o.status IN ('placed', 'preparing', 'ready') AND ${DUE_NOW})
          OR (o.status IN ('collected', 'cancelled') AND (o.updated_at AT TIME ZONE 'Europe/Paris')::date = ${TODAY}))`,
    sql`(o.status IN ('placed', 'preparing', 'ready')) DESC, (o.arrived_at IS NOT NULL AND o.status IN ('placed', 'preparing', 'ready')) DESC,
        o.arrived_at ASC NULLS LAST, sl.starts_at ASC, o.updated_at DESC`,
    300,
  );
}

/** Drive orders for the coming days (to prepare ahead), by slot: the open orders not DUE_NOW. */
export async function listUpcomingDriveOrders(storeId: number, locale: Locale): Promise<Order[]> {
  return select(
    locale,
    sql`o.location_id = ${storeId} AND o.mode = 'drive' AND o.status IN ('placed', 'preparing', 'ready') AND NOT ${DUE_NOW}`,
    sql`sl.starts_at ASC, o.id`,
    300,
  );
}

/** Home deliveries still to ship or to confirm delivered, oldest first; then today's finished ones. */
export async function listDeliveryOrders(locale: Locale): Promise<Order[]> {
  return select(
    locale,
    sql`o.mode = 'delivery' AND (o.status IN ('placed', 'preparing', 'shipped')
          OR (o.updated_at AT TIME ZONE 'Europe/Paris')::date = ${TODAY})`,
    sql`(o.status IN ('placed', 'preparing', 'shipped')) DESC, o.placed_at ASC`,
    300,
  );
}

/** The web warehouse's location id (home-delivery orders live there). */
export async function warehouseLocationId(): Promise<number | null> {
  return webWarehouseId(await getDb());
}
