import path from 'node:path';
import pg from 'pg';
import { log, timed } from '../lib/report';
import { run, tsxArgs } from '../lib/proc';

const LARGE = { stores: 500, skus: 10_000 };

function adminUrl(url: string): string {
  const u = new URL(url);
  u.pathname = '/postgres';
  return u.toString();
}

/** The bench database is wiped when it is not seeded at scale, so it must be on this machine. */
function assertLocal(url: string): void {
  const host = new URL(url).hostname;
  if (!['localhost', '127.0.0.1', '::1', '[::1]'].includes(host)) {
    throw new Error(`BENCH_DATABASE_URL must point at this machine (got ${host}): the bench may wipe it`);
  }
}

async function ensureDatabase(url: string): Promise<void> {
  const name = decodeURIComponent(new URL(url).pathname.slice(1));
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`unexpected database name ${name}`);
  const admin = new pg.Client({ connectionString: adminUrl(url) });
  await admin.connect();
  try {
    const found = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount === 0) {
      await admin.query(`CREATE DATABASE ${name}`);
      log(`nearest: created database ${name}`);
    }
  } finally {
    await admin.end();
  }
}

async function seededAtScale(url: string): Promise<{ stores: number; skus: number } | null> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const r = await client.query<{ stores: number; skus: number }>(
      'SELECT (SELECT count(*)::int FROM stores) AS stores, (SELECT count(*)::int FROM skus) AS skus',
    );
    const counts = r.rows[0] ?? { stores: 0, skus: 0 };
    return counts.stores >= LARGE.stores && counts.skus >= LARGE.skus ? counts : null;
  } catch (err) {
    if ((err as { code?: string }).code === '42P01') return null; // no tables yet
    throw err;
  } finally {
    await client.end();
  }
}

async function analyze(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query('ANALYZE');
  await client.end();
}

/**
 * nearest_stores_query_p50_ms on PostgreSQL at SEED_SCALE=large. The seed is slow, so it is done
 * once: later runs find the counts and only apply new migrations. BENCH_RESEED=1 forces a reseed.
 */
export async function prepareNearestStores(): Promise<string> {
  const url = process.env.BENCH_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/comptoir_bench';
  assertLocal(url);
  await ensureDatabase(url);
  const env = { ...process.env, DATABASE_URL: url, SEED_SCALE: 'large' };
  const counts = process.env.BENCH_RESEED === '1' ? null : await seededAtScale(url);
  if (counts) {
    log(`nearest: ${url} already seeded at large scale (${counts.stores} stores, ${counts.skus} SKUs)`);
    await run(process.execPath, tsxArgs('lib/db/setup.ts'), { env }); // new migrations only
  } else {
    const started = Date.now();
    await timed('nearest: large seed (SEED_SCALE=large, PostgreSQL)', () => run(process.execPath, tsxArgs('lib/db/setup.ts', '--reset'), { env }));
    log(`nearest: the large seed took ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
  // Fresh bulk loads have no planner statistics yet; a production database would.
  await analyze(url);
  return url;
}

/**
 * The figure itself; `prepared` is prepareNearestStores() (bench/run.ts starts it early, while the
 * store builds, so the seed does not add to the run's length).
 */
export async function measureNearestStores(opts: { runs?: number; prepared?: Promise<string> } = {}): Promise<void> {
  const url = await (opts.prepared ?? prepareNearestStores());
  const env = { ...process.env, DATABASE_URL: url, SEED_SCALE: 'large' };
  // The query module starts with `import 'server-only'`, which only resolves under the
  // react-server condition, hence a child process (which also gets its own process-wide pool).
  await run(process.execPath, ['--conditions=react-server', ...tsxArgs(path.join('bench', 'figures', 'nearest-stores-query.ts'))], {
    env: { ...env, BENCH_RUNS: String(opts.runs ?? 500) },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
}
