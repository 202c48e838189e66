import 'server-only';
import { and, desc, eq, sql } from 'drizzle-orm';
import { assertStaffOfStore } from '@/lib/auth/staff-access';
import { getDb, transaction, type Db } from '@/lib/db';
import { IdempotencyKeyReusedError } from '@/lib/inventory/commands';
import { InvalidCloseError } from './errors';
import { tillCloses } from './schema';

/** The business day's time zone: a sale at 00:30 in Lyon belongs to that calendar day. */
export const CLOSE_TIME_ZONE = 'Europe/Paris';

export type TillClose = {
  id: number;
  storeId: number;
  businessDay: string;
  closedAt: Date;
  closedBy: number | null;
  salesCount: number;
  cardCount: number;
  cardCents: number;
  cashCount: number;
  cashCents: number;
  storeCreditCount: number;
  storeCreditCents: number;
  giftCardCount: number;
  giftCardCents: number;
  totalCents: number;
};

export type TillCloseResult = TillClose & { replayed: boolean };

const CLOSE_COLUMNS = {
  id: tillCloses.id,
  storeId: tillCloses.storeId,
  businessDay: tillCloses.businessDay,
  closedAt: tillCloses.closedAt,
  closedBy: tillCloses.closedBy,
  salesCount: tillCloses.salesCount,
  cardCount: tillCloses.cardCount,
  cardCents: tillCloses.cardCents,
  cashCount: tillCloses.cashCount,
  cashCents: tillCloses.cashCents,
  storeCreditCount: tillCloses.storeCreditCount,
  storeCreditCents: tillCloses.storeCreditCents,
  giftCardCount: tillCloses.giftCardCount,
  giftCardCents: tillCloses.giftCardCents,
  totalCents: tillCloses.totalCents,
};

/** Today's date in Paris, YYYY-MM-DD. */
export function parisToday(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: CLOSE_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

function validDay(day: string, now: Date): string {
  if (typeof day !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(day)) throw new InvalidCloseError('day');
  const d = new Date(`${day}T00:00:00Z`);
  if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== day) throw new InvalidCloseError('day');
  // ISO dates compare as strings.
  if (day > parisToday(now)) throw new InvalidCloseError('future');
  return day;
}

/**
 * Closes a store's till (one per store) for a business day: the store's till sales not yet closed
 * (rung up at the till screen, so with a ticket key and their payments: seeded history is not a
 * till's takings) whose Paris date is that day or before (a late sale of a day already closed goes to the next
 * close) are marked with this close and summed per payment method, in one transaction. The close
 * row is claimed first: (store, day) and the key are unique, so a second close of the same day —
 * at the same moment or later, with this key or another — waits for the first and answers with
 * it, counting nothing again.
 */
export async function closeTill(input: {
  storeId: number;
  staffId: number;
  businessDay: string;
  idempotencyKey: string;
  now?: Date;
}): Promise<TillCloseResult> {
  const day = validDay(input.businessDay, input.now ?? new Date());
  const key = typeof input.idempotencyKey === 'string' ? input.idempotencyKey.trim() : '';
  if (key.length < 8 || key.length > 100) throw new InvalidCloseError('day');
  await assertStaffOfStore(input.staffId, input.storeId);
  return transaction(async (tx) => {
    const [claimed] = await tx
      .insert(tillCloses)
      .values({ storeId: input.storeId, businessDay: day, closedBy: input.staffId, idempotencyKey: key })
      .onConflictDoNothing()
      .returning({ id: tillCloses.id });
    if (!claimed) return firstClose(tx, input.storeId, day, key);
    // Raw SQL: an UPDATE … RETURNING inside a WITH, summed per payment method in the same statement.
    // One statement: the sales it takes are the ones it sums (a sale another close took in the
    // meantime no longer has close_id NULL when this UPDATE reaches it, and is skipped).
    const [totals] = await tx
      .execute<TillClose>(
        sql`
      WITH closed AS (
        UPDATE sales SET close_id = ${claimed.id}
        WHERE store_id = ${input.storeId} AND source = 'till' AND idempotency_key IS NOT NULL AND close_id IS NULL
          AND (created_at AT TIME ZONE ${CLOSE_TIME_ZONE})::date <= ${day}::date
        RETURNING id, total_cents
      ), paid AS (
        SELECT p.method, count(*)::int AS n, sum(p.amount_cents)::int AS cents
        FROM sale_payments p JOIN closed ON closed.id = p.sale_id GROUP BY p.method
      )
      UPDATE till_closes SET
        sales_count = (SELECT count(*)::int FROM closed),
        total_cents = (SELECT COALESCE(sum(total_cents), 0)::int FROM closed),
        card_count = COALESCE((SELECT n FROM paid WHERE method = 'card'), 0),
        card_cents = COALESCE((SELECT cents FROM paid WHERE method = 'card'), 0),
        cash_count = COALESCE((SELECT n FROM paid WHERE method = 'cash'), 0),
        cash_cents = COALESCE((SELECT cents FROM paid WHERE method = 'cash'), 0),
        store_credit_count = COALESCE((SELECT n FROM paid WHERE method = 'store_credit'), 0),
        store_credit_cents = COALESCE((SELECT cents FROM paid WHERE method = 'store_credit'), 0),
        gift_card_count = COALESCE((SELECT n FROM paid WHERE method = 'gift_card'), 0),
        gift_card_cents = COALESCE((SELECT cents FROM paid WHERE method = 'gift_card'), 0)
      WHERE id = ${claimed.id}
      RETURNING id`,
      )
      .then((r) => r.rows);
    if (!totals) throw new Error('till close vanished inside its own transaction');
    const [row] = await tx.select(CLOSE_COLUMNS).from(tillCloses).where(eq(tillCloses.id, claimed.id));
    return { ...row!, replayed: false };
  });
}

/** The close that already holds this day (or this key), for this store; a key from another store's close is refused. */
async function firstClose(tx: Db, storeId: number, day: string, key: string): Promise<TillCloseResult> {
  const [byKey] = await tx.select(CLOSE_COLUMNS).from(tillCloses).where(eq(tillCloses.idempotencyKey, key));
  if (byKey) {
    if (byKey.storeId !== storeId) throw new IdempotencyKeyReusedError();
    return { ...byKey, replayed: true };
  }
  const [byDay] = await tx
    .select(CLOSE_COLUMNS)
    .from(tillCloses)
    .where(and(eq(tillCloses.storeId, storeId), eq(tillCloses.businessDay, day)));
  if (!byDay) throw new IdempotencyKeyReusedError();
  return { ...byDay, replayed: true };
}

/** A store's closes, latest day first (the staff page checks the reader is staff of the store). */
export async function listTillCloses(storeId: number, limit = 30): Promise<TillClose[]> {
  const db = await getDb();
  return db.select(CLOSE_COLUMNS).from(tillCloses).where(eq(tillCloses.storeId, storeId)).orderBy(desc(tillCloses.businessDay)).limit(limit);
}
