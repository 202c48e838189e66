import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import { getDb } from '@/lib/db';
import type { Locale } from '@/lib/i18n/config';
import { normalizeOrderNumber } from '@/lib/orders/order-number';
import { distanceKmSql } from '@/lib/stores/queries';
import { stores } from '@/lib/stores/schema';
import { normalizeReturnCode } from './code';
import { returnsConfig } from './config';
import type { LineOutcome, RefundMethod, RefundState, ReturnEventKind, ReturnReason, ReturnStatus } from './schema';

/*
 * Reads for the shopper (their own orders and returns only), the returns desk (its store only)
 * and the booking flow (desks nearest first, drop-off windows with what is left in each).
 */

export type ReturnableLine = {
  orderLineId: number;
  skuId: number;
  productSlug: string;
  productName: string;
  image: string | null;
  size: string | null;
  colour: string | null;
  ean13: string;
  unitPriceCents: number;
  bought: number;
  /** Units on live returns (booked or received, not refused). */
  returned: number;
  returnable: number;
};

export type ReturnableOrder = {
  id: number;
  number: string;
  mode: 'delivery' | 'drive';
  status: string;
  customer: { id: number; name: string; email: string };
  paidAtPickup: boolean;
  /** When it was delivered or collected; null before that (then nothing can be returned yet). */
  completedAt: string | null;
  /** The end of the return period; null before delivery. */
  deadline: string | null;
  /** Delivered or collected and within the return period. */
  open: boolean;
  lines: ReturnableLine[];
};

type ReturnableRow = {
  id: number;
  number: string;
  mode: 'delivery' | 'drive';
  status: string;
  customer_id: number;
  customer_name: string;
  customer_email: string;
  payment_provider: string;
  completed_at: Date | string | null;
  deadline: Date | string | null;
  open: boolean;
  lines: ReturnableLine[] | string;
};

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());
const json = <T>(v: T | string): T => (typeof v === 'string' ? (JSON.parse(v) as T) : v);

async function returnableOrder(where: SQL, locale: Locale): Promise<ReturnableOrder | null> {
  const db = await getDb();
  const name = locale === 'fr' ? sql`p.name_fr` : sql`p.name_en`;
  const days = returnsConfig().windowDays;
  const r = await db.execute<ReturnableRow>(sql`
    SELECT o.id, o.number, o.mode, o.status, o.customer_id, u.name AS customer_name, u.email AS customer_email, o.payment_provider,
           c.at AS completed_at, c.at + make_interval(days => ${days}::int) AS deadline,
           o.status IN ('delivered', 'collected') AND c.at IS NOT NULL AND now() <= c.at + make_interval(days => ${days}::int) AS open,
           (SELECT COALESCE(json_agg(json_build_object(
                     'orderLineId', l.id, 'skuId', k.id, 'productSlug', p.slug, 'productName', ${name}, 'image', p.images->>0,
                     'size', k.size, 'colour', k.colour, 'ean13', k.ean13, 'unitPriceCents', l.unit_price_cents,
                     'bought', l.quantity, 'returned', t.n, 'returnable', greatest(0, l.quantity - t.n)) ORDER BY l.id), '[]'::json)
            FROM order_lines l JOIN skus k ON k.id = l.sku_id JOIN products p ON p.id = k.product_id
            CROSS JOIN LATERAL (
              SELECT COALESCE(sum(rl.quantity), 0)::int AS n FROM return_lines rl JOIN returns r ON r.id = rl.return_id
              WHERE rl.order_line_id = l.id AND r.status <> 'cancelled' AND rl.outcome IS DISTINCT FROM 'refused') t
            WHERE l.order_id = o.id) AS lines
    FROM orders o
    JOIN users u ON u.id = o.customer_id
    LEFT JOIN LATERAL (SELECT max(e.at) AS at FROM order_events e WHERE e.order_id = o.id AND e.kind IN ('delivered', 'collected')) c ON true
    WHERE ${where}`);
  const row = r.rows[0];
  if (!row) return null;
  return {
    id: row.id,
    number: row.number,
    mode: row.mode,
    status: row.status,
    customer: { id: row.customer_id, name: row.customer_name, email: row.customer_email },
    paidAtPickup: row.payment_provider === 'at_pickup',
    completedAt: iso(row.completed_at),
    deadline: iso(row.deadline),
    open: Boolean(row.open),
    lines: json(row.lines),
  };
}

function orderNumberOrNull(number: string): string | null {
  const n = normalizeOrderNumber(number);
  return /^CMD-[A-Z0-9]{8}$/.test(n) ? n : null;
}

/** The shopper's own order with what each line can still be returned; null for anyone else's. */
export async function getReturnableOrder(orderNumber: string, customerId: number, locale: Locale): Promise<ReturnableOrder | null> {
  const n = orderNumberOrNull(orderNumber);
  return n ? returnableOrder(sql`o.number = ${n} AND o.customer_id = ${customerId}`, locale) : null;
}

/** Any order by number, for a walk-in return at the desk (staff see whose it is). */
export async function getOrderForWalkIn(orderNumber: string, locale: Locale): Promise<ReturnableOrder | null> {
  const n = orderNumberOrNull(orderNumber);
  return n ? returnableOrder(sql`o.number = ${n}`, locale) : null;
}

export type ReturnDesk = {
  id: number;
  slug: string;
  name: string;
  address: string;
  postcode: string;
  town: string;
  lat: number;
  lng: number;
  distanceKm: number;
};

/** Shops with a returns desk, nearest first from a point (geolocation, a resolved postcode, my store's position). */
export async function listReturnDesksNear(lat: number, lng: number, limit = 20): Promise<ReturnDesk[]> {
  if (!Number.isFinite(lat) || !Number.isFinite(lng) || Math.abs(lat) > 90 || Math.abs(lng) > 180) return [];
  const db = await getDb();
  const distance = distanceKmSql(stores.lat, stores.lng, lat, lng);
  const r = await db.execute<{
    id: number;
    slug: string;
    name: string;
    address: string;
    postcode: string;
    town: string;
    lat: number;
    lng: number;
    distance_km: number;
  }>(sql`
    SELECT location_id AS id, slug, name, address, postcode, town, lat, lng, ${distance} AS distance_km
    FROM stores WHERE returns_desk
    ORDER BY distance_km, name
    LIMIT ${Math.max(1, Math.min(200, Math.trunc(limit)))}`);
  return r.rows.map((s) => ({
    id: s.id,
    slug: s.slug,
    name: s.name,
    address: s.address,
    postcode: s.postcode,
    town: s.town,
    lat: Number(s.lat),
    lng: Number(s.lng),
    distanceKm: Number(s.distance_km),
  }));
}

/** Whether this shop takes returns (a booking or walk-in elsewhere is refused with NoReturnsDeskError). */
export async function hasReturnsDesk(storeId: number): Promise<boolean> {
  if (!Number.isSafeInteger(storeId) || storeId <= 0 || storeId > 2_147_483_647) return false;
  const db = await getDb();
  const r = await db.execute(sql`SELECT 1 FROM stores WHERE location_id = ${storeId} AND returns_desk`);
  return r.rows.length > 0;
}

export type DropOffWindow = {
  startsAt: string;
  endsAt: string;
  /** Local wall-clock "HH:MM" (Europe/Paris). */
  start: string;
  end: string;
  capacity: number;
  remaining: number;
  state: 'open' | 'full';
};
export type DropOffDay = { date: string; weekday: number; closure: { fr: string; en: string } | null; windows: DropOffWindow[] };

/**
 * The drop-off windows of a shop's returns desk for the days offered (RETURNS_DAYS_AHEAD from
 * today, Paris time), each with the places left; windows that have started are left out. Days
 * without a window (closed, or a closure) are kept, empty, so the picker can say so. Empty when the
 * shop has no returns desk.
 */
export async function listDropOffWindows(storeId: number): Promise<DropOffDay[]> {
  if (!(await hasReturnsDesk(storeId))) return [];
  const db = await getDb();
  const { daysAhead, capacityPerHour } = returnsConfig();
  const today = sql`(now() AT TIME ZONE 'Europe/Paris')::date`;
  const [days, windows] = await Promise.all([
    db.execute<{ day: string; weekday: number; reason_fr: string | null; reason_en: string | null }>(sql`
      SELECT to_char(d.day, 'YYYY-MM-DD') AS day, extract(isodow FROM d.day)::int AS weekday, x.reason_fr, x.reason_en
      FROM (SELECT ${today} + i AS day FROM generate_series(0, ${daysAhead}::int - 1) AS i) d
      LEFT JOIN store_closures x ON x.store_id = ${storeId} AND x.day = d.day
      ORDER BY d.day`),
    db.execute<{ starts_at: Date | string; ends_at: Date | string; day: string; start: string; end: string; capacity: number; taken: number }>(sql`
      SELECT w.starts_at, w.ends_at,
             to_char(w.starts_at AT TIME ZONE 'Europe/Paris', 'YYYY-MM-DD') AS day,
             to_char(w.starts_at AT TIME ZONE 'Europe/Paris', 'HH24:MI') AS start,
             to_char(w.ends_at AT TIME ZONE 'Europe/Paris', 'HH24:MI') AS end,
             COALESCE(rw.capacity, ds.capacity_per_hour, ${capacityPerHour}::int)::int AS capacity,
             comptoir_booking_taken(rw.id) AS taken
      FROM comptoir_return_windows(${storeId}::int, ${today}, ${daysAhead}::int) w
      LEFT JOIN return_windows rw ON rw.store_id = ${storeId} AND rw.starts_at = w.starts_at
      LEFT JOIN return_desk_settings ds ON ds.store_id = ${storeId}
      WHERE w.starts_at > now()
      ORDER BY w.starts_at`),
  ]);
  const byDay = new Map<string, DropOffDay>();
  for (const d of days.rows) {
    byDay.set(d.day, {
      date: d.day,
      weekday: d.weekday,
      closure: d.reason_fr !== null ? { fr: d.reason_fr, en: d.reason_en ?? d.reason_fr } : null,
      windows: [],
    });
  }
  for (const w of windows.rows) {
    const remaining = Math.max(0, w.capacity - w.taken);
    byDay.get(w.day)?.windows.push({
      startsAt: iso(w.starts_at)!,
      endsAt: iso(w.ends_at)!,
      start: w.start,
      end: w.end,
      capacity: w.capacity,
      remaining,
      state: remaining > 0 ? 'open' : 'full',
    });
  }
  return [...byDay.values()];
}

export type ReturnLineView = {
  id: number;
  orderLineId: number;
  skuId: number;
  productSlug: string;
  productName: string;
  image: string | null;
  size: string | null;
  colour: string | null;
  ean13: string;
  quantity: number;
  unitPriceCents: number;
  reason: ReturnReason;
  outcome: LineOutcome | null;
  refusalReason: string | null;
};

export type ReturnEvent = { kind: ReturnEventKind; at: string; note: string | null; byStaff: boolean };

export type ReturnView = {
  id: number;
  code: string;
  status: ReturnStatus;
  walkIn: boolean;
  order: { id: number; number: string; mode: 'delivery' | 'drive' };
  customer: { id: number; name: string; email: string };
  store: { id: number; slug: string; name: string; address: string; postcode: string; town: string };
  window: { startsAt: string; endsAt: string } | null;
  refundMethod: RefundMethod;
  refundCents: number;
  refundState: RefundState;
  refundError: string | null;
  pointsReversed: number;
  pointsShortfall: number;
  bookedAt: string;
  receivedAt: string | null;
  refundedAt: string | null;
  cancelledAt: string | null;
  lines: ReturnLineView[];
  units: number;
  events: ReturnEvent[];
};

type ViewRow = {
  id: number;
  code: string;
  status: ReturnStatus;
  walk_in: boolean;
  order_id: number;
  order_number: string;
  order_mode: 'delivery' | 'drive';
  customer_id: number;
  customer_name: string;
  customer_email: string;
  store_id: number;
  store_slug: string;
  store_name: string;
  store_address: string;
  store_postcode: string;
  store_town: string;
  starts_at: Date | string | null;
  ends_at: Date | string | null;
  refund_method: RefundMethod;
  refund_cents: number;
  refund_state: RefundState;
  refund_error: string | null;
  points_reversed: number;
  points_shortfall: number;
  booked_at: Date | string;
  received_at: Date | string | null;
  refunded_at: Date | string | null;
  cancelled_at: Date | string | null;
  lines: ReturnLineView[] | string;
  events: ReturnEvent[] | string;
};

function toView(r: ViewRow): ReturnView {
  const lines = json(r.lines);
  return {
    id: r.id,
    code: r.code,
    status: r.status,
    walkIn: r.walk_in,
    order: { id: r.order_id, number: r.order_number, mode: r.order_mode },
    customer: { id: r.customer_id, name: r.customer_name, email: r.customer_email },
    store: { id: r.store_id, slug: r.store_slug, name: r.store_name, address: r.store_address, postcode: r.store_postcode, town: r.store_town },
    window: r.starts_at === null ? null : { startsAt: iso(r.starts_at)!, endsAt: iso(r.ends_at)! },
    refundMethod: r.refund_method,
    refundCents: r.refund_cents,
    refundState: r.refund_state,
    refundError: r.refund_error,
    pointsReversed: r.points_reversed,
    pointsShortfall: r.points_shortfall,
    bookedAt: iso(r.booked_at)!,
    receivedAt: iso(r.received_at),
    refundedAt: iso(r.refunded_at),
    cancelledAt: iso(r.cancelled_at),
    lines,
    units: lines.reduce((n, l) => n + l.quantity, 0),
    events: json(r.events),
  };
}

async function selectReturns(locale: Locale, where: SQL, order: SQL, limit = 100): Promise<ReturnView[]> {
  const db = await getDb();
  const name = locale === 'fr' ? sql`p.name_fr` : sql`p.name_en`;
  const r = await db.execute<ViewRow>(sql`
    SELECT r.id, r.code, r.status, r.walk_in, o.id AS order_id, o.number AS order_number, o.mode AS order_mode,
           u.id AS customer_id, u.name AS customer_name, u.email AS customer_email,
           s.location_id AS store_id, s.slug AS store_slug, s.name AS store_name, s.address AS store_address,
           s.postcode AS store_postcode, s.town AS store_town, w.starts_at, w.ends_at,
           r.refund_method, r.refund_cents, r.refund_state, r.refund_error, r.points_reversed, r.points_shortfall,
           r.booked_at, r.received_at, r.refunded_at, r.cancelled_at,
           (SELECT COALESCE(json_agg(json_build_object(
                     'id', rl.id, 'orderLineId', l.id, 'skuId', k.id, 'productSlug', p.slug, 'productName', ${name},
                     'image', p.images->>0, 'size', k.size, 'colour', k.colour, 'ean13', k.ean13, 'quantity', rl.quantity,
                     'unitPriceCents', l.unit_price_cents, 'reason', rl.reason, 'outcome', rl.outcome,
                     'refusalReason', rl.refusal_reason) ORDER BY l.id), '[]'::json)
            FROM return_lines rl JOIN order_lines l ON l.id = rl.order_line_id JOIN skus k ON k.id = l.sku_id
            JOIN products p ON p.id = k.product_id
            WHERE rl.return_id = r.id) AS lines,
           (SELECT COALESCE(json_agg(json_build_object(
                     'kind', e.kind, 'at', e.at, 'note', e.note, 'byStaff', e.actor_id IS DISTINCT FROM r.customer_id) ORDER BY e.at, e.id), '[]'::json)
            FROM return_events e WHERE e.return_id = r.id) AS events
    FROM returns r
    JOIN orders o ON o.id = r.order_id
    JOIN users u ON u.id = r.customer_id
    JOIN stores s ON s.location_id = r.store_id
    LEFT JOIN return_windows w ON w.id = r.window_id
    WHERE ${where}
    ORDER BY ${order}
    LIMIT ${limit}`);
  return r.rows.map(toView);
}

/** Whether this pass code is one of the shopper's own returns (proxy.ts answers 404 otherwise). */
export async function isCustomerReturn(code: string, customerId: number): Promise<boolean> {
  const c = normalizeReturnCode(code);
  if (!c || !Number.isSafeInteger(customerId) || customerId <= 0) return false;
  const db = await getDb();
  const r = await db.execute(sql`SELECT 1 FROM returns WHERE code = ${c} AND customer_id = ${customerId}`);
  return r.rows.length > 0;
}

/** One of the shopper's own returns by its pass code; null for anyone else's. */
export async function getCustomerReturn(code: string, customerId: number, locale: Locale): Promise<ReturnView | null> {
  const c = normalizeReturnCode(code);
  if (!c) return null;
  const [r] = await selectReturns(locale, sql`r.code = ${c} AND r.customer_id = ${customerId}`, sql`r.id`);
  return r ?? null;
}

/** The shopper's returns (of one order, when given), newest first: for the account timeline. */
export async function listCustomerReturns(customerId: number, locale: Locale, opts: { orderId?: number } = {}): Promise<ReturnView[]> {
  return selectReturns(
    locale,
    sql`r.customer_id = ${customerId} ${opts.orderId !== undefined ? sql`AND r.order_id = ${opts.orderId}` : sql``}`,
    sql`r.booked_at DESC, r.id DESC`,
    100,
  );
}

/** A return of this shop by its pass code (scanned or typed); null when it is another shop's. */
export async function getDeskReturn(code: string, storeId: number, locale: Locale): Promise<ReturnView | null> {
  const c = normalizeReturnCode(code);
  if (!c) return null;
  const [r] = await selectReturns(locale, sql`r.code = ${c} AND r.store_id = ${storeId}`, sql`r.id`);
  return r ?? null;
}

/**
 * The desk's day: returns booked for today (Paris) still to check in, by window, then those
 * booked earlier and not brought yet, then refunds that failed or are stuck, then what was checked in today.
 */
export async function listDeskReturnsForToday(storeId: number, locale: Locale): Promise<ReturnView[]> {
  const today = sql`(now() AT TIME ZONE 'Europe/Paris')::date`;
  return selectReturns(
    locale,
    sql`r.store_id = ${storeId} AND (
          (r.status = 'booked' AND (w.starts_at AT TIME ZONE 'Europe/Paris')::date <= ${today})
          OR (r.received_at IS NOT NULL AND (r.received_at AT TIME ZONE 'Europe/Paris')::date = ${today})
          OR r.refund_state IN ('failed', 'pending'))`,
    sql`(r.status = 'booked') DESC, (r.refund_state IN ('failed', 'pending')) DESC, w.starts_at ASC NULLS LAST, r.received_at DESC`,
    300,
  );
}
