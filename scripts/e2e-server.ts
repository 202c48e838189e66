/**
 * The server Playwright tests against (playwright.config.ts `webServer`):
 *   1. refuses any database that is not on this machine — setup wipes it;
 *   2. wipes and re-seeds its own database (PGlite folder .data/e2e unless a local DATABASE_URL);
 *   3. `next start` on the build `next build` just made, with a fixed test AUTH_SECRET.
 * Signals are forwarded, so the server (and its database lock) go when Playwright stops us.
 *
 *   node --import tsx scripts/e2e-server.ts
 * Env: E2E_PORT (3100), E2E_DATABASE_URL or DATABASE_URL (local PostgreSQL only), PGLITE_DIR
 * (.data/e2e), NEXT_DIST_DIR (.next), E2E_SKIP_SETUP=1 to reuse the database as it is.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '::1', '[::1]']);
export const E2E_AUTH_SECRET = 'comptoir-e2e-secret-not-for-production-0000000000';

const root = process.cwd();
const port = Number(process.env.E2E_PORT || 3100);
const distDir = process.env.NEXT_DIST_DIR || '.next';
const databaseUrl = process.env.E2E_DATABASE_URL || process.env.DATABASE_URL || '';

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

if (databaseUrl) assertLocal(databaseUrl);
if (!fs.existsSync(path.join(root, distDir, 'BUILD_ID'))) {
  fail(`no production build in ${distDir}/: run \`next build\` first (npm run test:e2e does).`);
}

const env: NodeJS.ProcessEnv = {
  ...process.env,
  NODE_ENV: 'production',
  NEXT_DIST_DIR: distDir,
  PGLITE_DIR: path.resolve(root, process.env.PGLITE_DIR || path.join('.data', 'e2e')),
  AUTH_SECRET: E2E_AUTH_SECRET,
  AUTH_TRUST_HOST: 'true',
  AUTH_URL: `http://127.0.0.1:${port}`,
  NEXT_TELEMETRY_DISABLED: '1',
  PORT: String(port),
};
if (databaseUrl) env.DATABASE_URL = databaseUrl;
else delete env.DATABASE_URL;

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
  const where = databaseUrl ? new URL(databaseUrl).host + new URL(databaseUrl).pathname : env.PGLITE_DIR;
  if (process.env.E2E_SKIP_SETUP !== '1') {
    const started = Date.now();
    const code = await run(`resetting and seeding ${where}`, ['--import', 'tsx', 'scripts/db-setup.ts', '--reset']);
    if (stopping) process.exit(0);
    if (code !== 0) fail(`database setup failed (exit ${code})`);
    console.log(`e2e-server: database ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
  const next = path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next');
  const code = await run(`next start on :${port} (${distDir})`, [next, 'start', '-p', String(port)]);
  process.exit(stopping ? 0 : code);
}

main().catch((err) => fail(err instanceof Error ? err.stack ?? err.message : String(err)));
