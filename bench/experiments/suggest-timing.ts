/**
 * How long the header's suggestions take (lib/catalog/suggest.ts), and the plans of their
 * statements: run with the react-server condition (lib/catalog starts with `import 'server-only'`)
 * against a PostgreSQL database you seeded (SEED_SCALE=large for the bench's size). Each prefix is
 * asked as a shopper types it, one letter more each time from two letters, PASSES times after a
 * warm-up; then the statements of one suggestion are shown with EXPLAIN (ANALYZE, BUFFERS).
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/<db> node --conditions=react-server --import tsx bench/experiments/suggest-timing.ts [explain-query]
 */
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { getConnection } from '@/lib/db/client';
import { suggest } from '@/lib/catalog/suggest';
import { percentile, round } from '../lib/stats';

const WORDS = ['poêle', 'chaussures', 'perceuse', 'fry', 'kettle', 'skillet', 'cuisine', 'tente', 'sweat', 'lampe', 'perseuse', 'casque audio', 'jean'];
const PASSES = Number(process.env.PASSES || 5);

/** Every statement the pool runs, with its values, while `capture` is on. */
const seen: { text: string; values: unknown[] }[] = [];
let capture = false;
const query = pg.Pool.prototype.query as (...args: unknown[]) => unknown;
pg.Pool.prototype.query = function (this: pg.Pool, ...args: unknown[]) {
  const [first, second] = args as [string | { text: string; values?: unknown[] }, unknown[] | undefined];
  if (capture) seen.push(typeof first === 'string' ? { text: first, values: second ?? [] } : { text: first.text, values: first.values ?? second ?? [] });
  return query.apply(this, args);
} as typeof pg.Pool.prototype.query;

async function main() {
  const prefixes = WORDS.flatMap((w) => Array.from({ length: w.length - 1 }, (_, i) => w.slice(0, i + 2)));
  for (const q of prefixes) await suggest(q, 'fr'); // warm-up: connections, plans, buffers
  const times: number[] = [];
  for (let pass = 0; pass < PASSES; pass++) {
    for (const q of prefixes) {
      const started = performance.now();
      await suggest(q, pass % 2 ? 'en' : 'fr');
      times.push(performance.now() - started);
    }
  }
  console.log(
    `suggest: ${prefixes.length} prefixes × ${PASSES}: p50 ${round(percentile(times, 50), 2)} ms, p95 ${round(percentile(times, 95), 2)} ms, ` +
      `max ${round(Math.max(...times), 2)} ms (one at a time, every round trip included)`,
  );

  const explained = process.argv[2] ?? 'poe';
  capture = true;
  await suggest(explained, 'fr');
  capture = false;
  const { pool } = (await getConnection()) as { pool: pg.Pool };
  const client = await pool.connect();
  // SEQSCAN=off: the same plans with the GIN index forced, to compare with the planner's choice.
  if (process.env.SEQSCAN === 'off') await client.query('SET enable_seqscan = off');
  for (const s of seen) {
    const plan = await client.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) ${s.text}`, s.values);
    console.log(`\n--- ${s.text.replace(/\s+/g, ' ').slice(0, 100)}…`);
    console.log(plan.rows.map((r) => r['QUERY PLAN']).join('\n'));
  }
  client.release();
  await (await getConnection()).close();
}

main().catch((err) => {
  console.error(err instanceof Error ? (err.stack ?? err.message) : err);
  process.exit(1);
});
