import path from 'node:path';
import { run, tsxArgs } from '../lib/proc';
import { prepareNearestStores } from './nearest-stores';

/**
 * search_recall_at_10 and search_p95_ms: the relevance set of lib/catalog/search-relevance.ts run
 * through the shoppers' search, on PostgreSQL at SEED_SCALE=large (the database the nearest-stores
 * figure seeds; `prepared` is its preparation, started early by bench/run.ts).
 */
export async function measureSearch(opts: { passes?: number; prepared?: Promise<string> } = {}): Promise<void> {
  const url = await (opts.prepared ?? prepareNearestStores());
  // lib/catalog/search.ts starts with `import 'server-only'`: a child process under react-server.
  await run(process.execPath, ['--conditions=react-server', ...tsxArgs(path.join('bench', 'figures', 'search-query.ts'))], {
    env: { ...process.env, DATABASE_URL: url, SEED_SCALE: 'large', BENCH_PASSES: String(opts.passes ?? 5) },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
}
