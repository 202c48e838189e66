import path from 'node:path';
import { run, tsxArgs } from '../lib/proc';
import { log } from '../lib/report';
import { dropScratchDatabase, emptyScratchDatabase } from '../lib/scratch-db';

/**
 * import_rows_per_s on PostgreSQL: 10,000 SKUs × 60 stores of stock (600,000 rows) through
 * runImport, the way a retailer's nightly stock file comes in. A fresh database beside
 * BENCH_DATABASE_URL each run (comptoir_bench_import), dropped after; bench/figures/import-run.ts
 * does the work in a child with DATABASE_URL pointing at it.
 */
export async function measureImport(): Promise<void> {
  const name = 'comptoir_bench_import';
  const url = await emptyScratchDatabase(name, 'import');
  log(`import: fresh database ${name}`);
  try {
    await run(process.execPath, tsxArgs(path.join('bench', 'figures', 'import-run.ts')), {
      env: { ...process.env, DATABASE_URL: url, DATABASE_TIMEOUT_MS: '600000' },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
  } finally {
    await dropScratchDatabase(name, 'import');
  }
}
