import { emit, log } from '../lib/report';
import { round } from '../lib/stats';
import type { LighthouseMedians } from './lighthouse';

/**
 * Figures computed from others of the same run, on the same machine at the same moment: the store
 * against the framework's floor (BENCHMARKS.md, "The floor"), so that the machine's speed and load
 * cancel out.
 */

/** product_page_rps_ratio[_my_store]: product pages per second ÷ static_page_rps (same server, same load). */
export function emitRpsRatio(opts: { figure: string; productRps: number; staticRps: number; atLeast?: number; note: string }): void {
  const ratio = opts.productRps / opts.staticRps;
  emit({
    figure: opts.figure,
    value: round(ratio, 3),
    unit: 'ratio',
    goal: opts.atLeast === undefined ? `none (${opts.note})` : `≥ ${opts.atLeast} (${opts.note})`,
    ...(opts.atLeast === undefined ? {} : { met: ratio >= opts.atLeast }),
    extra: { product_rps: round(opts.productRps, 1), static_rps: round(opts.staticRps, 1) },
  });
}

/** product_own_js_kb: the product page's first-load JS over the blank app's (the framework's). */
export function emitOwnJs(productKb: number, referenceKb: number): void {
  const own = productKb - referenceKb;
  emit({
    figure: 'product_own_js_kb',
    value: round(own, 1),
    unit: 'kB (gzip)',
    goal: '≤ 10 kB over reference_first_load_js_kb',
    met: own <= 10,
    extra: { product_kb: round(productKb, 1), reference_kb: round(referenceKb, 1) },
  });
}

/**
 * lighthouse_delta_<page>: the page's median performance score minus the reference page's, over
 * the same interleaved runs; its line also has the median LCP's difference. Goal: ≥ −3 points and
 * an LCP at most 0.3 s later than the blank page's.
 */
export function emitLighthouseDeltas(medians: Map<string, LighthouseMedians>, pages: { figure: string; of: string }[], reference: string): void {
  const ref = medians.get(reference);
  if (!ref) throw new Error(`no Lighthouse median for ${reference}`);
  for (const page of pages) {
    const m = medians.get(page.of);
    if (!m) {
      log(`lighthouse: no median for ${page.of}, so no ${page.figure}`);
      continue;
    }
    const delta = m.performance - ref.performance;
    const lcpDeltaS = (m.lcpMs - ref.lcpMs) / 1000;
    emit({
      figure: page.figure,
      value: round(delta, 1),
      unit: 'points',
      goal: '≥ −3, and lcp_delta_s ≤ +0.3 s',
      met: delta >= -3 && lcpDeltaS <= 0.3,
      extra: {
        lcp_delta_s: round(lcpDeltaS, 2),
        performance: m.performance,
        reference_performance: ref.performance,
        lcp_s: round(m.lcpMs / 1000, 2),
        reference_lcp_s: round(ref.lcpMs / 1000, 2),
        runs: Math.min(m.runs, ref.runs),
      },
    });
  }
}
