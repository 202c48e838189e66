/**
 * Journeys that run their own `next start` processes on a PostgreSQL database of their own
 * (e2e/live-two-servers.spec.ts, e2e/faults.spec.ts): a database made beside TEST_DATABASE_URL or
 * E2E_PG_URL, seeded at demo scale, servers on free ports started from the e2e build, and the
 * means to stop them gently or with SIGKILL.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import pg from 'pg';

export const adminUrl = process.env.E2E_PG_URL || process.env.TEST_DATABASE_URL || '';
const root = process.cwd();
const NEXT_BIN = path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next');

export type Server = { origin: string; port: number; child: ChildProcess };

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer().on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      srv.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

function run(args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: root, env, stdio: ['ignore', 'ignore', 'inherit'] });
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${args.join(' ')} exited with ${code}`))));
  });
}

export async function withClient<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** The schema and seed this checkout makes: a template made from other code is never used. */
function seedFingerprint(): string {
  const hash = createHash('sha256');
  for (const dir of ['lib/db/migrations', 'lib/db/seed']) {
    for (const file of fs.readdirSync(path.join(root, dir)).sort()) {
      const full = path.join(root, dir, file);
      if (fs.statSync(full).isFile()) hash.update(file).update(fs.readFileSync(full));
    }
  }
  return hash.digest('hex').slice(0, 12);
}

/**
 * A migrated, demo-seeded database to copy from, made once (the first journey that needs one makes
 * it under an advisory lock; the others wait, then copy): seeding takes ~15 s, a copy under 1 s.
 */
async function seededTemplate(): Promise<string> {
  // Per run (playwright.config.ts sets E2E_RUN_ID): the seed's dates are relative to when it ran.
  const name = `comptoir_e2e_tpl_${seedFingerprint()}_${(process.env.E2E_RUN_ID ?? 'local').slice(0, 8)}`;
  await withClient(adminUrl, async (c) => {
    await c.query('SELECT pg_advisory_lock(7423100)');
    try {
      const { rowCount } = await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
      if (rowCount) return;
      const stale = await c.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname LIKE 'comptoir\\_e2e\\_tpl\\_%'`);
      for (const { datname } of stale.rows) await c.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`);
      const building = `${name}_building`;
      await c.query(`DROP DATABASE IF EXISTS ${building} WITH (FORCE)`);
      await c.query(`CREATE DATABASE ${building}`);
      const url = new URL(adminUrl);
      url.pathname = `/${building}`;
      await run(['--import', 'tsx', 'lib/db/setup.ts', '--reset'], { ...process.env, DATABASE_URL: url.toString(), SEED_SCALE: 'demo' });
      await c.query(`ALTER DATABASE ${building} RENAME TO ${name}`);
    } finally {
      await c.query('SELECT pg_advisory_unlock(7423100)');
    }
  });
  return name;
}

/** A new database beside the admin URL, migrated and seeded at demo scale (a copy of the template); its URL and a drop. */
export async function createSeededDatabase(prefix: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const template = await seededTemplate();
  const name = `${prefix}_${randomBytes(5).toString('hex')}`;
  await withClient(adminUrl, (c) => c.query(`CREATE DATABASE ${name} TEMPLATE ${template}`));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => withClient(adminUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => {}) };
}

/** `next start` from the e2e build on `port` (a free one by default); resolves once it answers. */
export async function startServer(opts: { databaseUrl: string; env?: Record<string, string>; port?: number }): Promise<Server> {
  const port = opts.port ?? (await freePort());
  const origin = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, [NEXT_BIN, 'start', '-p', String(port)], {
    cwd: root,
    detached: true, // its own process group, so the whole server goes when we stop it
    stdio: ['ignore', 'ignore', 'inherit'],
    env: {
      ...process.env,
      NODE_ENV: 'production',
      NEXT_DIST_DIR: process.env.NEXT_DIST_DIR || '.next',
      DATABASE_URL: opts.databaseUrl,
      AUTH_SECRET: 'comptoir-e2e-fleet-secret-00000000000000000000000',
      AUTH_TRUST_HOST: 'true',
      AUTH_URL: origin,
      NEXT_TELEMETRY_DISABLED: '1',
      ...opts.env,
    },
  });
  for (const deadline = Date.now() + 30_000; ;) {
    if (child.exitCode !== null) throw new Error(`next start exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${origin}/api/availability?sku=1&warehouse=1`)).ok) return { origin, port, child };
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) throw new Error(`next start did not answer on ${origin}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** SIGTERM (or SIGKILL at once: a crash), and wait until the process group is gone. */
export function stopServer(server: Server, signal: 'SIGTERM' | 'SIGKILL' = 'SIGTERM'): Promise<void> {
  const { child } = server;
  return new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    process.kill(-child.pid!, signal);
    if (signal === 'SIGTERM') setTimeout(() => child.exitCode === null && child.signalCode === null && process.kill(-child.pid!, 'SIGKILL'), 5_000).unref();
  });
}
