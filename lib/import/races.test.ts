import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { onPostgres, useTestDatabase } from '@/test/support/db';
import { insertCategory, insertProduct, insertStore, setStock } from '@/test/support/fixtures';
import { runImport } from './run';

/*
 * Races on a real multi-connection PostgreSQL (PGlite runs one transaction at a time): the same
 * movement file uploaded twice at once applies once; a count racing a reservation never leaves
 * fewer units on the shelf than are held.
 */
const d = onPostgres ? describe : describe.skip;

let conn: Awaited<ReturnType<typeof useTestDatabase>>;
let skuIds: number[];
let eans: string[];
let storeId: number;

beforeAll(async () => {
  conn = await useTestDatabase();
  if (conn.kind === 'postgres') conn.pool.on('error', () => {});
  const cat = await insertCategory(conn.db, 'c');
  skuIds = (await insertProduct(conn.db, { slug: 'p', categoryId: cat, nameFr: 'P', nameEn: 'P', skus: Array.from({ length: 20 }, () => ({})) })).skuIds;
  eans = (await conn.db.execute<{ ean13: string }>(sql`SELECT ean13 FROM skus ORDER BY id`)).rows.map((r) => r.ean13);
  storeId = await insertStore(conn.db, { slug: 'lyon', lat: 45.7, lng: 4.8 });
});
afterAll(async () => conn?.drop());

const onHand = async () => (await conn.db.execute<{ n: number }>(sql`SELECT coalesce(sum(on_hand), 0)::int AS n FROM stock`)).rows[0]!.n;

d('imports racing (PostgreSQL)', () => {
  it('the same movement file, eight uploads at once: applied once, the others unchanged', async () => {
    const body = ['store,ean,quantity,mode', ...eans.map((e) => `lyon,${e},5,movement`)].join('\n');
    const reports = await Promise.all(
      Array.from({ length: 8 }, () => runImport({ kind: 'stock', format: 'csv', body, actor: { type: 'seed' }, locale: 'en' })),
    );
    expect(reports.map((r) => r.status).sort()).toEqual(['applied', ...Array(7).fill('unchanged')]);
    expect(await onHand()).toBe(5 * eans.length);
  });

  it('two different movement files at once both apply, in full', async () => {
    const file = (n: number) => ['store,ean,quantity,mode', ...eans.map((e) => `lyon,${e},${n},movement`)].join('\n');
    const before = await onHand();
    const reports = await Promise.all([1, 2].map((n) => runImport({ kind: 'stock', format: 'csv', body: file(n), actor: { type: 'seed' }, locale: 'en' })));
    expect(reports.map((r) => r.status)).toEqual(['applied', 'applied']);
    expect(await onHand()).toBe(before + 3 * eans.length);
  });

  it('a count racing reservations: never below what is held, refused rather than half-applied', async () => {
    await setStock(conn.db, storeId, skuIds[0]!, 10, 0);
    const count = runImport({
      kind: 'stock',
      format: 'json',
      body: [{ store: 'lyon', ean: eans[0], quantity: 2, mode: 'count' }],
      actor: { type: 'seed' },
      locale: 'en',
    });
    const reserve = conn.db.execute(sql`UPDATE stock SET reserved = 6 WHERE location_id = ${storeId} AND sku_id = ${skuIds[0]!} AND on_hand >= 6`);
    const [report] = await Promise.all([count, reserve]);
    const [row] = (
      await conn.db.execute<{ on_hand: number; reserved: number }>(
        sql`SELECT on_hand, reserved FROM stock WHERE location_id = ${storeId} AND sku_id = ${skuIds[0]!}`,
      )
    ).rows;
    expect(row!.reserved).toBeLessThanOrEqual(row!.on_hand);
    if (report.status === 'applied') expect(row).toEqual({ on_hand: 2, reserved: 0 });
    else expect(report.refusals[0]).toMatchObject({ line: 1, column: 'quantity', code: 'reserved_exceeds_count' });
  });

  it('a count file and another writer creating the same stock row: the file runs again and counts it, no error', async () => {
    const store2 = await insertStore(conn.db, { slug: 'lille', lat: 50.6, lng: 3.1 });
    if (conn.kind !== 'postgres') return;
    // Another writer (a delivery received at the till) creates Lille's row for the first SKU and holds it uncommitted.
    const other = await conn.pool.connect();
    try {
      await other.query('BEGIN');
      await other.query('INSERT INTO stock (location_id, sku_id, on_hand, reserved) VALUES ($1, $2, 3, 0)', [store2, skuIds[0]]);
      const body = ['store,ean,quantity,mode', ...eans.slice(0, 5).map((e) => `lille,${e},7,count`)].join('\n');
      const count = runImport({ kind: 'stock', format: 'csv', body, actor: { type: 'seed' }, locale: 'en' });
      // The import's INSERT waits on the uncommitted row; then the other writer commits.
      for (let i = 0; i < 200; i++) {
        const waiting = await conn.db.execute<{ n: number }>(
          sql`SELECT count(*)::int AS n FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database()`,
        );
        if (waiting.rows[0]!.n > 0) break;
        await new Promise((r) => setTimeout(r, 25));
      }
      await other.query('COMMIT');
      const report = await count;
      expect(report).toMatchObject({ status: 'applied', changed: 5 });
      const rows = await conn.db.execute<{ on_hand: number }>(sql`SELECT on_hand FROM stock WHERE location_id = ${store2} ORDER BY sku_id`);
      expect(rows.rows.map((r) => r.on_hand)).toEqual([7, 7, 7, 7, 7]);
    } finally {
      other.release();
    }
  });
});
