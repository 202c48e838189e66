/**
 * What a page's first frame costs in a fresh renderer and in one that has laid out text before:
 * each page is loaded in a new browser context (a new renderer: "cold", as Lighthouse loads it),
 * and in a new context after another page of the same origin was opened in that tab ("warm"), at
 * Lighthouse's mobile size, unthrottled. A performance trace gives the first paint and the layout
 * time spent before it. Pages and modes are interleaved. The question it answers: why our first
 * frame comes 60–100 ms after the blank app's when the stylesheet is not what delays it
 * (BENCHMARKS.md, stop 36).
 *   npx tsx bench/experiments/first-layout.ts <runs> <warm-up path> <url>...
 *   (e.g. 5 /en/about http://127.0.0.1:3300/en http://127.0.0.1:3302/; a path the blank app does
 *   not have still lays out its 404 page's text)
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { CHROME_FLAGS, CHROME_PATH } from '../figures/lighthouse';

type TraceEvent = { name: string; ts: number; dur?: number; pid: number; args?: { data?: { documentLoaderURL?: string } } };

const [runsArg = '5', warmUp, ...urls] = process.argv.slice(2);
if (!warmUp || urls.length === 0) throw new Error('usage: first-layout.ts <runs> <warm-up path> <url>...');

const median = (values: number[]) => {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};

void (async () => {
  const browser = await chromium.launch({ executablePath: CHROME_PATH, args: CHROME_FLAGS.filter((flag) => !flag.startsWith('--headless')) });
  const tracePath = path.join(os.tmpdir(), `first-layout-${process.pid}.json`);
  const rows = new Map<string, { firstPaintMs: number; layoutMs: number }[]>();
  for (let run = 0; run < Number(runsArg); run++) {
    for (const url of urls) {
      for (const mode of ['cold', 'warm'] as const) {
        const context = await browser.newContext({ viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75, isMobile: true, hasTouch: true });
        const page = await context.newPage();
        // Warm: a page of the same origin first (another origin would get another renderer).
        await page.goto(mode === 'warm' ? new URL(warmUp, url).href : 'about:blank', { waitUntil: 'load' });
        await browser.startTracing(page, { path: tracePath, categories: ['devtools.timeline', 'loading', 'blink.user_timing'] });
        await page.goto(url, { waitUntil: 'load' });
        await page.waitForTimeout(300);
        await browser.stopTracing();
        const events = (JSON.parse(fs.readFileSync(tracePath, 'utf8')) as { traceEvents: TraceEvent[] }).traceEvents;
        const start = events.filter((e) => e.name === 'navigationStart' && e.args?.data?.documentLoaderURL === url).at(-1);
        const paint = start && events.find((e) => e.name === 'firstPaint' && e.pid === start.pid && e.ts > start.ts);
        if (!start || !paint) throw new Error(`no navigation or first paint in the trace of ${url}`);
        const layoutUs = events
          .filter((e) => e.name === 'Layout' && e.pid === start.pid && e.ts > start.ts && e.ts < paint.ts)
          .reduce((sum, e) => sum + (e.dur ?? 0), 0);
        const key = `${mode} ${url}`;
        rows.set(key, [...(rows.get(key) ?? []), { firstPaintMs: (paint.ts - start.ts) / 1000, layoutMs: layoutUs / 1000 }]);
        await context.close();
      }
    }
  }
  await browser.close();
  fs.rmSync(tracePath, { force: true });
  for (const [key, values] of rows) {
    const [mode, url] = key.split(' ');
    console.log(
      JSON.stringify({
        figure: 'experiment_first_layout',
        url,
        renderer: mode,
        runs: values.length,
        first_paint_ms: Math.round(median(values.map((v) => v.firstPaintMs))),
        layout_before_paint_ms: Math.round(median(values.map((v) => v.layoutMs)) * 10) / 10,
        layout_each_ms: values.map((v) => Math.round(v.layoutMs)),
      }),
    );
  }
})();
