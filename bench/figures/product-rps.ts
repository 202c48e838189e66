import http from 'node:http';
import { performance } from 'node:perf_hooks';
import { loadLoop } from '../lib/http';
import { emit, log } from '../lib/report';
import { percentile, round } from '../lib/stats';

/**
 * product_page_rps (and its variants): product pages (rotating over many slugs, so no single page is hot) served per
 * second with 10 keep-alive connections for 20 s. Load generator and server share the machine.
 */
export async function measureProductRps(opts: {
  origin: string;
  productPaths: string[];
  concurrency?: number;
  durationMs?: number;
  /** Another figure with the same method (static_page_rps: the ceiling of this server). */
  figure?: string;
  goal?: string;
  /** Request headers: a "my store" cookie. */
  headers?: Record<string, string>;
  /** Visit each page until Next.js serves it from its cache first, and report what that cost. */
  firstVisits?: boolean;
}): Promise<number> {
  const concurrency = opts.concurrency ?? 10;
  const durationMs = opts.durationMs ?? 20_000;
  const urls = opts.productPaths.map((p) => opts.origin + p);
  if (opts.firstVisits) await firstVisits(urls);
  // A short warm-up so the figure is the steady state, not JIT and first renders.
  await loadLoop({ urls, concurrency, durationMs: 3_000, headers: opts.headers });
  const r = await loadLoop({ urls, concurrency, durationMs, headers: opts.headers });
  const rps = r.ok / (durationMs / 1000);
  log(
    `${opts.figure ?? 'rps'}: ${r.ok} pages in ${durationMs / 1000} s at ${concurrency} connections over ${urls.length} path(s); ` +
      `latency p50 ${round(percentile(r.latenciesMs, 50))} ms, p99 ${round(percentile(r.latenciesMs, 99))} ms; ` +
      `statuses ${JSON.stringify(r.byStatus)}`,
  );
  if (Object.keys(r.errors).length) log(`${opts.figure ?? 'rps'}: errors ${JSON.stringify(r.errors)}`);
  emit({
    figure: opts.figure ?? 'product_page_rps',
    value: round(rps, 1),
    unit: 'req/s',
    goal: opts.goal ?? 'none: see product_page_rps_ratio (the same server on a static page)',
  });
  return rps;
}

function get(url: string): Promise<{ ms: number; cache: string | undefined; status: number }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    http
      .get(url, { headers: { 'accept-language': 'fr-FR,fr;q=0.9' } }, (res) => {
        res.resume();
        res.on('end', () =>
          resolve({ ms: performance.now() - started, cache: res.headers['x-nextjs-cache'] as string | undefined, status: res.statusCode ?? 0 }),
        );
      })
      .on('error', reject);
  });
}

/**
 * A product page is prerendered on its first visits and then kept (docs/rendering.md):
 * this visits each page, 4 at a time, until the server answers it from its cache
 * (x-nextjs-cache: HIT), so the throughput that follows is the steady state. What the first visit
 * of a page costs is a figure of its own.
 */
async function firstVisits(urls: string[]): Promise<void> {
  const started = performance.now();
  const firstMs: number[] = [];
  const visits: number[] = [];
  let next = 0;
  async function worker() {
    while (next < urls.length) {
      const url = urls[next++]!;
      let n = 0;
      for (;;) {
        const r = await get(url);
        if (n === 0) firstMs.push(r.ms);
        n++;
        if (r.cache === 'HIT' || n >= 5 || r.status !== 200) break;
      }
      visits.push(n);
    }
  }
  await Promise.all(Array.from({ length: 4 }, worker));
  const kept = visits.filter((n) => n < 5).length;
  log(
    `first visits: ${urls.length} product pages in ${round((performance.now() - started) / 1000, 1)} s; ${kept} served from the cache after ` +
      `${round(percentile(visits, 50))} (p50) to ${Math.max(...visits)} visits; first visit p50 ${round(percentile(firstMs, 50))} ms, p95 ${round(percentile(firstMs, 95))} ms`,
  );
  emit({
    figure: 'product_first_visit_ms',
    value: round(percentile(firstMs, 50)),
    unit: 'ms',
    goal: "none: a product page's first visit (its prerender), p50, before it is kept",
  });
}
