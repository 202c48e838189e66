/**
 * What a page costs to download and to hydrate, for pages served by running servers (yours to
 * start: e.g. two builds side by side, before and after a change):
 * - its HTML, raw and gzip; the RSC payload inlined in it (self.__next_f), raw and gzip; the client
 *   component instances that payload names, by component;
 * - in Chromium at a Pixel 7's size: React's tree once settled (fibers, components, hooks, read
 *   through a minimal DevTools hook), and the main thread's CPU time from a performance trace
 *   (thread time, which moves far less with the machine's load than wall-clock long tasks do):
 *   script, style and layout, and the blocking time a 4× slower phone would have after the first
 *   paint (Lighthouse's TBT over 4 × each task's thread time). The pages' loads are interleaved.
 *   npx tsx bench/experiments/page-weight.ts <runs> before=http://127.0.0.1:3300/stores after=http://127.0.0.1:3301/stores
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { chromium, devices } from '@playwright/test';
import { round } from '../lib/stats';

type TraceEvent = { name: string; ph: string; ts: number; dur?: number; tdur?: number; pid: number; tid: number; args?: { name?: string } };
type Row = { cpuMs: number; scriptMs: number; styleLayoutMs: number; tbt4xMs: number; longTasks4x: number };

const kb = (bytes: number) => `${round(bytes / 1024, 1)} kB`;
const median = (values: number[]) => {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};

/** The HTML and the RSC payload it carries, and the client components that payload renders. */
async function weigh(url: string): Promise<string[]> {
  const res = await fetch(url, { headers: { 'accept-language': 'en', 'accept-encoding': 'identity' } });
  const html = await res.text();
  const payload = [...html.matchAll(/self\.__next_f\.push\((\[.*?\])\)<\/script>/gs)]
    .map((m) => JSON.parse(m[1]!) as [number, string?])
    .filter(([kind]) => kind === 1)
    .map(([, chunk]) => chunk ?? '')
    .join('');
  // Client references are rows `id:I[module, chunks, name]`; a name may be a string row `id:"…"`.
  const strings = new Map([...payload.matchAll(/(?<=^|\n)([0-9a-f]+):("[^"\n]*")(?=\n)/g)].map((m) => [m[1]!, JSON.parse(m[2]!) as string]));
  const modules = new Map(
    [...payload.matchAll(/(?<=^|\n)([0-9a-f]+):I(\[.*?\])(?=\n)/g)].map((m) => {
      const [id, , name] = JSON.parse(m[2]!) as [number, unknown, string];
      return [m[1]!, (name.startsWith('$') ? strings.get(name.slice(1)) : name) || `module ${id}`];
    }),
  );
  const instances = new Map<string, number>();
  for (const m of payload.matchAll(/"\$L([0-9a-f]+)"/g)) {
    const name = modules.get(m[1]!);
    if (name) instances.set(name, (instances.get(name) ?? 0) + 1);
  }
  const total = [...instances.values()].reduce((a, b) => a + b, 0);
  return [
    `HTML ${kb(Buffer.byteLength(html))} (gzip ${kb(zlib.gzipSync(html).length)}); RSC payload inlined ${kb(Buffer.byteLength(payload))} (gzip ${kb(zlib.gzipSync(payload).length)})`,
    `client component instances ${total}: ${[...instances]
      .sort((a, b) => b[1] - a[1])
      .map(([name, n]) => `${name} ${n}`)
      .join(', ')}`,
  ];
}

/** The main thread's work in a trace: top-level tasks (RunTask events nest) and the outermost events of a kind. */
function analyse(events: TraceEvent[]): Row {
  const fcp = events.find((e) => e.name === 'firstContentfulPaint');
  if (!fcp) throw new Error('no first contentful paint in the trace');
  const main = events.filter((e) => e.pid === fcp.pid && e.tid === fcp.tid && e.ph === 'X' && typeof e.tdur === 'number');
  const outermost = (test: (name: string) => boolean) => {
    const kept: TraceEvent[] = [];
    let end = -Infinity;
    for (const e of main.filter((x) => test(x.name)).sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0))) {
      if (e.ts < end) continue;
      kept.push(e);
      end = e.ts + (e.dur ?? 0);
    }
    return kept;
  };
  const ms = (es: TraceEvent[]) => es.reduce((n, e) => n + (e.tdur ?? 0), 0) / 1000;
  const tasks = outermost((n) => n.endsWith('RunTask'));
  const after = tasks.filter((t) => t.ts >= fcp.ts).map((t) => (4 * (t.tdur ?? 0)) / 1000);
  return {
    cpuMs: ms(tasks),
    scriptMs: ms(
      outermost((n) => ['FunctionCall', 'EvaluateScript', 'RunMicrotasks', 'v8.compile', 'TimerFire', 'FireAnimationFrame', 'EventDispatch'].includes(n)),
    ),
    styleLayoutMs: ms(outermost((n) => n === 'UpdateLayoutTree' || n === 'Layout')),
    tbt4xMs: after.reduce((n, d) => n + Math.max(0, d - 50), 0),
    longTasks4x: after.filter((d) => d > 50).length,
  };
}

/**
 * Counts React's fibers, components and hooks once the page has settled, through a stand-in
 * DevTools hook. Plain JavaScript in a string: a function passed to the page would carry the
 * helpers tsx adds to compiled functions, which the page does not have.
 */
const FIBER_COUNTER = `
  const roots = new Set();
  window.__REACT_DEVTOOLS_GLOBAL_HOOK__ = {
    supportsFiber: true, renderers: new Map(), inject: () => 1, checkDCE() {},
    onCommitFiberRoot(_id, root) { roots.add(root); },
    onCommitFiberUnmount() {}, onPostCommitFiberRoot() {}, onScheduleFiberRoot() {},
  };
  window.__countFibers = () => {
    const n = { fibers: 0, components: 0, hooks: 0 };
    for (const root of roots) {
      const stack = [root.current];
      while (stack.length) {
        const f = stack.pop();
        n.fibers++;
        // Function, class, forwardRef and memo components; hooks are a function component's state list.
        if ([0, 1, 11, 14, 15].includes(f.tag)) {
          n.components++;
          if (f.tag !== 1) for (let h = f.memoizedState; h; h = h.next) n.hooks++;
        }
        if (f.sibling) stack.push(f.sibling);
        if (f.child) stack.push(f.child);
      }
    }
    return n;
  };
`;

async function main() {
  const [runsArg, ...targets] = process.argv.slice(2);
  const pages = targets.map((t) => ({ label: t.slice(0, t.indexOf('=')), url: t.slice(t.indexOf('=') + 1), rows: [] as Row[], tree: '' }));
  if (!Number(runsArg) || pages.length === 0) throw new Error('usage: page-weight.ts <runs> label=url [label=url…]');
  for (const page of pages) console.log(`${page.label}: ${(await weigh(page.url)).join('\n  ')}`);

  const tracePath = path.join(os.tmpdir(), `page-weight-${process.pid}.json`);
  const browser = await chromium.launch({ executablePath: process.env.CHROME_PATH || '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const { defaultBrowserType: _browser, ...pixel } = devices['Pixel 7'];
    for (let i = 0; i < Number(runsArg); i++) {
      for (const page of pages) {
        const context = await browser.newContext({ ...pixel, locale: 'en-GB', timezoneId: 'Europe/Paris' });
        await context.addInitScript({ content: FIBER_COUNTER });
        const tab = await context.newPage();
        await browser.startTracing(tab, { path: tracePath, categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'toplevel', 'loading'] });
        await tab.goto(page.url, { waitUntil: 'load' });
        await tab.waitForTimeout(3000);
        await browser.stopTracing();
        const counted = await tab.evaluate(() => (window as unknown as { __countFibers: () => Record<string, number> }).__countFibers());
        page.tree = `fibers ${counted.fibers}, components ${counted.components}, hooks ${counted.hooks}`;
        page.rows.push(analyse((JSON.parse(fs.readFileSync(tracePath, 'utf8')) as { traceEvents: TraceEvent[] }).traceEvents));
        await context.close();
      }
    }
  } finally {
    await browser.close();
    fs.rmSync(tracePath, { force: true });
  }
  for (const { label, rows, tree } of pages) {
    console.log(
      `${label}: React ${tree}; main thread (${rows.length} loads, median): ` +
        (Object.keys(rows[0]!) as (keyof Row)[]).map((k) => `${k} ${Math.round(median(rows.map((r) => r[k])))}`).join(', '),
    );
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
