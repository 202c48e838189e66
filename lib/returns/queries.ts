import 'server-only';
import { and, asc, eq, ne, sql, type SQL } from 'drizzle-orm';
import { getDb } from '@/lib/db';
import type { Locale } from '@/lib/i18n/config';
import { normalizeOrderNumber } from '@/lib/orders/order-number';
import { findOrderFacts, getOrderLines, getOrderSummaries, type OrderLineFacts, type OrderWhere } from '@/lib/orders/read';
import { getSkuLabels, type SkuLabel } from '@/lib/catalog/read';
import { findContact, userRowsSql } from '@/lib/auth/read';
import { distanceKmSql, isReturnsDesk, storeClosuresSql, storeFacts, storeRowsSql } from '@/lib/stores/read';
import { normalizeReturnCode } from './code';
import { returnsConfig } from './config';
import {
  returnLines,
  returns,
  type LineOutcome,
  type RefundMethod,
  type RefundState,
  type ReturnEventKind,
  type ReturnReason,
  type ReturnStatus,
} from './schema';

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

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());
const json = <T>(v: T | string): T => (typeof v === 'string' ? (JSON.parse(v) as T) : v);

type OrderLineDetail = OrderLineFacts & SkuLabel;

/**
 * Order lines (lib/orders/read.ts) with what each SKU is (lib/catalog/read.ts), in line order: two
 * queries for a whole list. A line whose SKU the catalogue does not know is left out.
 */
async function getOrderLineDetails(which: { orderId: number } | { ids: readonly number[] }, locale: Locale): Promise<OrderLineDetail[]> {
  const lines = await getOrderLines(which);
  const labels = await getSkuLabels(
    lines.map((l) => l.skuId),
    locale,
  );
  return lines.flatMap((l) => {
    const label = labels.get(l.skuId);
    return label ? [{ ...l, ...label }] : [];
  });
}

/** What an order line bought, at what price: the part of a return's line the order knows. */
function whatWasBought({ id: _id, orderId: _order, quantity: _quantity, ...bought }: OrderLineDetail) {
  return bought;
}

/** The order (lib/orders/read.ts) with, for each line, what live returns already take back. */
async function returnableOrder(where: OrderWhere, locale: Locale): Promise<ReturnableOrder | null> {
  const order = await findOrderFacts(where, { periodDays: returnsConfig().windowDays });
  if (!order) return null;
  const db = await getDb();
  const [bought, taken, customer] = await Promise.all([
    getOrderLineDetails({ orderId: order.id }, locale),
    db
      .select({ orderLineId: returnLines.orderLineId, n: sql<number>`sum(${returnLines.quantity})::int` })
      .from(returnLines)
      .innerJoin(returns, eq(returns.id, returnLines.returnId))
      .where(and(eq(returns.orderId, order.id), ne(returns.status, 'cancelled'), sql`${returnLines.outcome} IS DISTINCT FROM 'refused'`))
      .groupBy(returnLines.orderLineId),
    findContact(order.customerId),
  ]);
  if (!customer) return null;
  const returned = new Map(taken.map((t) => [t.orderLineId, t.n]));
  return {
    id: order.id,
    number: order.number,
    mode: order.mode,
    status: order.status,
    customer,
    paidAtPickup: order.paymentProvider === 'at_pickup',
    completedAt: iso(order.completedAt),
    deadline: iso(order.periodEndsAt),
    open: ['delivered', 'collected'].includes(order.status) && order.withinPeriod,
    lines: bought.map((l) => {
      const n = returned.get(l.id) ?? 0;
      return { orderLineId: l.id, ...whatWasBought(l), bought: l.quantity, returned: n, returnable: Math.max(0, l.quantity - n) };
    }),
  };
}

function orderNumberOrNull(number: string): string | null {
  const n = normalizeOrderNumber(number);
  return /^CMD-[A-Z0-9]{8}$/.test(n) ? n : null;
}

/** The shopper's own order with what each line can still be returned; null for anyone else's. */
export async function getReturnableOrder(orderNumber: string, customerId: number, locale: Locale): Promise<ReturnableOrder | null> {
  const n = orderNumberOrNull(orderNumber);
  return n ? returnableOrder({ number: n, customerId }, locale) : null;
}

/** Any order by number, for a walk-in return at the desk (staff see whose it is). */
export async function getOrderForWalkIn(orderNumber: string, locale: Locale): Promise<ReturnableOrder | null> {
  const n = orderNumberOrNull(orderNumber);
  return n ? returnableOrder({ number: n }, locale) : null;
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
  const distanceKm = distanceKmSql(storeFacts.lat, storeFacts.lng, lat, lng);
  return db
    .select({
      id: storeFacts.locationId,
      slug: storeFacts.slug,
      name: storeFacts.name,
      address: storeFacts.address,
      postcode: storeFacts.postcode,
      town: storeFacts.town,
      lat: storeFacts.lat,
      lng: storeFacts.lng,
      distanceKm,
    })
    .from(storeFacts)
    .where(eq(storeFacts.returnsDesk, true))
    .orderBy(distanceKm, asc(storeFacts.name))
    .limit(Math.max(1, Math.min(200, Math.trunc(limit))));
}

/** Whether this shop takes returns (a booking or walk-in elsewhere is refused with NoReturnsDeskError). */
export async function hasReturnsDesk(storeId: number): Promise<boolean> {
  return isReturnsDesk(await getDb(), storeId);
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
  // Raw SQL: the days offered come from generate_series, the windows from the SQL function that lays them out.
  const [days, windows] = await Promise.all([
    db.execute<{ day: string; weekday: number; reason_fr: string | null; reason_en: string | null }>(sql`
      SELECT to_char(d.day, 'YYYY-MM-DD') AS day, extract(isodow FROM d.day)::int AS weekday, x.reason_fr, x.reason_en
      FROM (SELECT ${today} + i AS day FROM generate_series(0, ${daysAhead}::int - 1) AS i) d
      LEFT JOIN ${storeClosuresSql} x ON x.store_id = ${storeId} AND x.day = d.day
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

/** A return line as the returns tables keep it: what it is and what it cost come from the order line. */
type ReturnedLine = Pick<ReturnLineView, 'id' | 'orderLineId' | 'quantity' | 'reason' | 'outcome' | 'refusalReason'>;

type ViewRow = {
  id: number;
  code: string;
  status: ReturnStatus;
  walk_in: boolean;
  order_id: number;
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
  lines: ReturnedLine[] | string;
  events: ReturnEvent[] | string;
};

async function selectReturns(locale: Locale, where: SQL, order: SQL, limit = 100): Promise<ReturnView[]> {
  const db = await getDb();
  // Raw SQL: each return's lines and events aggregated as JSON in the one statement that lists them.
  const r = await db.execute<ViewRow>(sql`
    SELECT r.id, r.code, r.status, r.walk_in, r.order_id,
           u.id AS customer_id, u.name AS customer_name, u.email AS customer_email,
           s.location_id AS store_id, s.slug AS store_slug, s.name AS store_name, s.address AS store_address,
           s.postcode AS store_postcode, s.town AS store_town, w.starts_at, w.ends_at,
           r.refund_method, r.refund_cents, r.refund_state, r.refund_error, r.points_reversed, r.points_shortfall,
           r.booked_at, r.received_at, r.refunded_at, r.cancelled_at,
           (SELECT COALESCE(json_agg(json_build_object(
                     'id', rl.id, 'orderLineId', rl.order_line_id, 'quantity', rl.quantity, 'reason', rl.reason,
                     'outcome', rl.outcome, 'refusalReason', rl.refusal_reason) ORDER BY rl.order_line_id), '[]'::json)
            FROM return_lines rl WHERE rl.return_id = r.id) AS lines,
           (SELECT COALESCE(json_agg(json_build_object(
                     'kind', e.kind, 'at', e.at, 'note', e.note, 'byStaff', e.actor_id IS DISTINCT FROM r.customer_id) ORDER BY e.at, e.id), '[]'::json)
            FROM return_events e WHERE e.return_id = r.id) AS events
    FROM returns r
    JOIN ${userRowsSql} u ON u.id = r.customer_id
    JOIN ${storeRowsSql} s ON s.location_id = r.store_id
    LEFT JOIN return_windows w ON w.id = r.window_id
    WHERE ${where}
    ORDER BY ${order}
    LIMIT ${limit}`);
  const rows = r.rows.map((row) => ({ ...row, lines: json(row.lines), events: json(row.events) }));
  // What each line is and what it cost, and each return's order: asked of lib/orders, two queries for the whole list.
  const [details, orders] = await Promise.all([
    getOrderLineDetails({ ids: rows.flatMap((row) => row.lines.map((l) => l.orderLineId)) }, locale),
    getOrderSummaries(rows.map((row) => row.order_id)),
  ]);
  const detail = new Map(details.map((d) => [d.id, d]));
  return rows.map((row) => {
    const lines: ReturnLineView[] = row.lines.map((l) => {
      return { ...l, ...whatWasBought(detail.get(l.orderLineId)!) };
    });
    const o = orders.get(row.order_id)!;
    return {
      id: row.id,
      code: row.code,
      status: row.status,
      walkIn: row.walk_in,
      order: { id: row.order_id, number: o.number, mode: o.mode },
      customer: { id: row.customer_id, name: row.customer_name, email: row.customer_email },
      store: { id: row.store_id, slug: row.store_slug, name: row.store_name, address: row.store_address, postcode: row.store_postcode, town: row.store_town },
      window: row.starts_at === null ? null : { startsAt: iso(row.starts_at)!, endsAt: iso(row.ends_at)! },
      refundMethod: row.refund_method,
      refundCents: row.refund_cents,
      refundState: row.refund_state,
      refundError: row.refund_error,
      pointsReversed: row.points_reversed,
      pointsShortfall: row.points_shortfall,
      bookedAt: iso(row.booked_at)!,
      receivedAt: iso(row.received_at),
      refundedAt: iso(row.refunded_at),
      cancelledAt: iso(row.cancelled_at),
      lines,
      units: lines.reduce((n, l) => n + l.quantity, 0),
      events: row.events,
    };
  });
}

/** Whether this pass code is one of the shopper's own returns (proxy.ts answers 404 otherwise). */
export async function isCustomerReturn(code: string, customerId: number): Promise<boolean> {
  const c = normalizeReturnCode(code);
  if (!c || !Number.isSafeInteger(customerId) || customerId <= 0) return false;
  const db = await getDb();
  const [mine] = await db
    .select({ id: returns.id })
    .from(returns)
    .where(and(eq(returns.code, c), eq(returns.customerId, customerId)));
  return mine !== undefined;
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
