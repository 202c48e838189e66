/**
 * Child of figures/search.ts (run with --conditions=react-server, DATABASE_URL set): runs the
 * relevance set through searchProducts as the search page calls it, a few passes, one query at a
 * time, and prints the recall at 10 and the 95th percentile of a search's time (its round trips
 * included: the analysis of the words, the search, and the partial fallback when it runs).
 */
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import { getConnection, getDb } from '@/lib/db/client';
import { searchProducts } from '@/lib/catalog/search';
import { meanRecall, measureRecall, RELEVANCE_CASES, type CatalogueProduct } from '@/lib/catalog/search-relevance';
import { emit, log } from '../lib/report';
import { percentile, round } from '../lib/stats';

async function main() {
  const passes = Number(process.env.BENCH_PASSES || 5);
  const db = await getDb();
  const products = (
    await db.execute<CatalogueProduct>(sql`
      SELECT p.id, p.slug, p.name_fr AS "nameFr", p.brand,
             (SELECT k.ean13 FROM skus k WHERE k.product_id = p.id ORDER BY k.position, k.id LIMIT 1) AS ean13
      FROM products p WHERE p.withdrawn_at IS NULL`)
  ).rows;
  const times: number[] = [];
  const timedSearch = async (q: string) => {
    const started = performance.now();
    const found = await searchProducts(q, 'fr');
    times.push(performance.now() - started);
    return found.map((p) => p.slug);
  };
  await measureRecall(products, timedSearch); // warm-up: connections, plans, buffers
  times.length = 0;
  let results = await measureRecall(products, timedSearch);
  for (let i = 1; i < passes; i++) results = await measureRecall(products, timedSearch);
  const recall = meanRecall(results);
  for (const r of results.filter((r) => r.recall < 1)) log(`search: "${r.q}" recall ${r.recall.toFixed(2)} (${r.note})`);
  log(
    `search: ${RELEVANCE_CASES.length} queries × ${passes} over ${products.length} products: p50 ${round(percentile(times, 50), 2)} ms, ` +
      `p95 ${round(percentile(times, 95), 2)} ms, max ${round(Math.max(...times), 2)} ms (48 results, one query at a time)`,
  );
  emit({
    figure: 'search_recall_at_10',
    value: round(recall, 3),
    unit: 'ratio',
    goal: '≥ 0.95',
    met: recall >= 0.95,
    extra: { queries: RELEVANCE_CASES.length, products: products.length },
  });
  const p95 = percentile(times, 95);
  emit({
    figure: 'search_p95_ms',
    value: round(p95, 2),
    unit: 'ms',
    goal: '≤ 50 ms',
    met: p95 <= 50,
    extra: { p50_ms: round(percentile(times, 50), 2), searches: times.length },
  });
  await (await getConnection()).close();
}

main().catch((err) => {
  console.error(err instanceof Error ? (err.stack ?? err.message) : err);
  process.exit(1);
});
