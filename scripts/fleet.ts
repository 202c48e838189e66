/**
 * A fleet on one machine: several `next start` processes on one PostgreSQL, behind a round-robin
 * load balancer, as production runs them behind a real one.
 *
 *   npm run fleet                          2 servers, live events by Postgres NOTIFY, balancer on :3100
 *   npm run fleet -- --servers=3 --redis   3 servers, live events through Redis (REDIS_URL)
 *   npm run fleet -- --no-build            reuse the last build in .next-fleet
 *
 * DATABASE_URL names the database (default postgres://postgres@127.0.0.1:5432/comptoir_fleet,
 * created when missing); it is migrated and, when empty, seeded first. The servers share
 * AUTH_SECRET (a session made on one is valid on the others) and NEXT_SERVER_ACTIONS_ENCRYPTION_KEY
 * (a form rendered by one may be posted to another, even from separate builds): from the
 * environment, else AUTH_SECRET from .env.local and a key made for this run. Every server runs the
 * scheduled jobs; their effects happen once (lib/jobs/schedule.ts). Ctrl-C stops everything.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import pg from 'pg';
import { ensureAuthSecret } from '../lib/auth/ensure-secret';

const args = process.argv.slice(2);
const flag = (name: string) => args.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
const servers = Number(flag('servers') ?? 2);
const basePort = Number(flag('port') ?? 3100);
const useRedis = args.includes('--redis');
const skipBuild = args.includes('--no-build');
const DIST_DIR = '.next-fleet';
const NEXT_BIN = path.join(process.cwd(), 'node_modules', 'next', 'dist', 'bin', 'next');
const databaseUrl = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/comptoir_fleet';

if (!Number.isInteger(servers) || servers < 1 || servers > 16) fail('--servers must be a whole number from 1 to 16');
if (!/^postgres(ql)?:\/\//.test(databaseUrl)) fail('DATABASE_URL must name a PostgreSQL database: the embedded one is one process only');

function fail(message: string): never {
  console.error(`fleet: ${message}`);
  process.exit(1);
}

const children: ChildProcess[] = [];
function stopAll(code: number): never {
  for (const child of children) if (child.exitCode === null && child.pid) process.kill(-child.pid, 'SIGTERM');
  process.exit(code);
}
process.on('SIGINT', () => stopAll(0));
process.on('SIGTERM', () => stopAll(0));

function run(cmd: string, argv: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, argv, { env, stdio: 'inherit' });
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${path.basename(argv[0] ?? cmd)} exited with ${code}`))));
  });
}

/** Creates the database when the server answers but it does not exist yet. */
async function ensureDatabase(): Promise<void> {
  const url = new URL(databaseUrl);
  const name = decodeURIComponent(url.pathname.slice(1));
  url.pathname = '/postgres';
  const admin = new pg.Client({ connectionString: url.toString() });
  await admin.connect().catch((err: Error) => fail(`cannot reach PostgreSQL at ${url.host}: ${err.message}`));
  try {
    const { rowCount } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!rowCount) {
      await admin.query(`CREATE DATABASE ${pg.escapeIdentifier(name)}`);
      console.log(`fleet: created database ${name}`);
    }
  } finally {
    await admin.end();
  }
}

function readEnvLocal(name: string): string | undefined {
  const file = path.join(process.cwd(), '.env.local');
  if (!fs.existsSync(file)) return undefined;
  return fs
    .readFileSync(file, 'utf8')
    .match(new RegExp(`^${name}=(.+)$`, 'm'))?.[1]
    ?.trim();
}

async function waitUntilUp(origin: string, child: ChildProcess): Promise<void> {
  for (const deadline = Date.now() + 60_000; ;) {
    if (child.exitCode !== null) fail(`the server on ${origin} exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${origin}/about`)).ok) return;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) fail(`the server on ${origin} did not answer within a minute`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** Round robin over the servers that answer; streams (live availability) pass through as they come. */
function startBalancer(port: number, upstreams: number[]): void {
  let next = 0;
  const down = new Set<number>();
  const server = http.createServer((req, res) => {
    const tryUpstream = (attempt: number) => {
      const live = upstreams.filter((p) => !down.has(p));
      const target = (live.length ? live : upstreams)[next++ % (live.length || upstreams.length)]!;
      const upstream = http.request(
        {
          host: '127.0.0.1',
          port: target,
          method: req.method,
          path: req.url,
          // Appended, as real balancers do: the last entry is the address no client can forge.
          headers: { ...req.headers, 'x-forwarded-for': [req.headers['x-forwarded-for'], req.socket.remoteAddress].filter(Boolean).join(', ') },
        },
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, { ...answer.headers, 'x-comptoir-server': String(target) });
          answer.pipe(res);
        },
      );
      upstream.on('error', () => {
        down.add(target);
        setTimeout(() => down.delete(target), 5_000).unref();
        // Only a request that sent nothing yet may go to another server.
        if (attempt < upstreams.length && !res.headersSent && (req.method === 'GET' || req.method === 'HEAD')) return tryUpstream(attempt + 1);
        if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' });
        res.end('No server answered; try again.');
      });
      req.pipe(upstream);
      res.on('close', () => upstream.destroy());
    };
    tryUpstream(1);
  });
  server.listen(port, () => console.log(`fleet: balancer on http://localhost:${port} → ${upstreams.map((p) => `:${p}`).join(', ')}`));
}

async function main() {
  ensureAuthSecret();
  const authSecret = process.env.AUTH_SECRET || readEnvLocal('AUTH_SECRET');
  if (!authSecret) fail('no AUTH_SECRET');
  const actionsKey = process.env.NEXT_SERVER_ACTIONS_ENCRYPTION_KEY || randomBytes(32).toString('base64');
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    NEXT_TELEMETRY_DISABLED: '1',
    DATABASE_URL: databaseUrl,
    AUTH_SECRET: authSecret,
    AUTH_TRUST_HOST: 'true',
    NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: actionsKey,
    NEXT_DIST_DIR: DIST_DIR,
    LIVE_EVENTS: useRedis ? 'redis' : 'postgres',
    // The servers sit behind the balancer below, which appends the address it was reached from.
    TRUSTED_PROXY_HOPS: '1',
  };
  await ensureDatabase();
  await run(process.execPath, ['--import', 'tsx', 'lib/db/setup.ts'], env);
  if (!skipBuild) await run(process.execPath, [NEXT_BIN, 'build'], env);
  const ports = Array.from({ length: servers }, (_, i) => basePort + 1 + i);
  for (const port of ports) {
    const child = spawn(process.execPath, [NEXT_BIN, 'start', '-p', String(port)], { env, stdio: 'inherit', detached: true });
    child.on('exit', (code, signal) => console.error(`fleet: the server on :${port} stopped (${signal ?? code})`));
    children.push(child);
  }
  await Promise.all(ports.map((port, i) => waitUntilUp(`http://127.0.0.1:${port}`, children[i]!)));
  console.log(`fleet: ${servers} servers on ${databaseUrl.replace(/\/\/[^@]*@/, '//')}, live events by ${useRedis ? 'Redis' : 'Postgres NOTIFY'}`);
  startBalancer(basePort, ports);
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  stopAll(1);
});
