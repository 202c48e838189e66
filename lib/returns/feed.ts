import 'server-only';
import { asc, sql } from 'drizzle-orm';
import { getDb } from '@/lib/db';
import { encodeFeedCursor, feedWindow, type FeedPosition } from '@/lib/db/feed';
import { orderNumberOf } from '@/lib/orders/read';
import { returnLines, returns, type RefundMethod, type RefundState, type ReturnStatus } from './schema';

export type FeedReturn = {
  id: number;
  code: string;
  orderNumber: string | null;
  storeId: number;
  status: ReturnStatus;
  refundMethod: RefundMethod;
  refundCents: number;
  refundState: RefundState;
  bookedAt: string;
  receivedAt: string | null;
  updatedAt: string;
  lines: { orderLineId: number; quantity: number; reason: string; outcome: string | null }[];
};

/** Returns booked or changed past a feed position (lib/db/feed.ts), oldest change first. */
export async function listReturnChanges(after: FeedPosition | null, limit: number): Promise<{ returns: FeedReturn[]; next: string | null }> {
  const db = await getDb();
  const rows = await db
    .select({
      id: returns.id,
      code: returns.code,
      orderNumber: orderNumberOf(returns.orderId),
      storeId: returns.storeId,
      status: returns.status,
      refundMethod: returns.refundMethod,
      refundCents: returns.refundCents,
      refundState: returns.refundState,
      bookedAt: returns.bookedAt,
      receivedAt: returns.receivedAt,
      updatedAt: returns.updatedAt,
      feedXid: returns.feedXid,
      lines: sql<FeedReturn['lines']>`(SELECT coalesce(json_agg(json_build_object('orderLineId', l.order_line_id, 'quantity', l.quantity,
          'reason', l.reason, 'outcome', l.outcome) ORDER BY l.id), '[]'::json)
        FROM ${returnLines} l WHERE l.return_id = "returns"."id")`,
    })
    .from(returns)
    .where(feedWindow(returns.feedXid, returns.id, after))
    .orderBy(asc(returns.feedXid), asc(returns.id))
    .limit(limit);
  const last = rows.at(-1);
  return {
    returns: rows.map(({ feedXid: _, bookedAt, receivedAt, updatedAt, ...r }) => ({
      ...r,
      bookedAt: bookedAt.toISOString(),
      receivedAt: receivedAt?.toISOString() ?? null,
      updatedAt: updatedAt.toISOString(),
    })),
    next: last ? encodeFeedCursor({ xid: last.feedXid, id: last.id }) : after ? encodeFeedCursor(after) : null,
  };
}
