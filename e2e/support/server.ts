/**
 * The server Playwright tests against (playwright.config.ts `webServer`):
 *   1. refuses any database that is not on this machine — setup wipes it;
 *   2. wipes and re-seeds a database of its own: the PGlite folder .data/e2e; or, in PostgreSQL
 *      mode, E2E_DATABASE_URL as given, or `<name>_e2e` beside a local DATABASE_URL (so your
 *      development data survives the test run);
 *   3. writes the journeys' data file (e2e/support/write-data.ts → .data/e2e-data.json);
 *   4. `next start` on the build `next build` just made, with a fixed test AUTH_SECRET.
 * Signals are forwarded, so the server (and its database lock) go when Playwright stops us.
 *
 *   node --import tsx e2e/support/server.ts
 * Env: E2E_PORT (3100), E2E_DATABASE_URL / DATABASE_URL (local PostgreSQL only), E2E_PGLITE_DIR
 * (.data/e2e), NEXT_DIST_DIR (.next), E2E_SKIP_SETUP=1 to reuse the database as it is.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '::1', '[::1]']);
export const E2E_AUTH_SECRET = 'comptoir-e2e-secret-not-for-production-0000000000';

const root = process.cwd();
const port = Number(process.env.E2E_PORT || 3100);
const distDir = process.env.NEXT_DIST_DIR || '.next';
const givenUrl = process.env.E2E_DATABASE_URL || process.env.DATABASE_URL || '';

function fail(message: string): never {
  console.error(`e2e-server: ${message}`);
  process.exit(1);
}

/** Like dub's guard: setup drops the schema, so a remote URL here is a mistake we refuse to make. */
function assertLocal(url: string): void {
  let host: string;
  try {
    host = new URL(url).hostname;
  } catch {
    fail('DATABASE_URL is not a valid URL');
  }
  if (!LOCAL_HOSTS.has(host)) {
    fail(`refusing to run end-to-end tests against ${host}: they wipe the database. Use localhost or unset DATABASE_URL.`);
  }
}

if (givenUrl) assertLocal(givenUrl);

/** E2E_DATABASE_URL is used as it is; a DATABASE_URL gets a `_e2e` sibling, created on demand. */
async function e2eDatabaseUrl(): Promise<string> {
  if (!givenUrl || process.env.E2E_DATABASE_URL) return givenUrl;
  const url = new URL(givenUrl);
  const name = `${decodeURIComponent(url.pathname.slice(1)) || 'postgres'}_e2e`.replace(/[^a-zA-Z0-9_]/g, '_');
  const admin = new pg.Client({ connectionString: givenUrl });
  await admin.connect();
  try {
    const found = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount === 0) await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  url.pathname = `/${name}`;
  return url.toString();
}

if (!fs.existsSync(path.join(root, distDir, 'BUILD_ID'))) {
  fail(`no production build in ${distDir}/: run \`next build\` first (npm run test:e2e does).`);
}

const env: NodeJS.ProcessEnv = {
  ...process.env,
  NODE_ENV: 'production',
  NEXT_DIST_DIR: distDir,
  // Never the PGLITE_DIR of your shell: that is likely your development data, and setup wipes this.
  PGLITE_DIR: path.resolve(root, process.env.E2E_PGLITE_DIR || path.join('.data', 'e2e')),
  AUTH_SECRET: E2E_AUTH_SECRET,
  AUTH_TRUST_HOST: 'true',
  AUTH_URL: `http://127.0.0.1:${port}`,
  NEXT_TELEMETRY_DISABLED: '1',
  PORT: String(port),
};
// Empty rather than unset: `next start` would otherwise take a DATABASE_URL from .env.local.
env.DATABASE_URL = '';

let child: ChildProcess | undefined;
let stopping = false;

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.on(signal, () => {
    stopping = true;
    if (child && child.exitCode === null) child.kill(signal);
    else process.exit(0);
    // Should the child ignore us, do not outlive Playwright's patience.
    setTimeout(() => {
      child?.kill('SIGKILL');
      process.exit(1);
    }, 8_000).unref();
  });
}
process.on('exit', () => {
  if (child && child.exitCode === null) child.kill('SIGKILL');
});

function run(label: string, args: string[]): Promise<number> {
  return new Promise((resolve) => {
    console.log(`e2e-server: ${label}`);
    child = spawn(process.execPath, args, { cwd: root, env, stdio: 'inherit' });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 128 : 1)));
  });
}

async function main() {
  const databaseUrl = await e2eDatabaseUrl();
  env.DATABASE_URL = databaseUrl;
  const where = databaseUrl ? new URL(databaseUrl).host + new URL(databaseUrl).pathname : env.PGLITE_DIR;
  if (process.env.E2E_SKIP_SETUP !== '1') {
    const started = Date.now();
    const code = await run(`resetting and seeding ${where}`, ['--import', 'tsx', 'lib/db/setup.ts', '--reset']);
    if (stopping) process.exit(0);
    if (code !== 0) fail(`database setup failed (exit ${code})`);
    console.log(`e2e-server: database ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
  // The facts journeys need (which SKUs, which stores), read while the database is still ours to
  // open: once `next start` runs, a PGlite folder belongs to the server alone.
  const code = await run("writing the journeys' data file", ['--conditions=react-server', '--import', 'tsx', 'e2e/support/write-data.ts']);
  if (stopping) process.exit(0);
  if (code !== 0) fail(`e2e/support/write-data.ts failed (exit ${code})`);
  const next = path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next');
  const exit = await run(`next start on :${port} (${distDir})`, [next, 'start', '-p', String(port)]);
  process.exit(stopping ? 0 : exit);
}

main().catch((err) => fail(err instanceof Error ? (err.stack ?? err.message) : String(err)));
