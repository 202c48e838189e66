import { keepAliveAgent, timedGet } from '../lib/http';
import { emit, log } from '../lib/report';
import { percentile, round } from '../lib/stats';

/**
 * product_ttfb_ratio: how much later a product page starts arriving than a static page from the
 * same server, same run, same connection. Product pages are dynamic (stock is live), so the ratio
 * says what the dynamic part costs before the first byte; a streamed shell keeps it near 1.
 */
export async function measureProductTtfb(opts: {
  origin: string;
  productPaths: string[];
  staticPath: string;
  samples?: number;
  warmup?: number;
}): Promise<void> {
  const samples = opts.samples ?? 300;
  const warmup = opts.warmup ?? 40;
  const agent = keepAliveAgent(1);
  const product: number[] = [];
  const staticPage: number[] = [];
  const bad: Record<string, number> = {};

  const pair = async (i: number, record: boolean) => {
    const productUrl = opts.origin + opts.productPaths[i % opts.productPaths.length]!;
    // Interleaved, alternating which goes first, so drift in the machine's load hits both alike.
    const order = i % 2 === 0 ? [productUrl, opts.origin + opts.staticPath] : [opts.origin + opts.staticPath, productUrl];
    for (const url of order) {
      const r = await timedGet(url, agent);
      if (r.status !== 200) bad[`${r.status} ${url.replace(opts.origin, '')}`] = (bad[`${r.status} ${url.replace(opts.origin, '')}`] ?? 0) + 1;
      if (record) (url === productUrl ? product : staticPage).push(r.ttfbMs);
    }
  };

  for (let i = 0; i < warmup; i++) await pair(i, false);
  for (let i = 0; i < samples; i++) await pair(i, true);
  agent.destroy();

  if (Object.keys(bad).length) log(`ttfb: non-200 responses: ${JSON.stringify(bad)}`);
  const p50Product = percentile(product, 50);
  const p50Static = percentile(staticPage, 50);
  log(
    `ttfb: product p50 ${round(p50Product)} ms (p90 ${round(percentile(product, 90))}), ` +
      `static ${opts.staticPath} p50 ${round(p50Static)} ms (p90 ${round(percentile(staticPage, 90))}), ${samples} each`,
  );
  emit({ figure: 'product_ttfb_ratio', value: round(p50Product / p50Static), unit: 'ratio', goal: '≤ 1.3' });
}
