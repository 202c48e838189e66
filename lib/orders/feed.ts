import 'server-only';
import { asc, sql } from 'drizzle-orm';
import { getDb } from '@/lib/db';
import { encodeFeedCursor, feedWindow, type FeedPosition } from '@/lib/db/feed';
import { skuRowsSql } from '@/lib/catalog/read';
import { orderLines, orders, type OrderMode, type OrderStatus, type PaymentStatus } from './schema';

export type FeedOrder = {
  id: number;
  number: string;
  mode: OrderMode;
  status: OrderStatus;
  paymentStatus: PaymentStatus;
  locationId: number;
  placedAtStoreId: number | null;
  subtotalCents: number;
  deliveryCents: number;
  discountCents: number;
  totalCents: number;
  placedAt: string;
  updatedAt: string;
  lines: { skuId: number; ean13: string; quantity: number; pickedQuantity: number | null; unitPriceCents: number }[];
};

/**
 * Orders placed or changed past a feed position (lib/db/feed.ts), oldest change first: an order
 * changed again comes again, as it is now. `next` is the position to ask from next time (the
 * same one when nothing new has settled).
 */
export async function listOrderChanges(after: FeedPosition | null, limit: number): Promise<{ orders: FeedOrder[]; next: string | null }> {
  const db = await getDb();
  const rows = await db
    .select({
      id: orders.id,
      number: orders.number,
      mode: orders.mode,
      status: orders.status,
      paymentStatus: orders.paymentStatus,
      locationId: orders.locationId,
      placedAtStoreId: orders.placedAtStoreId,
      subtotalCents: orders.subtotalCents,
      deliveryCents: orders.deliveryCents,
      discountCents: orders.discountCents,
      totalCents: orders.totalCents,
      placedAt: orders.placedAt,
      updatedAt: orders.updatedAt,
      feedXid: orders.feedXid,
      // The lines' columns named through an alias: in a one-table select Drizzle leaves columns unqualified.
      lines: sql<FeedOrder['lines']>`(SELECT coalesce(json_agg(json_build_object('skuId', l.sku_id, 'ean13', s.ean13, 'quantity', l.quantity,
          'pickedQuantity', l.picked_quantity, 'unitPriceCents', l.unit_price_cents) ORDER BY l.id), '[]'::json)
        FROM ${orderLines} l JOIN ${skuRowsSql} s ON s.id = l.sku_id WHERE l.order_id = "orders"."id")`,
    })
    .from(orders)
    .where(feedWindow(orders.feedXid, orders.id, after))
    .orderBy(asc(orders.feedXid), asc(orders.id))
    .limit(limit);
  const last = rows.at(-1);
  return {
    orders: rows.map(({ feedXid: _, placedAt, updatedAt, ...o }) => ({ ...o, placedAt: placedAt.toISOString(), updatedAt: updatedAt.toISOString() })),
    next: last ? encodeFeedCursor({ xid: last.feedXid, id: last.id }) : after ? encodeFeedCursor(after) : null,
  };
}
