import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { euros, firstShowing, readProductPage } from '../../e2e/support/product-page';
import { dropScratchDatabase, seededScratchDatabase } from '../lib/scratch-db';
import { emit, log } from '../lib/report';
import { startServer, type RunningServer } from '../lib/server';
import { percentile, round } from '../lib/stats';

const CHANGES = Number(process.env.BENCH_PRICE_CHANGES || 20);
const WITHDRAWALS = Number(process.env.BENCH_WITHDRAWALS || 5);
const NAME = 'comptoir_bench_price';
const SETTLE_MS = Number(process.env.BENCH_PRICE_SETTLE_MS || 3_000);

/**
 * price_change_visible_ms (p95): from a price change's COMMIT (an UPDATE by SQL, as an importer
 * makes it) to the moment the product page of each of two `next start` servers on one PostgreSQL
 * database shows the new price — its cached read warmed beforehand on both servers, so the figure is
 * the invalidation's path (trigger → NOTIFY → each process's listener → its cache) plus one render.
 * Each server is read in a loop, one request after another; a reading counts when its answer arrives.
 *
 * withdrawal_visible_ms (p95): the same path for a product withdrawn by SQL (`withdrawn_at` set),
 * to the moment both servers answer its page 404 — the proxy's list of known slugs is forgotten on
 * the same announcement (lib/routing/known-slugs.ts).
 */
export async function measurePriceChangeVisible(opts: { distDir: string; ensureBuild: () => Promise<void> }): Promise<void> {
  try {
    const [url] = await Promise.all([seededScratchDatabase(NAME, 'price'), opts.ensureBuild()]);
    await measure(url, opts.distDir);
  } finally {
    await dropScratchDatabase(NAME, 'price');
  }
}

async function measure(url: string, distDir: string): Promise<void> {
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  const servers: RunningServer[] = [];
  try {
    const start = () => startServer({ distDir, env: { DATABASE_URL: url }, readyPath: '/api/availability?sku=1&warehouse=1' });
    servers.push(...(await Promise.all([start(), start()])));
    // One SKU of each of CHANGES products, spread over the catalogue.
    const picked = (
      await db.query<{ slug: string; sku: number; price: number }>(
        `SELECT DISTINCT ON (p.id) p.slug, k.id AS sku, k.price_cents AS price FROM products p JOIN skus k ON k.product_id = p.id
         WHERE p.withdrawn_at IS NULL ORDER BY p.id, k.id LIMIT $1`,
        [CHANGES + WITHDRAWALS],
      )
    ).rows;
    if (picked.length < CHANGES + WITHDRAWALS) throw new Error(`the demo seed has ${picked.length} products, fewer than ${CHANGES + WITHDRAWALS}`);
    const targets = picked.slice(0, CHANGES);

    /** Kept on both servers with `price`: read until served whole from the cache (HIT). */
    const kept = async (slug: string, sku: number, price: number) => {
      for (const server of servers) {
        for (let n = 0; ; n++) {
          const page = await readProductPage(server.origin, slug, sku);
          if (page.price !== euros(price)) throw new Error(`${server.origin}/p/${slug} shows ${page.status} ${page.price}, not ${euros(price)}`);
          if (page.cache === 'HIT') break;
          if (n >= 10) throw new Error(`${server.origin}/p/${slug} is not served from the cache after ${n + 1} reads (x-nextjs-cache: ${page.cache})`);
        }
      }
      // …and no render of it still under way: the first visits also start one in the background,
      // which could finish after the change with the old price (what REPEAT_AFTER_MS in
      // lib/cache/catalog-expiry.ts expires again, after 2 s: a different figure from this one).
      await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
    };

    const latencies: number[] = [];
    for (const [i, { slug, sku, price }] of targets.entries()) {
      await kept(slug, sku, price);
      const changed = price + 1 + i;
      await db.query('UPDATE skus SET price_cents = $1 WHERE id = $2', [changed, sku]);
      const committed = performance.now(); // autocommit: the COMMIT has returned
      const shown = await Promise.all(servers.map((s) => firstShowing(s.origin, slug, sku, (page) => page.price === euros(changed))));
      for (const at of shown) latencies.push(at - committed);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const withdrawals: number[] = [];
    for (const { slug, sku, price } of picked.slice(CHANGES)) {
      await kept(slug, sku, price);
      await db.query('UPDATE products SET withdrawn_at = now() WHERE slug = $1', [slug]);
      const committed = performance.now();
      const gone = await Promise.all(servers.map((s) => firstShowing(s.origin, slug, sku, (page) => page.status === 404)));
      for (const at of gone) withdrawals.push(at - committed);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    log(
      `withdrawal: ${WITHDRAWALS} products × 2 servers: p50 ${round(percentile(withdrawals, 50))} ms, p95 ${round(percentile(withdrawals, 95))} ms, ` +
        `max ${round(Math.max(...withdrawals))} ms`,
    );
    emit({
      figure: 'withdrawal_visible_ms',
      value: round(percentile(withdrawals, 95)),
      unit: 'ms',
      goal: '≤ 1,000 ms (p95, commit → both servers answer the product page 404)',
      extra: { p50_ms: round(percentile(withdrawals, 50)), max_ms: round(Math.max(...withdrawals)), samples: withdrawals.length },
    });
    log(
      `price: ${CHANGES} changes × 2 servers: p50 ${round(percentile(latencies, 50))} ms, p95 ${round(percentile(latencies, 95))} ms, ` +
        `max ${round(Math.max(...latencies))} ms`,
    );
    emit({
      figure: 'price_change_visible_ms',
      value: round(percentile(latencies, 95)),
      unit: 'ms',
      goal: '≤ 1,000 ms (p95, commit → both servers’ product page)',
      extra: { p50_ms: round(percentile(latencies, 50)), max_ms: round(Math.max(...latencies)), samples: latencies.length },
    });
  } finally {
    await db.end();
    await Promise.all(servers.map((s) => s.stop()));
  }
}
