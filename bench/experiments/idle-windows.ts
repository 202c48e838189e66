/**
 * Idle CPU of one `next start` (the bench's build and PGlite folder) over several 30 s windows in a
 * row, per thread, with node flags of your choice: does a burst come once after start, or keep
 * coming? Also the time to the first answer and the resident memory.
 *   NODE_FLAGS="--no-wasm-dynamic-tiering" WINDOWS=5 LOAD_MS=20000 npx tsx bench/experiments/idle-windows.ts
 * NODE_FLAGS: flags before next's script; WINDOWS (5) of 30 s; LOAD_MS (0): product pages under load
 * (10 connections) before the bench's warm-up; SETTLE_MS (15000) of quiet before the first window.
 * RPS=1 (or RPS_ROUNDS=n, n times over) measures product pages, the stock API, search suggestions and the static page per second first (10 s each).
 * TRACE=1 adds --trace-wasm-compilation-times and prints, per second, how many functions were compiled.
 */
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { PGlite } from '@electric-sql/pglite';
import { pgliteExtensions } from '../../lib/db/pglite-extensions';
import { freePort, serverEnv } from '../lib/server';
import { start, stop, killAll } from '../lib/proc';
import { threadTicks } from '../figures/idle-cpu';
import { loadLoop } from '../lib/http';

const NEXT_BIN = path.join(process.cwd(), 'node_modules', 'next', 'dist', 'bin', 'next');
const DIST = process.env.DIST || '.next-bench';
const DIR = path.resolve(process.env.PGLITE_DIR || path.join('.data', 'bench'));
const flags = (process.env.NODE_FLAGS || '').split(' ').filter(Boolean);
const windows = Number(process.env.WINDOWS || 5);
const loadMs = Number(process.env.LOAD_MS || 0);
const settleMs = Number(process.env.SETTLE_MS || 15_000);
const trace = process.env.TRACE === '1';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const rssMb = (pid: number) => {
  const m = /VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Math.round(Number(m[1]) / 1024) : NaN;
};

async function main() {
  const db = await PGlite.create(DIR, { extensions: await pgliteExtensions() });
  type Facts = { sku: number; store: number; slugs: string[] };
  const facts = (
    await db.query<Facts>(`SELECT (SELECT s.id FROM products p JOIN skus s ON s.product_id = p.id ORDER BY p.id, s.position, s.id LIMIT 1) AS sku,
      (SELECT location_id FROM stores ORDER BY location_id LIMIT 1) AS store, (SELECT array_agg(slug ORDER BY id) FROM (SELECT slug, id FROM products ORDER BY id LIMIT 200) x) AS slugs`)
  ).rows[0]!;
  await db.close();

  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const t0 = performance.now();
  const child = start(process.execPath, [...flags, ...(trace ? ['--trace-wasm-compilation-times'] : []), NEXT_BIN, 'start', '-p', String(port)], {
    env: serverEnv({ PGLITE_DIR: DIR, NEXT_DIST_DIR: DIST, PORT: String(port) }),
    stdio: ['ignore', trace ? 'pipe' : process.stderr, process.stderr],
  });
  // Compiled functions per second since start (the trace prints one line per function).
  const compiled = new Map<number, number>();
  const traceLog = trace ? fs.createWriteStream(process.env.TRACE_FILE || '/tmp/wasm-trace.log') : undefined;
  if (trace) {
    let rest = '';
    child.stdout!.on('data', (buf: Buffer) => {
      const lines = (rest + buf.toString()).split('\n');
      rest = lines.pop() ?? '';
      const s = Math.floor((performance.now() - t0) / 1000);
      for (const l of lines) {
        if (/Compil/i.test(l)) {
          compiled.set(s, (compiled.get(s) ?? 0) + 1);
          traceLog?.write(`${s} ${l}\n`);
        } else process.stderr.write(`[${s}s] ${l}\n`);
      }
    });
  }
  const pid = child.pid!;
  for (;;) {
    try {
      await (await fetch(origin + '/about')).arrayBuffer();
      break;
    } catch {
      await sleep(100);
    }
  }
  const readyMs = performance.now() - t0;
  const cpuAtReady = threadTicks(pid);
  console.error(
    `ready in ${readyMs.toFixed(0)} ms; CPU so far main ${cpuAtReady.main} others ${cpuAtReady.others} ticks; RSS ${rssMb(pid)} MB; flags ${flags.join(' ') || '(none)'}`,
  );
  const urls = facts.slugs.map((s) => `${origin}/p/${encodeURIComponent(s)}`);
  if (loadMs > 0) {
    const r = await loadLoop({ urls, concurrency: 10, durationMs: loadMs });
    console.error(`load: ${r.ok} pages in ${loadMs / 1000} s = ${(r.ok / (loadMs / 1000)).toFixed(1)} /s`);
  }
  for (let round = 0; round < Number(process.env.RPS_ROUNDS || (process.env.RPS === '1' ? 1 : 0)); round++) {
    // Pages and the stock API per second (10 connections, 10 s each, after each path's first visit and 3 s of warm-up).
    const stock = [`${origin}/api/availability/product?sku=${facts.sku}`];
    // Suggestions run a trigram search in PGlite per request (not cached): bound by PGlite's code.
    const search = ['chaussure', 'pantalon', 'velo', 'cafe', 'jardin', 'lampe', 'robe', 'sac'].map((q) => `${origin}/api/search/suggest?q=${q}&locale=fr`);
    for (const [label, list] of [
      ['product pages', urls],
      ['stock api', stock],
      ['search suggest', search],
      ['static page', [`${origin}/about`]],
    ] as const) {
      for (const u of list) await (await fetch(u)).arrayBuffer();
      await loadLoop({ urls: [...list], concurrency: 10, durationMs: 3_000 });
      const r = await loadLoop({ urls: [...list], concurrency: 10, durationMs: 10_000 });
      console.error(`rps ${label}: ${(r.ok / 10).toFixed(1)} /s; load ${fs.readFileSync('/proc/loadavg', 'utf8').split(' ')[0]}`);
    }
  }
  for (const p of ['/', `/p/${encodeURIComponent(facts.slugs[0]!)}`, '/stores', '/about']) await (await fetch(origin + p)).arrayBuffer();
  const abort = new AbortController();
  const res = await fetch(`${origin}/api/availability/stream?sku=${facts.sku}&stores=${facts.store}&warehouse=1`, { signal: abort.signal });
  const reader = res.body!.getReader();
  await reader.read();
  abort.abort();
  await sleep(settleMs);
  const warm = threadTicks(pid);
  console.error(`after warm-up: main ${warm.main} others ${warm.others} ticks; RSS ${rssMb(pid)} MB`);
  const all: number[] = [];
  for (let w = 0; w < windows; w++) {
    const before = threadTicks(pid);
    const steps: string[] = [];
    let last = before;
    const ws = performance.now();
    for (let i = 0; i < 6; i++) {
      await sleep(5_000);
      const now = threadTicks(pid);
      steps.push(`${now.main - last.main}+${now.others - last.others}`);
      last = now;
    }
    const secs = (performance.now() - ws) / 1000;
    const main = ((last.main - before.main) / 100 / secs) * 100;
    const others = ((last.others - before.others) / 100 / secs) * 100;
    all.push(main + others);
    console.error(
      `window ${w + 1}: ${(main + others).toFixed(2)} % (main ${main.toFixed(2)}, background ${others.toFixed(2)}); per 5 s main+bg: ${steps.join(' ')}; RSS ${rssMb(pid)} MB; load ${fs.readFileSync('/proc/loadavg', 'utf8').split(' ')[0]}`,
    );
  }
  if (trace) console.error(`functions compiled per second since start: ${[...compiled].map(([s, n]) => `${s}s:${n}`).join(' ')}`);
  console.log(JSON.stringify({ flags: flags.join(' '), readyMs: Math.round(readyMs), windows: all.map((x) => Number(x.toFixed(2))) }));
  await stop(child);
}
main().catch((err) => {
  console.error(err);
  killAll('SIGKILL');
  process.exit(1);
});
