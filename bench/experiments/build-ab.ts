/**
 * Two builds of the store side by side, Lighthouse runs interleaved over them and the blank
 * reference app, so that the machine's load falls on both alike (a quiet machine cannot be had
 * while others work). Used to decide `experimental.inlineCss` (BENCHMARKS.md):
 *   COMPTOIR_INLINE_CSS=0 npx next build   (with NEXT_DIST_DIR=.next-ab-a), then the same into .next-ab-b
 *   npx tsx bench/experiments/build-ab.ts <runs> .next-ab-a .next-ab-b / /p/<slug> /stores
 * Each server gets its own copy of the bench's seeded PGlite folder (.data/bench, `npm run bench` makes it).
 */
import fs from 'node:fs';
import path from 'node:path';
import { measureLighthouse, type LighthousePage } from '../figures/lighthouse';
import { startServer, type RunningServer } from '../lib/server';

const [runsArg = '5', distA = '.next-ab-a', distB = '.next-ab-b', ...paths] = process.argv.slice(2);

function copyDb(name: string): string {
  const to = path.resolve('.data', name);
  fs.rmSync(to, { recursive: true, force: true });
  fs.cpSync(path.resolve('.data', 'bench'), to, { recursive: true });
  return to;
}

void (async () => {
  const servers: RunningServer[] = [];
  try {
    const a = await startServer({ distDir: distA, env: { PGLITE_DIR: copyDb('bench-ab-a') }, readyPath: '/about' });
    servers.push(a);
    const b = await startServer({ distDir: distB, env: { PGLITE_DIR: copyDb('bench-ab-b') }, readyPath: '/about' });
    servers.push(b);
    const ref = await startServer({ distDir: '.next-reference', appDir: 'bench/reference', env: {}, readyPath: '/' });
    servers.push(ref);
    const list = paths.length ? paths : ['/'];
    // Warm both: each page's first visit renders and keeps it.
    for (const p of list) for (const s of [a, b]) for (let i = 0; i < 3; i++) await (await fetch(s.origin + p)).arrayBuffer();
    const pages: LighthousePage[] = [{ figure: 'reference', path: '/', origin: ref.origin }];
    for (const p of list) {
      const name = p === '/' ? 'home' : p.split('/').filter(Boolean)[0]!;
      pages.push({ figure: `${name}_a`, path: p, origin: a.origin }, { figure: `${name}_b`, path: p, origin: b.origin });
    }
    const medians = await measureLighthouse({ origin: a.origin, pages, runs: Number(runsArg) });
    for (const [figure, m] of medians) console.log(JSON.stringify({ figure, performance: m.performance, lcp_ms: Math.round(m.lcpMs), runs: m.runs }));
  } finally {
    for (const s of servers) await s.stop();
  }
  process.exit(0);
})();
