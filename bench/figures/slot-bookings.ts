import path from 'node:path';
import { run, tsxArgs } from '../lib/proc';
import { log } from '../lib/report';
import { dropScratchDatabase, emptyScratchDatabase } from '../lib/scratch-db';

/**
 * slot_bookings_per_s and overbooked_slots on PostgreSQL (PGlite runs one transaction at a time,
 * so contention means nothing there). A fresh database beside BENCH_DATABASE_URL each run, dropped after.
 */
export async function measureSlotBookings(): Promise<void> {
  const name = 'comptoir_bench_slots';
  const url = await emptyScratchDatabase(name, 'slot bookings');
  log(`slot bookings: fresh database ${name}`);
  try {
    // The command modules start with `import 'server-only'`: a child under the react-server condition.
    await run(process.execPath, ['--conditions=react-server', ...tsxArgs(path.join('bench', 'figures', 'slot-bookings-run.ts'))], {
      env: { ...process.env, DATABASE_URL: url, DATABASE_POOL_SIZE: '32' },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
  } finally {
    await dropScratchDatabase(name, 'slot bookings');
  }
}
