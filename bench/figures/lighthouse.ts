import fs from 'node:fs';
import path from 'node:path';
import type { Flags, Result } from 'lighthouse';
import type { LaunchedChrome } from 'chrome-launcher';
import { emit, log } from '../lib/report';
import { round } from '../lib/stats';

/** Debian's Chromium (.ci/ensure-chromium.sh installs it); CHROME_PATH overrides. */
export const CHROME_PATH = process.env.CHROME_PATH || '/usr/bin/chromium';
/** How Lighthouse's Chromium runs here; experiments that drive Chromium through Playwright take the same (bar headless, Playwright's own). */
export const CHROME_FLAGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
const OUT_DIR = path.join('bench', 'out', 'lighthouse');
const METRICS = {
  fcp_ms: 'first-contentful-paint',
  lcp_ms: 'largest-contentful-paint',
  tbt_ms: 'total-blocking-time',
  si_ms: 'speed-index',
  cls: 'cumulative-layout-shift',
} as const;

/** `origin`: another server than the store's (the reference page); `goal`: when not the store's. */
export type LighthousePage = { figure: string; path: string; origin?: string; goal?: string };

/** A page's part of an experiment's figure name, from its whole path (/en/stores → en_stores, / → home): two pages must not share one. */
export function pageFigureName(pagePath: string): string {
  return (
    pagePath
      .split('/')
      .filter(Boolean)
      .join('_')
      .replace(/[^a-z0-9_]/gi, '')
      .slice(0, 40) || 'home'
  );
}

/** Chromes still open, killed if the bench exits in the middle of a run. */
const open = new Set<LaunchedChrome>();
process.on('exit', () => {
  for (const chrome of open) chrome.kill();
});

const score = (lhr: Result, id: string): number => Math.round((lhr.categories[id]?.score ?? 0) * 100);

type Run = { lhr: Result; html: string };

/** One Lighthouse run in a fresh Chromium (a fresh profile: no cache, no service worker). */
async function runOnce(url: string): Promise<Run> {
  // ESM-only packages: loaded on first use, so the other figures never need them.
  const [{ default: lighthouse }, { launch }] = await Promise.all([import('lighthouse'), import('chrome-launcher')]);
  if (!fs.existsSync(CHROME_PATH)) throw new Error(`${CHROME_PATH} not found: run .ci/ensure-chromium.sh (or set CHROME_PATH)`);
  const chrome = await launch({ chromePath: CHROME_PATH, chromeFlags: CHROME_FLAGS, logLevel: 'silent', handleSIGINT: false });
  open.add(chrome);
  try {
    const flags: Flags = {
      port: chrome.port,
      output: 'html',
      logLevel: 'error',
      onlyCategories: [...CATEGORIES],
      // Lighthouse's defaults, spelled out: a mid-range phone on slow 4G, simulated from the trace.
      formFactor: 'mobile',
      throttlingMethod: 'simulate',
    };
    const result = await lighthouse(url, flags);
    if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
    const { lhr } = result;
    if (lhr.runtimeError) throw new Error(`Lighthouse: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
    for (const warning of lhr.runWarnings) log(`lighthouse: warning for ${url}: ${warning}`);
    return { lhr, html: typeof result.report === 'string' ? result.report : '' };
  } finally {
    chrome.kill();
    open.delete(chrome);
  }
}

/** What holds a category back: its weighted audits that do not pass, with Lighthouse's own words. */
function shortfalls(lhr: Result, category: string): string[] {
  const refs = lhr.categories[category]?.auditRefs ?? [];
  return (
    refs
      // Performance: its opportunities and diagnostics too (weight 0, but they say why the metrics are what they are).
      .filter((ref) => ref.weight > 0 || category === 'performance')
      .map((ref) => lhr.audits[ref.id])
      .filter((a): a is NonNullable<typeof a> => !!a && a.score !== null && a.score < 0.9 && a.scoreDisplayMode !== 'informative')
      .map((a) => `${a.id}${a.displayValue ? ` (${a.displayValue})` : ''}`)
  );
}

type NetworkItem = { url: string; resourceType?: string; transferSize?: number; resourceSize?: number };

/** The scripts Chromium actually fetched, from the network-requests audit: kB on the wire and decoded. */
export function scriptBytes(lhr: Result): { files: number; transferKb: number; resourceKb: number } {
  const items = ((lhr.audits['network-requests']?.details as { items?: NetworkItem[] } | undefined)?.items ?? []).filter((i) => i.resourceType === 'Script');
  const sum = (k: 'transferSize' | 'resourceSize') => items.reduce((n, i) => n + (i[k] ?? 0), 0) / 1024;
  return { files: items.length, transferKb: round(sum('transferSize'), 1), resourceKb: round(sum('resourceSize'), 1) };
}

export type LighthouseMedians = { performance: number; lcpMs: number; runs: number };

/** The median of an odd or even list (the mean of the middle two). */
function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * lighthouse_mobile_<page>: Lighthouse's performance score (0–100) for each page, mobile form factor,
 * default simulated throttling, each page `runs` times in a fresh Chromium (rounds interleaved, so
 * drift in the machine's load hits every page alike); the figure is the median run. The median
 * run's four category scores and its metrics go into the figure's line; what holds each category
 * under 90 is logged, and its report is saved under bench/out/lighthouse/. Returns each page's median
 * performance score and median LCP over its runs (for lighthouse_delta_*, against the reference).
 * Simulated throttling scales the CPU time Chromium really spent: a busy machine lowers the score.
 */
export async function measureLighthouse(opts: { origin: string; pages: LighthousePage[]; runs?: number }): Promise<Map<string, LighthouseMedians>> {
  const runs = opts.runs ?? Number(process.env.BENCH_LIGHTHOUSE_RUNS || 5);
  const medians = new Map<string, LighthouseMedians>();
  fs.mkdirSync(OUT_DIR, { recursive: true });
  // Warm each page once, so no run pays for a first render the others do not.
  const url = (page: LighthousePage) => (page.origin ?? opts.origin) + page.path;
  for (const page of opts.pages) await (await fetch(url(page))).arrayBuffer();

  const results = new Map<string, Run[]>(opts.pages.map((p) => [p.figure, []]));
  for (let i = 1; i <= runs; i++) {
    for (const page of opts.pages) {
      const run = await runOnce(url(page));
      results.get(page.figure)!.push(run);
      log(`lighthouse: ${page.path} run ${i}/${runs}: ${CATEGORIES.map((c) => `${c} ${score(run.lhr, c)}`).join(', ')}`);
    }
  }

  for (const page of opts.pages) {
    const all = results.get(page.figure)!;
    const sorted = all.map((r) => r.lhr).sort((a, b) => score(a, 'performance') - score(b, 'performance'));
    const middle = sorted[Math.floor((sorted.length - 1) / 2)]!;
    const base = path.join(OUT_DIR, page.figure);
    fs.writeFileSync(`${base}.html`, all.find((r) => r.lhr === middle)!.html);
    fs.writeFileSync(`${base}.json`, JSON.stringify(middle));
    const metrics = Object.fromEntries(
      Object.entries(METRICS).map(([key, id]) => [key, round(middle.audits[id]?.numericValue ?? Number.NaN, key === 'cls' ? 3 : 0)]),
    );
    const scripts = scriptBytes(middle);
    // When Chromium really showed the first frame (the metrics above are Lantern's simulation of a slow
    // phone, which counts everything that happened before it): a late one means a held first frame.
    const observed = (middle.audits['metrics']?.details as { items?: Array<Record<string, number>> } | undefined)?.items?.[0];
    medians.set(page.figure, {
      performance: median(all.map((r) => score(r.lhr, 'performance'))),
      lcpMs: median(all.map((r) => r.lhr.audits[METRICS.lcp_ms]?.numericValue ?? Number.NaN)),
      runs: all.length,
    });
    for (const category of CATEGORIES) {
      const held = shortfalls(middle, category);
      if (score(middle, category) < 100 && held.length) log(`lighthouse: ${page.path} ${category} ${score(middle, category)}: ${held.join('; ')}`);
    }
    log(
      `lighthouse: ${page.path}: performance ${sorted.map((r) => score(r, 'performance')).join(' / ')} → median ${score(middle, 'performance')}; ` +
        `scripts Chromium fetched: ${scripts.files} files, ${scripts.transferKb} kB transferred, ${scripts.resourceKb} kB decoded; ` +
        `report ${base}.html`,
    );
    emit({
      figure: page.figure,
      value: score(middle, 'performance'),
      unit: 'score',
      goal: page.goal ?? 'none: printed; the goal is lighthouse_delta_* (against the blank app of the same run)',
      extra: {
        path: page.path,
        runs,
        accessibility: score(middle, 'accessibility'),
        best_practices: score(middle, 'best-practices'),
        seo: score(middle, 'seo'),
        ...metrics,
        script_transfer_kb: scripts.transferKb,
        script_decoded_kb: scripts.resourceKb,
        script_files: scripts.files,
        observed_first_paint_ms: round(observed?.observedFirstContentfulPaint ?? Number.NaN, 0),
        // Lighthouse's own measure of this machine's CPU, per run: simulated throttling scales by it.
        benchmark_index: all.map((r) => Math.round(r.lhr.environment.benchmarkIndex)).join(' '),
      },
    });
  }
  return medians;
}
