/**
 * Test databases. Every test file gets a fresh, migrated database of its own:
 * - default: an in-memory PGlite, started from a migrated snapshot (see pgliteTemplate);
 * - TEST_DATABASE_URL=postgres://…/test: a new PostgreSQL database created beside it and dropped
 *   afterwards, so race tests run against a real multi-connection server.
 */
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { inject } from 'vitest';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { isAlive, setConnection, type Connection } from '@/lib/db/client';
import { MIGRATIONS_FOLDER, runMigrations } from '@/lib/db/migrate';
import { pgliteExtensions } from '@/lib/db/pglite-extensions';
import * as schema from '@/lib/db/schema';

export const onPostgres = Boolean(process.env.TEST_DATABASE_URL);

/** Runs `work` on one connection to the admin URL, closed afterwards whatever happens. */
export async function withAdmin<T>(adminUrl: string, work: (admin: import('pg').Client) => Promise<T>): Promise<T> {
  const { Client } = await import('pg');
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    return await work(admin);
  } finally {
    await admin.end();
  }
}

/**
 * A migrated PostgreSQL database that every test file's database is copied from (CREATE DATABASE …
 * TEMPLATE): a copy took 0.3–0.6 s where a new database and its migrations took 0.8–2.6 s (measured
 * per file, the machine busy). Made once per run by the PostgreSQL project's global setup
 * (test/support/postgres-template-setup.ts), so the migrations still run from an empty database in
 * every run, and dropped when the run ends. Built under a temporary name and renamed once migrated,
 * and nothing stays connected to it (PostgreSQL refuses to copy a database someone is connected to).
 */
export async function createPostgresTemplate(adminUrl: string): Promise<string> {
  const { Pool } = await import('pg');
  const name = testDatabaseName('tpl');
  const building = `${name}_building`;
  return withAdmin(adminUrl, async (admin) => {
    await admin.query(`CREATE DATABASE ${building}`);
    const url = new URL(adminUrl);
    url.pathname = `/${building}`;
    const pool = new Pool({ connectionString: url.toString(), max: 1 });
    try {
      await runMigrations({ kind: 'postgres', db: drizzlePg(pool, { schema }), pool, close: () => pool.end() });
    } finally {
      await pool.end();
    }
    await admin.query(`ALTER DATABASE ${building} RENAME TO ${name}`);
    return name;
  });
}

/**
 * A test database's name says which process made it, and in which process namespace
 * (`comptoir_t_<namespace>_<pid>_<random>`, the template `comptoir_tpl_…`): a run that is killed never
 * drops its databases, and the next run in the same namespace drops those whose process is gone
 * (dropOrphanedTestDatabases). A run in another namespace (a container) is never judged by our pids.
 */
function testDatabaseName(kind: 't' | 'tpl'): string {
  return `comptoir_${kind}_${pidNamespace()}_${process.pid}_${randomBytes(6).toString('hex')}`;
}

/** This process's pid namespace (Linux: the inode of /proc/self/ns/pid), '0' where there is none to read. */
export function pidNamespace(): string {
  try {
    return /\d+/.exec(fs.readlinkSync('/proc/self/ns/pid'))?.[0] ?? '0';
  } catch {
    return '0';
  }
}

const TEST_DATABASE_NAME = /^comptoir_(?:t|tpl)_(\d+)_(\d+)_[0-9a-f]+(?:_building)?$/;

/**
 * Drops the test databases (files' and templates') that killed runs left behind: made in this pid
 * namespace, by a process that no longer exists. Only on a server on this machine; the databases of
 * a run still going are left alone. Returns the names dropped.
 */
export async function dropOrphanedTestDatabases(adminUrl: string): Promise<string[]> {
  if (!['localhost', '127.0.0.1', '[::1]'].includes(new URL(adminUrl).hostname)) return [];
  return withAdmin(adminUrl, async (admin) => {
    const dropped: string[] = [];
    const { rows } = await admin.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname LIKE 'comptoir\\_t%'`);
    for (const { datname } of rows) {
      const [, namespace, pid] = TEST_DATABASE_NAME.exec(datname) ?? [];
      if (namespace !== pidNamespace() || isAlive(Number(pid))) continue;
      await admin.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`);
      dropped.push(datname);
    }
    return dropped;
  });
}

/** Drops a database beside the admin URL: a test file's own, or the run's template at its end. */
export async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  await withAdmin(adminUrl, (admin) => admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
}

/**
 * A freshly migrated PGlite data directory, dumped once per set of migrations and loaded by every
 * test file: starting PGlite from it took 0.5–0.7 s, 1.3 s the first time in a process (which
 * compiles PGlite's WebAssembly: every test file's fork pays that), where an empty initdb alone took
 * 1.3–1.8 s and the migrations come on top (measured 2026-12-07, a 44 MB dump). Named by a hash of
 * the migration files, so a changed or added migration makes a new one. Made by the Vitest global
 * setup (test/support/pglite-template-setup.ts), or by the first test file that needs it; written to
 * a temporary name and renamed, so a reader never sees half a file.
 */
export async function pgliteTemplate(): Promise<string> {
  const hash = createHash('sha256');
  const files = fs.readdirSync(MIGRATIONS_FOLDER, { recursive: true, withFileTypes: true }).filter((f) => f.isFile());
  for (const f of files.map((f) => path.join(f.parentPath, f.name)).sort()) hash.update(f).update(fs.readFileSync(f));
  const file = path.join(os.tmpdir(), `comptoir-pglite-template-${hash.digest('hex').slice(0, 16)}.tar`);
  if (fs.existsSync(file)) return file;
  const { PGlite } = await import('@electric-sql/pglite');
  const client = await PGlite.create({ extensions: await pgliteExtensions() });
  await runMigrations({ kind: 'pglite', db: drizzlePglite(client, { schema }), client, dataDir: 'memory://', close: () => client.close() });
  const dump = await client.dumpDataDir('none');
  await client.close();
  const partial = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
  fs.writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
  fs.renameSync(partial, file);
  return file;
}

export async function createTestConnection(): Promise<Connection & { drop: () => Promise<void> }> {
  const adminUrl = process.env.TEST_DATABASE_URL;
  let connection: Connection;
  let drop = async () => {};
  if (adminUrl) {
    const { Pool } = await import('pg');
    const name = testDatabaseName('t');
    // The run's migrated template when the global setup made one (`vitest run`); else migrated below.
    const template = inject('postgresTemplate');
    await withAdmin(adminUrl, (admin) => admin.query(`CREATE DATABASE ${name}${template ? ` TEMPLATE ${template}` : ''}`));
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    const pool = new Pool({ connectionString: url.toString(), max: 20 });
    // DROP DATABASE … WITH (FORCE) ends idle pooled sockets; that is expected, not an error.
    pool.on('error', () => {});
    connection = { kind: 'postgres', db: drizzlePg(pool, { schema }), pool, close: () => pool.end() };
    drop = () => dropDatabase(adminUrl, name);
  } else {
    const { PGlite } = await import('@electric-sql/pglite');
    const template = fs.readFileSync(await pgliteTemplate());
    const client = await PGlite.create({ loadDataDir: new Blob([template]), extensions: await pgliteExtensions() });
    connection = {
      kind: 'pglite',
      db: drizzlePglite(client, { schema }),
      client,
      dataDir: 'memory://',
      close: () => client.close(),
    };
  }
  await runMigrations(connection);
  return {
    ...connection,
    drop: async () => {
      await connection.close();
      await drop();
    },
  };
}

/** Opens a fresh database and makes it the process-wide one that domain modules use. */
export async function useTestDatabase() {
  const connection = await createTestConnection();
  setConnection(connection);
  return connection;
}
