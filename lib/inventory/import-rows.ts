import { sql } from 'drizzle-orm';
import type { Db } from '@/lib/db';
import { intArray } from '@/lib/db/sql';

/*
 * Stock from an import (lib/import): shelf counts and movements per location, set-wise — one
 * statement per step for a whole file, the rows as one int[] per column through unnest.
 *
 * The rule of a staff count (correctCount, commands.ts) holds here too: a count sets on_hand, but
 * never below the units held by open reservations and orders (`reserved`); a movement adds to
 * on_hand and may not take it below them either (the table's CHECK keeps that whoever writes).
 * Such rows are refused by position, and the caller writes nothing of the file.
 *
 * Rows are written in (location, SKU) order, so two imports touching the same rows queue instead
 * of deadlocking; the stock trigger announces each changed row to the live pages, as for any
 * other writer. No 'server-only': the seed (run by tsx outside Next) loads its stock through here.
 */

// Raw SQL throughout: unnest of column arrays, the count rule in set-wise conditions, ON CONFLICT upserts.

export type StockImport = { locationId: number[]; skuId: number[]; quantity: number[]; isCount: boolean[] };

export type StockRefusal = { index: number; mode: 'count' | 'movement'; reserved: number };

function input(rows: StockImport) {
  const flags = `{${rows.isCount.map((c) => (c ? 't' : 'f')).join(',')}}`;
  return sql`SELECT * FROM unnest(${intArray(rows.locationId)}::int[], ${intArray(rows.skuId)}::int[], ${intArray(rows.quantity)}::int[], ${flags}::boolean[])
    WITH ORDINALITY AS i(location_id, sku_id, qty, is_count, ord)`;
}

/**
 * Applies counts and movements. Returns the refused rows (a count below what is held, a movement
 * that would leave less than that) — then nothing was meant to be kept, and the caller rolls back —
 * or how many rows changed a figure.
 */
export async function importStock(db: Db, rows: StockImport): Promise<{ changed: number; refused: StockRefusal[] }> {
  // The rows once into a temporary table (dropped at commit), analysed: the statements below read
  // them three or four times, and the planner then knows it joins 600,000 rows, not unnest's guess
  // of 100 (which would probe stock's index row by row).
  await db.execute(sql`DROP TABLE IF EXISTS pg_temp.import_stock_rows`);
  await db.execute(sql`CREATE TEMPORARY TABLE import_stock_rows ON COMMIT DROP AS ${input(rows)}`);
  await db.execute(sql`ANALYZE import_stock_rows`);
  const rowsIn = sql`SELECT * FROM import_stock_rows`;
  const hasCounts = rows.isCount.some(Boolean);
  const hasMovements = rows.isCount.some((c) => !c);
  const refused = await db.execute<{ ord: number; is_count: boolean; reserved: number }>(sql`
    SELECT i.ord, i.is_count, coalesce(s.reserved, 0) AS reserved
    FROM (${rowsIn}) i LEFT JOIN stock s ON s.location_id = i.location_id AND s.sku_id = i.sku_id
    WHERE CASE WHEN i.is_count THEN coalesce(s.reserved, 0) > i.qty ELSE coalesce(s.on_hand, 0) + i.qty < coalesce(s.reserved, 0) END
    ORDER BY i.ord`);
  if (refused.rows.length > 0) {
    return {
      changed: 0,
      refused: refused.rows.map((r) => ({ index: Number(r.ord) - 1, mode: r.is_count ? 'count' : 'movement', reserved: Number(r.reserved) })),
    };
  }

  const none = { rows: [{ n: 0 }] };
  // A count: the figure, unless units were reserved meanwhile above it (the WHERE, re-checked on
  // the latest row version under its lock); checked again below. Known rows whose figure differs
  // are locked in (location, SKU) order and updated; rows new to the location are inserted — a
  // plain INSERT, not an upsert: ON CONFLICT costs a second index probe and a confirmation record
  // per row (about 1 s of a 600,000-row first load). A row another writer created meanwhile makes
  // it fail with a unique violation, and runImport runs the file again (it then finds that row).
  const counted = !hasCounts
    ? none
    : await db.execute<{ n: number }>(sql`
    WITH locked AS (
      SELECT s.location_id, s.sku_id, i.qty FROM stock s JOIN (${rowsIn}) i ON s.location_id = i.location_id AND s.sku_id = i.sku_id
      WHERE i.is_count AND s.on_hand <> i.qty ORDER BY s.location_id, s.sku_id FOR UPDATE OF s),
    updated AS (
      UPDATE stock s SET on_hand = l.qty, updated_at = now() FROM locked l
      WHERE s.location_id = l.location_id AND s.sku_id = l.sku_id AND s.on_hand <> l.qty AND s.reserved <= l.qty
      RETURNING 1),
    created AS (
      INSERT INTO stock (location_id, sku_id, on_hand, reserved)
      SELECT i.location_id, i.sku_id, i.qty, 0 FROM (${rowsIn}) i
      WHERE i.is_count AND NOT EXISTS (SELECT 1 FROM stock s WHERE s.location_id = i.location_id AND s.sku_id = i.sku_id)
      ORDER BY i.location_id, i.sku_id
      RETURNING 1)
    SELECT (SELECT count(*) FROM updated)::int + (SELECT count(*) FROM created)::int AS n`);
  // A movement: additive in SQL, so concurrent deliveries and sales each keep their own units.
  // Known rows are locked in (location, SKU) order and updated (an INSERT would check the CHECK
  // on the proposed row, negative for a unit leaving, before seeing the conflict); rows new to the
  // location can only be arrivals (the check above refused the others).
  const moved = !hasMovements
    ? none
    : await db.execute<{ n: number }>(sql`
    WITH locked AS (
      SELECT s.location_id, s.sku_id, i.qty FROM stock s JOIN (${rowsIn}) i ON s.location_id = i.location_id AND s.sku_id = i.sku_id
      WHERE NOT i.is_count AND i.qty <> 0 ORDER BY s.location_id, s.sku_id FOR UPDATE OF s),
    updated AS (
      UPDATE stock s SET on_hand = s.on_hand + l.qty, updated_at = now() FROM locked l
      WHERE s.location_id = l.location_id AND s.sku_id = l.sku_id
      RETURNING 1),
    created AS (
      INSERT INTO stock (location_id, sku_id, on_hand, reserved)
      SELECT i.location_id, i.sku_id, i.qty, 0 FROM (${rowsIn}) i
      WHERE NOT i.is_count AND i.qty > 0 AND NOT EXISTS (SELECT 1 FROM stock s WHERE s.location_id = i.location_id AND s.sku_id = i.sku_id)
      ORDER BY i.location_id, i.sku_id
      ON CONFLICT (location_id, sku_id) DO UPDATE SET on_hand = stock.on_hand + excluded.on_hand, updated_at = now()
      RETURNING 1)
    SELECT (SELECT count(*) FROM updated)::int + (SELECT count(*) FROM created)::int AS n`);

  // A count skipped because a reservation came in between: refused as it would have been before.
  // Not looked for when every count row was written (a first load: each row is new).
  const countRows = rows.isCount.reduce((n, c) => (c ? n + 1 : n), 0);
  const skipped =
    !hasCounts || Number(counted.rows[0]?.n ?? 0) === countRows
      ? { rows: [] }
      : await db.execute<{ ord: number; reserved: number }>(sql`
    SELECT i.ord, s.reserved FROM (${rowsIn}) i JOIN stock s ON s.location_id = i.location_id AND s.sku_id = i.sku_id
    WHERE i.is_count AND s.on_hand <> i.qty ORDER BY i.ord`);
  if (skipped.rows.length > 0) {
    return { changed: 0, refused: skipped.rows.map((r) => ({ index: Number(r.ord) - 1, mode: 'count', reserved: Number(r.reserved) })) };
  }
  return { changed: Number(counted.rows[0]?.n ?? 0) + Number(moved.rows[0]?.n ?? 0), refused: [] };
}
