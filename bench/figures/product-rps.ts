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
}): Promise<number> {
  const concurrency = opts.concurrency ?? 10;
  const durationMs = opts.durationMs ?? 20_000;
  const urls = opts.productPaths.map((p) => opts.origin + p);
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
