import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seed } from '@/lib/db/seed';
import { useTestDatabase } from '@/test/support/db';
import { searchProducts } from './search';
import { meanRecall, measureRecall, RELEVANCE_CASES, type CatalogueProduct } from './search-relevance';

let conn: Awaited<ReturnType<typeof useTestDatabase>>;
let products: CatalogueProduct[];

beforeAll(async () => {
  conn = await useTestDatabase();
  await seed(conn.db, { scale: 'demo', today: '2026-03-02' });
  products = (
    await conn.db.execute<CatalogueProduct>(sql`
      SELECT p.id, p.slug, p.name_fr AS "nameFr", p.brand,
             (SELECT k.ean13 FROM skus k WHERE k.product_id = p.id ORDER BY k.position, k.id LIMIT 1) AS ean13
      FROM products p WHERE p.withdrawn_at IS NULL`)
  ).rows;
}, 300_000);
afterAll(async () => conn?.drop());

describe('the relevance set (lib/catalog/search-relevance.ts) on the demo catalogue', () => {
  it('has at least 60 queries', () => {
    expect(RELEVANCE_CASES.length).toBeGreaterThanOrEqual(60);
  });

  it('finds what a French shopper means: recall at 10 of 0.95 or more', async () => {
    const results = await measureRecall(products, async (q) => (await searchProducts(q, 'fr', 10)).map((p) => p.slug));
    const missed = results.filter((r) => r.recall < 1).map((r) => `"${r.q}" ${r.recall.toFixed(2)}: ${r.note}`);
    const recall = meanRecall(results);
    expect(recall, `recall at 10 ${recall.toFixed(3)}; below 1:\n${missed.join('\n')}`).toBeGreaterThanOrEqual(0.95);
  }, 120_000);
});
