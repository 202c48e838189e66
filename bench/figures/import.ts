import path from 'node:path';
import pg from 'pg';
import { run, tsxArgs } from '../lib/proc';
import { log } from '../lib/report';

/**
 * import_rows_per_s on PostgreSQL: 10,000 SKUs × 60 stores of stock (600,000 rows) through
 * runImport, the way a retailer's nightly stock file comes in. A fresh database beside
 * BENCH_DATABASE_URL each run (comptoir_bench_import), dropped after; bench/figures/import-run.ts
 * does the work in a child with DATABASE_URL pointing at it.
 */
export async function measureImport(): Promise<void> {
  const base = process.env.BENCH_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/comptoir_bench';
  const host = new URL(base).hostname;
  if (!['localhost', '127.0.0.1', '::1', '[::1]'].includes(host)) throw new Error(`BENCH_DATABASE_URL must point at this machine (got ${host})`);
  const name = 'comptoir_bench_import';
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
  log(`import: fresh database ${name}`);
  try {
    await run(process.execPath, tsxArgs(path.join('bench', 'figures', 'import-run.ts')), {
      env: { ...process.env, DATABASE_URL: url.toString(), DATABASE_TIMEOUT_MS: '600000' },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
  } finally {
    await sqlAdmin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  }
}
