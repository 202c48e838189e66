import { sql } from 'drizzle-orm';
import { intArray } from '../sql';
import type { Rng } from './prng';
import type { StoreFormat } from './store-data';
import { WAREHOUSE_CODE, type SeededStore } from './stores';
import { importWithin } from '../../import/run';
import type { SeedTx } from './types';

// Raw SQL throughout: the units held for customers written set-wise (unnest) after the import, and the
// large (benchmark) scale's millions of rows computed in one INSERT … SELECT rather than sent from Node.

/** Share of the catalogue each format carries: hypers nearly all, city shops and outlets a subset. */
function carriedShare(format: StoreFormat, rng: Rng): number {
  if (format === 'hyper') return 0.95 + rng.next() * 0.05;
  if (format === 'city') return 0.6 + rng.next() * 0.2;
  return 0.5 + rng.next() * 0.15;
}

/** ~15 % out of stock, ~15 % low (1–3), the rest 4–40. */
function shelfQuantity(rng: Rng): number {
  const r = rng.next();
  if (r < 0.15) return 0;
  if (r < 0.3) return rng.int(1, 3);
  return rng.int(4, 40);
}

// The outbox triggers (0036) would write one live-stock announcement per seeded row; a seed is not news.
export async function withoutStockNotify<T>(tx: SeedTx, work: () => Promise<T>): Promise<T> {
  await tx.execute(sql`ALTER TABLE stock DISABLE TRIGGER stock_notify_insert`);
  await tx.execute(sql`ALTER TABLE stock DISABLE TRIGGER stock_notify_update`);
  try {
    return await work();
  } finally {
    await tx.execute(sql`ALTER TABLE stock ENABLE TRIGGER stock_notify_insert`);
    await tx.execute(sql`ALTER TABLE stock ENABLE TRIGGER stock_notify_update`);
  }
}

interface Columns {
  location: number[];
  sku: number[];
  onHand: number[];
  reserved: number[];
}

/**
 * Demo stock, drawn from the PRNG store by store, loaded through the import as shelf counts (the
 * rows a till system's file would hold: store slug or warehouse code, EAN, count). The units held
 * for customers are no import's business: the reservations and orders seeded next are what holds
 * them, so the seed writes `reserved` itself, set-wise. Returns the number of rows.
 */
export async function insertDemoStock(tx: SeedTx, rng: Rng, shops: SeededStore[], warehouseId: number, skuIds: number[]): Promise<number> {
  return withoutStockNotify(tx, async () => {
    const c: Columns = { location: [], sku: [], onHand: [], reserved: [] };
    const push = (location: number, sku: number, onHand: number) => {
      c.location.push(location);
      c.sku.push(sku);
      c.onHand.push(onHand);
      c.reserved.push(onHand >= 2 && rng.chance(0.04) ? rng.int(1, 2) : 0);
    };
    for (const sku of skuIds) push(warehouseId, sku, rng.chance(0.05) ? 0 : rng.int(20, 300));
    for (const shop of shops) {
      const share = carriedShare(shop.format, rng);
      for (const sku of skuIds) if (rng.next() < share) push(shop.id, sku, shelfQuantity(rng));
    }
    const names = new Map<number, string>([[warehouseId, WAREHOUSE_CODE], ...shops.map((s) => [s.id, s.slug] as [number, string])]);
    const eans = new Map(
      (await tx.execute<{ id: number; ean13: string }>(sql`SELECT id, ean13 FROM skus WHERE id = ANY (${intArray(skuIds)}::int[])`)).rows.map((r) => [
        Number(r.id),
        r.ean13,
      ]),
    );
    const rows = c.location.map((location, i) => ({ store: names.get(location)!, ean: eans.get(c.sku[i]!)!, quantity: c.onHand[i]!, mode: 'count' }));
    await importWithin(tx, { kind: 'stock', format: 'json', body: rows, actor: { type: 'seed' }, locale: 'fr', fileName: 'seed-stock.json' });
    const held = c.reserved.flatMap((r, i) => (r > 0 ? [i] : []));
    await tx.execute(sql`
      UPDATE stock s SET reserved = h.reserved
      FROM unnest(${intArray(held.map((i) => c.location[i]!))}::int[], ${intArray(held.map((i) => c.sku[i]!))}::int[],
                  ${intArray(held.map((i) => c.reserved[i]!))}::int[]) AS h(location_id, sku_id, reserved)
      WHERE s.location_id = h.location_id AND s.sku_id = h.sku_id`);
    return rows.length;
  });
}

/**
 * Builds stock's keys and indexes after a bulk load instead of row by row: one sort per index and
 * one join per foreign key, about five times faster for millions of rows. The definitions are read
 * back from the catalogue, so they come back exactly as the migrations made them; all of it runs in
 * the seed's transaction, so a failure leaves the table as it was.
 */
async function withStockKeysDeferred<T>(tx: SeedTx, work: () => Promise<T>): Promise<T> {
  const referenced = await tx.execute(sql`SELECT 1 FROM pg_constraint WHERE confrelid = 'stock'::regclass`);
  if (referenced.rows.length > 0) return work(); // another table points at stock's key: leave it be
  const constraints = (
    await tx.execute<{ name: string; def: string }>(sql`
      SELECT conname AS name, pg_get_constraintdef(oid) AS def FROM pg_constraint
      WHERE conrelid = 'stock'::regclass AND contype IN ('p', 'u', 'f') ORDER BY contype DESC, conname`)
  ).rows;
  const indexes = (
    await tx.execute<{ name: string; def: string }>(sql`
      SELECT i.relname AS name, pg_get_indexdef(i.oid) AS def FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid
      WHERE x.indrelid = 'stock'::regclass
        AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = x.indexrelid)`)
  ).rows;
  for (const c of [...constraints].reverse()) await tx.execute(sql.raw(`ALTER TABLE stock DROP CONSTRAINT "${c.name}"`));
  for (const i of indexes) await tx.execute(sql.raw(`DROP INDEX "${i.name}"`));
  const result = await work();
  for (const i of indexes) await tx.execute(sql.raw(i.def));
  for (const c of constraints) await tx.execute(sql.raw(`ALTER TABLE stock ADD CONSTRAINT "${c.name}" ${c.def}`));
  return result;
}

/**
 * Benchmark stock: every location holds every SKU, computed in one INSERT … SELECT from a hash of
 * (location, SKU), so millions of rows never travel from Node. Same shape as the demo: ~15 % out,
 * ~15 % low, a few reserved; the warehouse holds more.
 */
export async function insertLargeStock(tx: SeedTx): Promise<number> {
  return withoutStockNotify(tx, () => withStockKeysDeferred(tx, () => insertHashedStock(tx)));
}

async function insertHashedStock(tx: SeedTx): Promise<number> {
  await tx.execute(sql`
    INSERT INTO stock (location_id, sku_id, on_hand, reserved)
    SELECT l.id, s.id, q.on_hand,
           CASE WHEN q.on_hand >= 2 AND (h.v / 10000000) % 25 = 0 THEN 1 + (h.v / 100000) % 2 ELSE 0 END
    FROM locations l
    CROSS JOIN skus s
    CROSS JOIN LATERAL (SELECT hashint4(l.id * 100003 + s.id)::bigint + 2147483648 AS v) h
    CROSS JOIN LATERAL (
      SELECT CASE
        WHEN l.kind = 'warehouse' THEN CASE WHEN h.v % 100 < 5 THEN 0 ELSE 20 + (h.v / 100) % 281 END
        WHEN h.v % 100 < 15 THEN 0
        WHEN h.v % 100 < 30 THEN 1 + (h.v / 100) % 3
        ELSE 4 + (h.v / 100) % 37
      END::int AS on_hand
    ) q`);
  const result = await tx.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM stock`);
  return result.rows[0]?.n ?? 0;
}
