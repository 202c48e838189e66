/**
 * Child of figures/nearest-stores.ts (run with --conditions=react-server, DATABASE_URL set): times
 * the product page's availability query, "this SKU in the 5 stores nearest to me", as the app
 * calls it, for random SKUs and random points in mainland France.
 */
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import { getConnection, getDb } from '@/lib/db/client';
import { listNearbyAvailability } from '@/lib/inventory/queries';
import { emit, log } from '../lib/report';
import { percentile, prng, round } from '../lib/stats';

const FRANCE = { south: 42.4, north: 51.0, west: -4.7, east: 8.2 };

async function main() {
  const runs = Number(process.env.BENCH_RUNS || 500);
  const random = prng(20_260_521);
  const db = await getDb();
  const skuIds = (await db.execute<{ id: number }>(sql`SELECT id FROM skus ORDER BY id`)).rows.map((r) => r.id);
  if (skuIds.length === 0) throw new Error('no SKUs in the bench database');

  const one = async () => {
    const skuId = skuIds[Math.floor(random() * skuIds.length)]!;
    const lat = FRANCE.south + random() * (FRANCE.north - FRANCE.south);
    const lng = FRANCE.west + random() * (FRANCE.east - FRANCE.west);
    const started = performance.now();
    const rows = await listNearbyAvailability({ skuId, lat, lng, limit: 5 });
    const ms = performance.now() - started;
    if (rows.length !== 5) throw new Error(`expected 5 stores, got ${rows.length}`);
    return ms;
  };

  for (let i = 0; i < 50; i++) await one(); // warm-up: connection, plan cache, buffers
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push(await one());
  log(
    `nearest: ${runs} queries over ${skuIds.length} SKUs: p50 ${round(percentile(times, 50), 3)} ms, ` +
      `p90 ${round(percentile(times, 90), 3)} ms, p99 ${round(percentile(times, 99), 3)} ms (round trip, one connection at a time)`,
  );
  emit({ figure: 'nearest_stores_query_p50_ms', value: round(percentile(times, 50), 3), unit: 'ms', goal: '≤ 5 ms' });
  await (await getConnection()).close();
}

main().catch((err) => {
  console.error(err instanceof Error ? (err.stack ?? err.message) : err);
  process.exit(1);
});
