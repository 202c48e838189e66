import 'server-only';
import { sql } from 'drizzle-orm';
import { intArray, type Db } from '@/lib/db';
import { stockMovements } from './schema';
import { DomainError } from '@/lib/errors';

/*
 * Units held for customers (click & reserve, later drive orders): given back or handed over here.
 * (A click & reserve hold is taken inside comptoir_place_reservation, lib/db/migrations/0003, in
 * one round trip with the same conditional UPDATE.) These run inside the caller's transaction, so
 * a hold and the record that owns it commit or vanish together. The invariant
 * (nothing held that is not on the shelf) is in the WHERE clause and in the stock table's CHECK;
 * every change fires the stock trigger, so open product pages hear about it.
 */

export type HoldLine = { skuId: number; quantity: number };

export class OutOfStockError extends DomainError {
  constructor(
    readonly skuId: number,
    readonly available: number,
  ) {
    super('out_of_stock', available <= 0 ? 'Not enough stock: this item has just sold out here.' : `Not enough stock: only ${available} left here.`);
  }
}

export class NotStockedHereError extends DomainError {
  constructor(readonly skuId: number) {
    super('not_stocked_here', 'This shop does not sell this item.');
  }
}

/** Same SKU on several lines counts once, with the lines' sum. */
function bySku(lines: HoldLine[]): { skus: number[]; quantities: number[] } {
  const totals = new Map<number, number>();
  for (const l of lines) totals.set(l.skuId, (totals.get(l.skuId) ?? 0) + l.quantity);
  const skus = [...totals.keys()].sort((a, b) => a - b);
  return { skus, quantities: skus.map((s) => totals.get(s)!) };
}

/** Row locks in SKU order: two multi-line writers on one shop then queue instead of deadlocking. */
async function lockRows(tx: Db, locationId: number, skus: number[]): Promise<void> {
  if (skus.length < 2) return;
  // Raw SQL: row locks taken in SKU order.
  await tx.execute(sql`
    SELECT 1 FROM stock WHERE location_id = ${locationId} AND sku_id = ANY(${intArray(skus)}::int[])
    ORDER BY sku_id FOR UPDATE`);
}

/**
 * Holds units for a customer (a drive or home-delivery order): one conditional UPDATE, so the
 * shelf never shows more held than it has. Refuses with the first line that does not fit, and the
 * caller's transaction rolls back with it (lines already held included).
 */
export async function holdStock(tx: Db, locationId: number, lines: HoldLine[]): Promise<void> {
  const { skus, quantities } = bySku(lines);
  if (skus.length === 0) return;
  await lockRows(tx, locationId, skus);
  // Raw SQL: one set-wise conditional UPDATE from unnest(…) (the invariant in its WHERE).
  const held = await tx.execute<{ sku_id: number }>(sql`
    UPDATE stock s SET reserved = s.reserved + w.n
    FROM unnest(${intArray(skus)}::int[], ${intArray(quantities)}::int[]) AS w(sku_id, n)
    WHERE s.location_id = ${locationId} AND s.sku_id = w.sku_id AND s.on_hand - s.reserved >= w.n
    RETURNING s.sku_id`);
  if (held.rows.length === skus.length) return;
  // Raw SQL: the first line that does not fit, read from the same unnest(…) the UPDATE used.
  const short = await tx.execute<{ sku_id: number; available: number | null }>(sql`
    SELECT w.sku_id, s.on_hand - s.reserved AS available
    FROM unnest(${intArray(skus)}::int[], ${intArray(quantities)}::int[]) AS w(sku_id, n)
    LEFT JOIN stock s ON s.location_id = ${locationId} AND s.sku_id = w.sku_id
    WHERE s.sku_id IS NULL OR s.on_hand - s.reserved < w.n
    ORDER BY w.sku_id LIMIT 1`);
  const first = short.rows[0];
  if (!first) throw new Error('holdStock: a line was refused but none is short'); // cannot happen under the row locks
  if (first.available === null) throw new NotStockedHereError(first.sku_id);
  throw new OutOfStockError(first.sku_id, Math.max(0, first.available));
}

/** Gives held units back to "available" (a cancelled or expired hold). */
export async function releaseStock(tx: Db, locationId: number, lines: HoldLine[]): Promise<void> {
  const { skus, quantities } = bySku(lines);
  if (skus.length === 0) return;
  await lockRows(tx, locationId, skus);
  // Raw SQL: one set-wise conditional UPDATE from unnest(…) (the invariant in its WHERE).
  const released = await tx.execute<{ sku_id: number }>(sql`
    UPDATE stock s SET reserved = s.reserved - w.n
    FROM unnest(${intArray(skus)}::int[], ${intArray(quantities)}::int[]) AS w(sku_id, n)
    WHERE s.location_id = ${locationId} AND s.sku_id = w.sku_id AND s.reserved >= w.n
    RETURNING s.sku_id`);
  // A hold that is not in stock.reserved means the books are already wrong: stop, roll back.
  if (released.rows.length !== skus.length) throw new Error(`stock at location ${locationId} holds fewer reserved units than the hold being released`);
}

/**
 * Held units leave the shop with the customer: on hand and reserved both go down, and the sale is
 * written to the stock movements (the audit trail staff read).
 */
export async function takeHeldStock(tx: Db, locationId: number, lines: HoldLine[], audit: { actorId: number | null; note: string }): Promise<void> {
  const { skus, quantities } = bySku(lines);
  if (skus.length === 0) return;
  await lockRows(tx, locationId, skus);
  // Raw SQL: one set-wise conditional UPDATE from unnest(…) (the invariant in its WHERE).
  const taken = await tx.execute<{ sku_id: number; on_hand: number; n: number }>(sql`
    UPDATE stock s SET on_hand = s.on_hand - w.n, reserved = s.reserved - w.n
    FROM unnest(${intArray(skus)}::int[], ${intArray(quantities)}::int[]) AS w(sku_id, n)
    WHERE s.location_id = ${locationId} AND s.sku_id = w.sku_id AND s.reserved >= w.n
    RETURNING s.sku_id, s.on_hand, w.n`);
  if (taken.rows.length !== skus.length) throw new Error(`stock at location ${locationId} holds fewer reserved units than the collection`);
  await recordSales(tx, locationId, taken.rows, audit);
}

/**
 * Units sold over the counter (the till): on hand goes down only where the shelf has them free of
 * holds (`on_hand - reserved >= n`, in the WHERE clause, so two tills selling the last unit make
 * one sale). A line that does not fit throws its OutOfStockError / NotStockedHereError and the
 * caller's transaction rolls back with it. Each line is written to the stock movements.
 */
export async function sellFromShelf(tx: Db, locationId: number, lines: HoldLine[], audit: { actorId: number | null; note: string }): Promise<void> {
  const { skus, quantities } = bySku(lines);
  if (skus.length === 0) return;
  await lockRows(tx, locationId, skus);
  // Raw SQL: one set-wise conditional UPDATE from unnest(…) (the invariant in its WHERE).
  const sold = await tx.execute<{ sku_id: number; on_hand: number; n: number }>(sql`
    UPDATE stock s SET on_hand = s.on_hand - w.n
    FROM unnest(${intArray(skus)}::int[], ${intArray(quantities)}::int[]) AS w(sku_id, n)
    WHERE s.location_id = ${locationId} AND s.sku_id = w.sku_id AND s.on_hand - s.reserved >= w.n
    RETURNING s.sku_id, s.on_hand, w.n`);
  if (sold.rows.length !== skus.length) await throwFirstShort(tx, locationId, skus, quantities);
  await recordSales(tx, locationId, sold.rows, audit);
}

/** The audit trail: one 'sale' movement per SKU that left the shelf, in the order they left it. */
async function recordSales(
  tx: Db,
  locationId: number,
  rows: { sku_id: number; on_hand: number; n: number }[],
  audit: { actorId: number | null; note: string },
): Promise<void> {
  if (rows.length === 0) return;
  await tx.insert(stockMovements).values(
    rows.map((r) => ({
      locationId,
      skuId: r.sku_id,
      kind: 'sale' as const,
      onHandDelta: -r.n,
      onHandAfter: r.on_hand,
      actorId: audit.actorId,
      note: audit.note,
    })),
  );
}

async function throwFirstShort(tx: Db, locationId: number, skus: number[], quantities: number[]): Promise<never> {
  // Raw SQL: the first line that does not fit, read from the same unnest(…) the UPDATE used.
  const short = await tx.execute<{ sku_id: number; available: number | null }>(sql`
    SELECT w.sku_id, s.on_hand - s.reserved AS available
    FROM unnest(${intArray(skus)}::int[], ${intArray(quantities)}::int[]) AS w(sku_id, n)
    LEFT JOIN stock s ON s.location_id = ${locationId} AND s.sku_id = w.sku_id
    WHERE s.sku_id IS NULL OR s.on_hand - s.reserved < w.n
    ORDER BY w.sku_id LIMIT 1`);
  const first = short.rows[0];
  if (!first) throw new Error('a stock line was refused but none is short'); // cannot happen under the row locks
  if (first.available === null) throw new NotStockedHereError(first.sku_id);
  throw new OutOfStockError(first.sku_id, Math.max(0, first.available));
}
