import path from 'node:path';
import pg from 'pg';
import { run, tsxArgs } from '../lib/proc';
import { log } from '../lib/report';

/**
 * slot_bookings_per_s and overbooked_slots on PostgreSQL (PGlite runs one transaction at a time,
 * so contention means nothing there). A fresh database beside BENCH_DATABASE_URL each run, dropped after.
 */
export async function measureSlotBookings(): Promise<void> {
  const base = process.env.BENCH_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/comptoir_bench';
  const host = new URL(base).hostname;
  if (!['localhost', '127.0.0.1', '::1', '[::1]'].includes(host)) throw new Error(`BENCH_DATABASE_URL must point at this machine (got ${host})`);
  const name = 'comptoir_bench_slots';
  const admin = new URL(base);
  admin.pathname = '/postgres';
  const url = new URL(base);
  url.pathname = `/${name}`;
  const sqlAdmin = async (statement: string) => {
    const c = new pg.Client({ connectionString: admin.toString() });
    await c.connect();
    try {
      await c.query(statement);
    } finally {
      await c.end();
    }
  };
  await sqlAdmin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await sqlAdmin(`CREATE DATABASE ${name}`);
  log(`slot bookings: fresh database ${name}`);
  try {
    // The command modules start with `import 'server-only'`: a child under the react-server condition.
    await run(process.execPath, ['--conditions=react-server', ...tsxArgs(path.join('bench', 'figures', 'slot-bookings-run.ts'))], {
      env: { ...process.env, DATABASE_URL: url.toString(), DATABASE_POOL_SIZE: '32' },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
  } finally {
    await sqlAdmin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  }
}
