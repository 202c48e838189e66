import 'server-only';
import { sql } from 'drizzle-orm';
import { getDb } from '@/lib/db';
import type { LoyaltyEntryKind } from '@/lib/loyalty/schema';
import { customerEntriesSql, pointsOnSql } from '@/lib/loyalty/read';
import { customerOrdersSql, orderNumberOf } from '@/lib/orders/read';
import { customerReservationsSql, reservationTotalOf } from '@/lib/reservations/read';
import { customerReturnsSql } from '@/lib/returns/read';
import { customerSalesSql } from '@/lib/sales/read';
import { storeNameOf, storeRowsSql } from '@/lib/stores/read';
import { customerWalletEntriesSql } from '@/lib/wallet/read';
import type { StoreCreditKind } from '@/lib/wallet/schema';
import type { OrderMode, OrderStatus } from '@/lib/orders/schema';
import type { ReservationStatus } from '@/lib/reservations/schema';
import type { ReturnStatus } from '@/lib/returns/schema';

/*
 * The shopper's activity, every channel in one list, newest first: web orders (delivery and drive),
 * click & reserve reservations, shop sales (till, and reservations collected at the desk), returns
 * at a shop's desk (booked or walked in, with their status: booked → received → refunded, or refused)
 * and loyalty points. One UNION ALL query, each branch reading only this customer's rows through its
 * (customer_id, time) index, paged by keyset on (time, kind, id) — stable while new activity arrives.
 *
 * Each thing appears once: a collected reservation is its sale (at the moment it was paid, linked
 * to the reservation); a reservation that was not collected appears when it was made, with its
 * outcome. Points earned or spent on an order or a sale are shown on that order or sale; every
 * other movement (points taken back after a return, expired, adjusted by staff) is its own item.
 */

export type TimelineItem =
  | ({ kind: 'order'; mode: OrderMode; status: OrderStatus; number: string } & Common)
  | ({ kind: 'reservation'; status: ReservationStatus; reservationId: number } & Common)
  | ({ kind: 'sale'; source: 'till' | 'reservation'; reservationId: number | null } & Common)
  | ({ kind: 'points'; entryKind: LoyaltyEntryKind; orderNumber: string | null; note: string | null } & Common)
  | ({ kind: 'return'; status: ReturnStatus; code: string; orderNumber: string } & Common)
  | ({ kind: 'wallet'; entryKind: StoreCreditKind; giftCardCode: string | null; orderNumber: string | null } & Common);

type Common = {
  id: number;
  at: Date;
  /** Web (an order placed online, a points movement with no shop) or the shop's name. */
  storeName: string | null;
  amountCents: number | null;
  /** Points credited (earned, given back) and spent or taken (negative) by this item. */
  pointsEarned: number;
  pointsSpent: number;
};

export type TimelinePage = { items: TimelineItem[]; next: string | null };

const KIND_RANK = { wallet: 6, return: 5, order: 4, sale: 3, reservation: 2, points: 1 } as const;
type Kind = keyof typeof KIND_RANK;
const MAX_INT = 2_147_483_647;

/** A page boundary: the last item's exact time (PostgreSQL text, microseconds kept), kind and id. */
type Cursor = { at: string; rank: number; id: number };

export function encodeCursor(c: Cursor): string {
  return Buffer.from(`${c.at}|${c.rank}|${c.id}`, 'utf8').toString('base64url');
}

/** Null for anything that is not a cursor this module wrote (the first page is shown instead). */
export function decodeCursor(raw: string | null | undefined): Cursor | null {
  if (!raw || raw.length > 200) return null;
  const text = Buffer.from(raw, 'base64url').toString('utf8');
  const m = /^(\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(?:\.\d{1,6})?[+-]\d{2}(?::\d{2})?)\|([1-6])\|(\d{1,10})$/.exec(text);
  if (!m) return null;
  const id = Number(m[3]);
  // A well-formed but impossible date (month 13) must not reach PostgreSQL as an error.
  const iso = m[1]!.replace(' ', 'T').replace(/([+-]\d{2})$/, '$1:00');
  const [y, mo, d] = m[1]!.slice(0, 10).split('-').map(Number) as [number, number, number];
  const day = new Date(Date.UTC(y, mo - 1, d));
  if (day.getUTCMonth() !== mo - 1 || day.getUTCDate() !== d) return null; // 30 February
  if (!Number.isSafeInteger(id) || id > MAX_INT || Number.isNaN(Date.parse(iso))) return null;
  return { at: m[1]!, rank: Number(m[2]), id };
}

type Row = {
  kind: Kind;
  id: number;
  at: string | Date;
  at_text: string;
  status: string | null;
  mode: OrderMode | null;
  number: string | null;
  store_name: string | null;
  amount_cents: number | null;
  earned: number | null;
  spent: number | null;
  reservation_id: number | null;
  source: 'till' | 'reservation' | null;
  entry_kind: LoyaltyEntryKind | StoreCreditKind | null;
  note: string | null;
};

export async function listTimeline(customerId: number, opts: { limit?: number; cursor?: string | null } = {}): Promise<TimelinePage> {
  if (!Number.isSafeInteger(customerId) || customerId <= 0 || customerId > MAX_INT) return { items: [], next: null };
  const limit = Math.min(Math.max(Math.trunc(opts.limit ?? 20), 1), 100);
  const c = decodeCursor(opts.cursor);
  // Every branch takes the rows after the cursor, newest first, at most limit + 1 (to know if there is more).
  const after = (at: ReturnType<typeof sql>, rank: number, id: ReturnType<typeof sql>) =>
    c ? sql`(${at}, ${rank}::int, ${id}) < (${c.at}::timestamptz, ${c.rank}::int, ${c.id}::int)` : sql`true`;
  const take = limit + 1;
  const db = await getDb();
  // Raw SQL: one keyset-paged UNION ALL over five kinds of activity, each branch on its own index.
  // Each domain's rows are read through its read.ts (row sources, store names, points, order numbers).
  const r = await db.execute<Row>(sql`
    SELECT t.*, t.at::text AS at_text FROM (
      (SELECT 'order' AS kind, o.id, o.placed_at AS at, o.status, o.mode, o.number,
              COALESCE(${storeNameOf(sql`o.location_id`)}, ${storeNameOf(sql`o.placed_at_store_id`)}) AS store_name,
              o.total_cents AS amount_cents, p.earned, p.spent, NULL::int AS reservation_id, NULL::text AS source,
              NULL::text AS entry_kind, NULL::text AS note
       FROM ${customerOrdersSql(customerId)} o
       LEFT JOIN LATERAL ${pointsOnSql('order', sql`o.id`, sql`o.customer_id`)} p ON true
       WHERE o.customer_id = ${customerId} AND ${after(sql`o.placed_at`, KIND_RANK.order, sql`o.id`)}
       ORDER BY o.placed_at DESC, o.id DESC LIMIT ${take})
      UNION ALL
      (SELECT 'sale', sa.id, sa.created_at, NULL, NULL, NULL, s.name, sa.total_cents, p.earned, p.spent,
              sa.reservation_id, sa.source, NULL, NULL
       FROM ${customerSalesSql(customerId)} sa
       JOIN ${storeRowsSql} s ON s.location_id = sa.store_id
       LEFT JOIN LATERAL ${pointsOnSql('sale', sql`sa.id`, sql`sa.customer_id`)} p ON true
       WHERE sa.customer_id = ${customerId} AND ${after(sql`sa.created_at`, KIND_RANK.sale, sql`sa.id`)}
       ORDER BY sa.created_at DESC, sa.id DESC LIMIT ${take})
      UNION ALL
      (SELECT 'reservation', r.id, r.created_at, r.status, NULL, r.code, s.name,
              ${reservationTotalOf(sql`r.id`)},
              NULL, NULL, r.id, NULL, NULL, NULL
       FROM ${customerReservationsSql(customerId)} r
       JOIN ${storeRowsSql} s ON s.location_id = r.store_id
       WHERE r.customer_id = ${customerId} AND r.status <> 'collected'
         AND ${after(sql`r.created_at`, KIND_RANK.reservation, sql`r.id`)}
       ORDER BY r.created_at DESC, r.id DESC LIMIT ${take})
      UNION ALL
      (SELECT 'points', e.id, e.created_at, NULL, NULL, ${orderNumberOf(sql`e.order_id`)}, s.name, NULL,
              CASE WHEN e.points > 0 THEN e.points END, CASE WHEN e.points < 0 THEN e.points END,
              NULL, NULL, e.kind, e.note
       FROM ${customerEntriesSql(customerId)} e
       LEFT JOIN ${storeRowsSql} s ON s.location_id = e.store_id
       WHERE e.customer_id = ${customerId}
         AND NOT (e.kind IN ('earn', 'redeem') AND (e.order_id IS NOT NULL OR e.sale_id IS NOT NULL))
         AND ${after(sql`e.created_at`, KIND_RANK.points, sql`e.id`)}
       ORDER BY e.created_at DESC, e.id DESC LIMIT ${take})
      UNION ALL
      (SELECT 'return', r.id, r.booked_at, r.status, NULL, r.code, s.name, NULLIF(r.refund_cents, 0), NULL, NULL,
              NULL, NULL, NULL, ${orderNumberOf(sql`r.order_id`)}
       FROM ${customerReturnsSql(customerId)} r
       JOIN ${storeRowsSql} s ON s.location_id = r.store_id
       WHERE r.customer_id = ${customerId} AND ${after(sql`r.booked_at`, KIND_RANK.return, sql`r.id`)}
       ORDER BY r.booked_at DESC, r.id DESC LIMIT ${take})
      UNION ALL
      -- Wallet movements of their own (a gift card bought, credit received or given back); a spend is its order or sale.
      (SELECT 'wallet', w.id, w.created_at, NULL, NULL, ${orderNumberOf(sql`w.order_id`)}, s.name, w.amount_cents, NULL, NULL,
              NULL, NULL, w.kind, w.gift_card_code
       FROM ${customerWalletEntriesSql(customerId)} w
       LEFT JOIN ${storeRowsSql} s ON s.location_id = w.store_id
       WHERE w.customer_id = ${customerId}
         AND w.kind <> 'spend'
         AND ${after(sql`w.created_at`, KIND_RANK.wallet, sql`w.id`)}
       ORDER BY w.created_at DESC, w.id DESC LIMIT ${take})
    ) t
    ORDER BY t.at DESC,
             CASE t.kind WHEN 'wallet' THEN 6 WHEN 'return' THEN 5 WHEN 'order' THEN 4 WHEN 'sale' THEN 3 WHEN 'reservation' THEN 2 ELSE 1 END DESC,
             t.id DESC
    LIMIT ${take}`);
  const rows = r.rows;
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  const items = page.map(toItem);
  if (rows.length <= limit || !last) return { items, next: null };
  // The exact time, as PostgreSQL writes it: a JS Date would drop the microseconds.
  return { items, next: encodeCursor({ at: last.at_text, rank: KIND_RANK[last.kind], id: last.id }) };
}

function toItem(row: Row): TimelineItem {
  const common: Common = {
    id: row.id,
    at: new Date(row.at),
    storeName: row.store_name,
    amountCents: row.amount_cents === null ? null : Number(row.amount_cents),
    pointsEarned: Number(row.earned ?? 0),
    pointsSpent: Number(row.spent ?? 0),
  };
  switch (row.kind) {
    case 'order':
      return { kind: 'order', mode: row.mode!, status: row.status as OrderStatus, number: row.number!, ...common };
    case 'sale':
      return { kind: 'sale', source: row.source!, reservationId: row.reservation_id, ...common };
    case 'reservation':
      return { kind: 'reservation', status: row.status as ReservationStatus, reservationId: row.reservation_id!, ...common };
    case 'return':
      return { kind: 'return', status: row.status as ReturnStatus, code: row.number!, orderNumber: row.note!, ...common };
    case 'wallet':
      return { kind: 'wallet', entryKind: row.entry_kind as unknown as StoreCreditKind, giftCardCode: row.note, orderNumber: row.number, ...common };
    default:
      return { kind: 'points', entryKind: row.entry_kind as LoyaltyEntryKind, orderNumber: row.number, note: row.note, ...common };
  }
}
