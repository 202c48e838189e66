import path from 'node:path';
import { run, tsxArgs } from '../lib/proc';
import { log } from '../lib/report';
import { dropScratchDatabase, emptyScratchDatabase } from '../lib/scratch-db';

/**
 * reservations_per_s and oversold_units on PostgreSQL (PGlite runs one transaction at a time, so
 * contention means nothing there). A fresh database beside BENCH_DATABASE_URL each run, dropped after.
 */
export async function measureReservations(): Promise<void> {
  const name = 'comptoir_bench_reservations';
  const url = await emptyScratchDatabase(name, 'reservations');
  log(`reservations: fresh database ${name}`);
  try {
    // The command modules start with `import 'server-only'`: a child under the react-server condition.
    await run(process.execPath, ['--conditions=react-server', ...tsxArgs(path.join('bench', 'figures', 'reservations-run.ts'))], {
      env: {
        ...process.env,
        DATABASE_URL: url,
        DATABASE_POOL_SIZE: '32',
        // Thousands of placements by the same bench shoppers: the per-account limits are not what is measured.
        RESERVATION_MAX_ACTIVE: '1000000',
        RESERVATION_MAX_UNITS_PER_SKU: '1000000',
      },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
  } finally {
    await dropScratchDatabase(name, 'reservations');
  }
}
