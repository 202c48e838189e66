import { sql, type SQL, type SQLWrapper } from 'drizzle-orm';

/*
 * A change feed over a table whose rows carry `feed_xid`, the transaction that last wrote them
 * (a trigger stamps it: migration 0033). Paging by a serial id or a timestamp skips rows: ids and
 * clocks are taken when a transaction writes, not when it commits, so order 41 can commit after a
 * reader has already been handed a cursor past order 42. Here a reader pages on (feed_xid, id) and
 * sees only rows written by transactions older than the oldest one still running (the snapshot's
 * xmin): every such transaction has ended, so no row can ever appear behind the cursor. A long
 * transaction holds the feed back (never skips it); the rows after it come when it ends.
 */

export type FeedPosition = { xid: number; id: number };

/** Opaque to clients: base64url of "xid.id". Anything else is not a cursor (null). */
export function encodeFeedCursor(p: FeedPosition): string {
  return Buffer.from(`${p.xid}.${p.id}`).toString('base64url');
}

export function decodeFeedCursor(cursor: string): FeedPosition | null {
  if (!/^[A-Za-z0-9_-]{1,40}$/.test(cursor)) return null;
  const m = /^(\d{1,15})\.(\d{1,10})$/.exec(Buffer.from(cursor, 'base64url').toString());
  if (!m) return null;
  const xid = Number(m[1]);
  const id = Number(m[2]);
  return Number.isSafeInteger(xid) && id <= 2_147_483_647 ? { xid, id } : null;
}

/** The rows of a feed past `after` (from the start when null) and settled: written by transactions that have all ended. */
export function feedWindow(xid: SQLWrapper, id: SQLWrapper, after: FeedPosition | null): SQL {
  const settled = sql`${xid} < (pg_snapshot_xmin(pg_current_snapshot())::text)::bigint`;
  return after ? sql`(${xid}, ${id}) > (${after.xid}::bigint, ${after.id}::int) AND ${settled}` : settled;
}
