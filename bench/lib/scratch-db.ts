import pg from 'pg';
import { run, tsxArgs } from './proc';
import { timed } from './report';

/** Where the bench makes its databases: this machine only, since it drops and creates them. */
function benchBase(what: string): string {
  const base = process.env.BENCH_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/comptoir_bench';
  if (!['localhost', '127.0.0.1', '::1', '[::1]'].includes(new URL(base).hostname)) {
    throw new Error(`BENCH_DATABASE_URL must point at this machine: the ${what} bench makes and drops a database beside it`);
  }
  return base;
}

async function admin(base: string, statement: string): Promise<void> {
  const url = new URL(base);
  url.pathname = '/postgres';
  const c = new pg.Client({ connectionString: url.toString() });
  await c.connect();
  try {
    await c.query(statement);
  } finally {
    await c.end();
  }
}

/** A fresh, empty database `name` beside BENCH_DATABASE_URL; its URL. */
export async function emptyScratchDatabase(name: string, what: string): Promise<string> {
  const base = benchBase(what);
  const dbUrl = new URL(base);
  dbUrl.pathname = `/${name}`;
  await admin(base, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin(base, `CREATE DATABASE ${name}`);
  return dbUrl.toString();
}

/** A fresh database `name` beside BENCH_DATABASE_URL, migrated and given the demo seed; its URL. */
export async function seededScratchDatabase(name: string, what: string): Promise<string> {
  const url = await emptyScratchDatabase(name, what);
  await timed(`${what}: demo seed into ${name}`, () =>
    run(process.execPath, tsxArgs('lib/db/setup.ts', '--reset'), { env: { ...process.env, DATABASE_URL: url, SEED_SCALE: 'demo' } }),
  );
  return url;
}

/** Drops what emptyScratchDatabase or seededScratchDatabase made. */
export async function dropScratchDatabase(name: string, what: string): Promise<void> {
  await admin(benchBase(what), `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
}
