import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { log } from './report';
import { run, start, stop } from './proc';

const NEXT_BIN = path.join(process.cwd(), 'node_modules', 'next', 'dist', 'bin', 'next');

/** The environment a production server (or build) runs with; the database comes from `env`. */
type Env = Record<string, string | undefined>;

export function serverEnv(env: Env): NodeJS.ProcessEnv {
  return {
    ...process.env,
    NODE_ENV: 'production',
    NEXT_TELEMETRY_DISABLED: '1',
    AUTH_SECRET: 'comptoir-bench-secret-not-for-production-00000000',
    AUTH_TRUST_HOST: 'true',
    // Empty rather than unset: `next start` would otherwise take a DATABASE_URL from .env.local.
    DATABASE_URL: '',
    ...env,
  };
}

/**
 * `next build` into its own dist dir, so it never collides with a dev server or the e2e build.
 * Its output goes to bench/out/build.log, and to stderr only when it fails.
 */
export async function buildApp(distDir: string, appDir?: string): Promise<void> {
  const logPath = path.join('bench', 'out', appDir ? `build-${path.basename(appDir)}.log` : 'build.log');
  fs.mkdirSync(path.dirname(logPath), { recursive: true });
  const out = fs.openSync(logPath, 'w');
  try {
    await run(process.execPath, [NEXT_BIN, 'build', ...(appDir ? [appDir] : [])], {
      env: serverEnv({ NEXT_DIST_DIR: distDir }),
      stdio: ['ignore', out, out],
    });
  } catch (err) {
    process.stderr.write(fs.readFileSync(logPath, 'utf8').split('\n').slice(-60).join('\n'));
    throw err;
  } finally {
    fs.closeSync(out);
  }
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

export type RunningServer = { origin: string; child: ChildProcess; stop: () => Promise<void> };

/** `next start` on a free port; resolves once `readyPath` answers. `appDir`: another app than the store. */
export async function startServer(opts: { distDir: string; env: Env; readyPath: string; appDir?: string; timeoutMs?: number }): Promise<RunningServer> {
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  // No `-H 127.0.0.1`: with a literal loopback hostname Next 16 proxies the proxy's locale rewrites
  // over the network instead of handling them in-process (vercel/next.js#94745).
  const child = start(process.execPath, [NEXT_BIN, 'start', ...(opts.appDir ? [opts.appDir] : []), '-p', String(port)], {
    env: serverEnv({ ...opts.env, NEXT_DIST_DIR: opts.distDir, PORT: String(port) }),
  });
  const deadline = Date.now() + (opts.timeoutMs ?? 60_000);
  for (;;) {
    if (child.exitCode !== null) throw new Error(`next start exited with ${child.exitCode}`);
    try {
      const res = await fetch(origin + opts.readyPath);
      await res.arrayBuffer();
      log(`server up at ${origin} (${opts.readyPath} → ${res.status})`);
      break;
    } catch {
      if (Date.now() > deadline) {
        await stop(child);
        throw new Error(`next start did not answer on ${origin} within ${opts.timeoutMs ?? 60_000} ms`);
      }
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  return { origin, child, stop: () => stop(child) };
}
