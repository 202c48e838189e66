/**
 * Benchmarks: one JSON line per figure on stdout, progress on stderr.
 *
 *   npm run bench                         all figures (builds into .next-bench first)
 *   npm run bench -- --only=ttfb,rps      some of them: ttfb, rps, js, lighthouse, chunk, idle, nearest, search, live, reservations, slots, price, import
 *   npm run bench -- --no-build           reuse the last .next-bench build
 *
 * What each figure measures: docs/benchmarks.md. Figures and goals, the machine they were last
 * measured on and how: BENCHMARKS.md.
 *
 * Env: BENCH_DATABASE_URL (PostgreSQL for the large-scale figure, default
 * postgres://postgres@127.0.0.1:5432/comptoir_bench), BENCH_RESEED=1 to reseed it. The live figure
 * makes a database of its own beside it (comptoir_bench_live, dropped after); BENCH_LIVE_CONNECTIONS
 * (1000) and BENCH_LIVE_UPDATES (50) size it.
 * Product pages are served from a PGlite folder of their own, .data/bench, seeded at demo scale;
 * the same server answers the first-load JS figure and Lighthouse (Debian's Chromium,
 * /usr/bin/chromium or CHROME_PATH; BENCH_LIGHTHOUSE_RUNS runs per page, default 5).
 * Three figures are floors rather than the store's own: static_page_rps (the same server on a
 * prerendered page), reference_first_load_js_kb and lighthouse_mobile_reference (bench/reference, a
 * blank Next.js app built and served beside the store): what the framework costs on this machine.
 * The goals are on the store over its floor, measured in the same run: product_page_rps_ratio
 * (and _my_store), product_own_js_kb and lighthouse_delta_* (bench/figures/ratios.ts).
 */
import fs from 'node:fs';
import path from 'node:path';
import { openConnection } from '../lib/db/client';
import { sql } from 'drizzle-orm';
import { measureLiveLatency, prepareLiveLatency } from './figures/live-latency';
import { measureNearestStores, prepareNearestStores } from './figures/nearest-stores';
import { measureSearch } from './figures/search';
import { measureReservations } from './figures/reservations';
import { measureSlotBookings } from './figures/slot-bookings';
import { measureImport } from './figures/import';
import { measureProductRps } from './figures/product-rps';
import { measureProductTtfb } from './figures/product-ttfb';
import { measureFirstLoadJs } from './figures/first-load-js';
import { measureLighthouse } from './figures/lighthouse';
import { measureFirstChunk } from './figures/first-chunk';
import { measureIdleCpu } from './figures/idle-cpu';
import { emitLighthouseDeltas, emitOwnJs, emitRpsRatio } from './figures/ratios';
import { killAll, run, tsxArgs } from './lib/proc';
import { log, timed } from './lib/report';
import { buildApp, startServer, type RunningServer } from './lib/server';

/** A page prerendered at build time: the baseline a dynamic page is compared with. */
const STATIC_PATH = '/about';
const productPath = (slug: string) => `/p/${encodeURIComponent(slug)}`;
const DIST_DIR = '.next-bench';
/** The blank Next.js app whose figures are the framework's floor on this machine (BENCHMARKS.md). */
const REFERENCE_APP = path.join('bench', 'reference');
const REFERENCE_DIST_DIR = '.next-reference'; // its next.config.js, inside bench/reference
const FLOOR_GOAL = "none: the framework's floor on this machine, under the store's figure";
const PGLITE_DIR = path.resolve('.data', 'bench');

const ALL = ['ttfb', 'rps', 'js', 'lighthouse', 'chunk', 'idle', 'nearest', 'search', 'live', 'reservations', 'slots', 'price', 'import'];
/** The figures that need the production server over .data/bench. */
const PRODUCT_SERVER = ['ttfb', 'rps', 'js', 'lighthouse', 'chunk', 'idle'];
/** The "my store" cookie (lib/stores/my-store.ts, MY_STORE_COOKIE; that module is server-only). */
const MY_STORE_COOKIE = 'my_store';

const args = process.argv.slice(2);
const only = new Set(
  args
    .find((a) => a.startsWith('--only='))
    ?.slice('--only='.length)
    .split(',') ?? ALL,
);
const unknown = [...only].filter((o) => !ALL.includes(o));
if (unknown.length) {
  process.stderr.write(`unknown --only figure(s): ${unknown.join(', ')}; known: ${ALL.join(', ')}\n`);
  process.exit(2);
}
const skipBuild = args.includes('--no-build');

let building: Promise<void> | undefined;
/** One build for every figure that needs a server. */
function ensureBuild(): Promise<void> {
  building ??= skipBuild ? Promise.resolve() : timed(`next build into ${DIST_DIR}`, () => buildApp(DIST_DIR));
  return building;
}

/** The reference app's build, for the js and lighthouse figures (alongside the store's: it is small). */
function buildReference(): Promise<void> {
  if (!(only.has('js') || only.has('lighthouse'))) return Promise.resolve();
  if (skipBuild && fs.existsSync(path.join(REFERENCE_APP, REFERENCE_DIST_DIR))) return Promise.resolve();
  return timed(`next build ${REFERENCE_APP}`, () => buildApp(REFERENCE_DIST_DIR, REFERENCE_APP));
}

function startReference(): Promise<RunningServer> {
  return startServer({ distDir: REFERENCE_DIST_DIR, appDir: REFERENCE_APP, env: {}, readyPath: '/' });
}

// The product pages use PGlite; PostgreSQL comes only from BENCH_DATABASE_URL, explicitly.
if (process.env.DATABASE_URL) log('ignoring DATABASE_URL (the bench uses .data/bench and BENCH_DATABASE_URL)');
delete process.env.DATABASE_URL;

async function seedDemo(): Promise<void> {
  await run(process.execPath, tsxArgs('lib/db/setup.ts', '--reset'), {
    env: { ...process.env, PGLITE_DIR, SEED_SCALE: 'demo' },
  });
}

/** What the figures ask of the database: a PGlite folder has one process at a time, so read before the server starts. */
type BenchFacts = {
  slugs: string[];
  /** The first product's French name and the price of the SKU its page shows first. */
  first: { name: string; priceCents: number; skuId: number };
  /** A store, for the "my store" cookie and the live-stock stream. */
  storeId: number;
  /** The first SKU of each product: what a product page's browser asks the stock of. */
  skuIds: number[];
};

async function readBenchFacts(limit: number): Promise<BenchFacts> {
  process.env.PGLITE_DIR = PGLITE_DIR;
  const connection = await openConnection();
  try {
    const slugs = (await connection.db.execute<{ slug: string }>(sql`SELECT slug FROM products ORDER BY id LIMIT ${limit}`)).rows.map((r) => r.slug);
    const [first] = (
      await connection.db.execute<{ name: string; price_cents: number; sku_id: number }>(
        sql`SELECT p.name_fr AS name, s.price_cents, s.id AS sku_id FROM products p JOIN skus s ON s.product_id = p.id
            WHERE p.slug = ${slugs[0] ?? ''} ORDER BY s.position, s.id LIMIT 1`,
      )
    ).rows;
    const [store] = (await connection.db.execute<{ id: number }>(sql`SELECT location_id AS id FROM stores ORDER BY location_id LIMIT 1`)).rows;
    if (!first || !store) throw new Error('the demo seed has no product with a SKU, or no store');
    const skuIds = (
      await connection.db.execute<{ id: number }>(
        sql`SELECT (SELECT s.id FROM skus s WHERE s.product_id = p.id ORDER BY s.position, s.id LIMIT 1) AS id FROM products p ORDER BY p.id LIMIT ${limit}`,
      )
    ).rows.flatMap((r) => (r.id === null ? [] : [Number(r.id)]));
    return { slugs, first: { name: first.name, priceCents: first.price_cents, skuId: first.sku_id }, storeId: store.id, skuIds };
  } finally {
    await connection.close();
  }
}

type Attempt = (label: string, fn: () => Promise<void>) => Promise<void>;

/**
 * The database figures' setup (the large PostgreSQL seed, the live figure's database): started at
 * once, so it runs while the store builds rather than after; never while a figure is measured.
 */
type Prepared = { nearest?: Promise<string>; live?: Promise<string> };
function prepareDatabaseFigures(): Prepared {
  const prepared: Prepared = {
    // The large PostgreSQL seed: the nearest-stores and the search figures both read it.
    nearest: only.has('nearest') || only.has('search') ? prepareNearestStores() : undefined,
    live: only.has('live') ? prepareLiveLatency() : undefined,
  };
  // A failure is reported where the figure awaits it; not an unhandled rejection meanwhile.
  for (const p of Object.values(prepared)) p?.catch(() => {});
  return prepared;
}

const settled = (prepared: Prepared) => Promise.allSettled([prepared.nearest, prepared.live]);

/** The figures served by one `next start` over .data/bench; each may fail without stopping the others. */
async function productFigures(attempt: Attempt, prepared: Prepared): Promise<void> {
  await Promise.all([timed('seeding .data/bench (demo scale)', seedDemo), ensureBuild(), buildReference(), settled(prepared)]);
  const facts = await readBenchFacts(200);
  const { slugs } = facts;
  if (slugs.length === 0) throw new Error('the demo seed has no products');
  log(`using ${slugs.length} product pages (${productPath(slugs[0]!)} …) and ${STATIC_PATH} as the static page`);

  const server = await startServer({ distDir: DIST_DIR, env: { PGLITE_DIR }, readyPath: STATIC_PATH });
  const serverStarted = Date.now();
  let reference: RunningServer | undefined;
  try {
    if (only.has('js') || only.has('lighthouse')) reference = await startReference();
    for (const p of [STATIC_PATH, productPath(slugs[0]!)]) {
      const res = await fetch(server.origin + p);
      await res.arrayBuffer();
      if (res.status !== 200) throw new Error(`${p} answered ${res.status}, not 200: fix the page before measuring it`);
    }
    const productPaths = slugs.map(productPath);
    if (only.has('ttfb')) {
      await attempt('product ttfb', () =>
        timed('product_ttfb_ratio', () => measureProductTtfb({ origin: server.origin, productPaths: productPaths.slice(0, 50), staticPath: STATIC_PATH })),
      );
    }
    if (only.has('rps')) {
      let product: number | undefined;
      let myStore: number | undefined;
      let ceiling: number | undefined;
      let stock: number | undefined;
      await attempt('product rps', async () => {
        product = await timed('product_page_rps', () => measureProductRps({ origin: server.origin, productPaths, firstVisits: true }));
      });
      // The same pages for a shopper who chose a store (the header and the stock panels read it).
      await attempt('product rps, my store', async () => {
        myStore = await timed('product_page_rps_my_store', () =>
          measureProductRps({
            origin: server.origin,
            productPaths,
            figure: 'product_page_rps_my_store',
            headers: { cookie: `${MY_STORE_COOKIE}=${facts.storeId}` },
          }),
        );
      });
      // What a product page's browser asks per visit (the page itself is the same for everyone): my
      // store's stock, its 5 nearest, the web's and the click & reserve shops, with a "my store" cookie.
      await attempt('product stock api rps, my store', async () => {
        stock = await timed('product_stock_api_rps_my_store', () =>
          measureProductRps({
            origin: server.origin,
            productPaths: facts.skuIds.map((id) => `/api/availability/product?sku=${id}`),
            figure: 'product_stock_api_rps_my_store',
            goal: 'none: the per-visitor part of a product page (GET /api/availability/product), beside static_page_rps',
            headers: { cookie: `${MY_STORE_COOKIE}=${facts.storeId}` },
          }),
        );
      });
      // The same server and load on the prerendered static page: what `next start` serves at best here.
      await attempt('static rps', async () => {
        ceiling = await timed('static_page_rps', () =>
          measureProductRps({
            origin: server.origin,
            productPaths: [STATIC_PATH],
            durationMs: 10_000, // a steady figure sooner than the product's: ~6,000 pages
            figure: 'static_page_rps',
            goal: "none: this server's ceiling, under product_page_rps_ratio",
          }),
        );
      });
      if (ceiling) {
        if (product) emitRpsRatio({ figure: 'product_page_rps_ratio', productRps: product, staticRps: ceiling, atLeast: 0.5, note: 'no cookie' });
        if (myStore)
          emitRpsRatio({ figure: 'product_page_rps_ratio_my_store', productRps: myStore, staticRps: ceiling, atLeast: 0.4, note: 'a "my store" cookie' });
        if (stock)
          emitRpsRatio({ figure: 'product_stock_api_rps_ratio', productRps: stock, staticRps: ceiling, note: 'informative: the stock read per visit' });
      }
    }
    if (only.has('js')) {
      let product: number | undefined;
      let floor: number | undefined;
      await attempt('first-load js', async () => {
        product = await timed('product_first_load_js_kb', () => measureFirstLoadJs({ origin: server.origin, productPath: productPaths[0]! }));
      });
      await attempt('reference first-load js', async () => {
        floor = await timed('reference_first_load_js_kb', () =>
          measureFirstLoadJs({ origin: reference!.origin, productPath: '/', figure: 'reference_first_load_js_kb', goal: FLOOR_GOAL }),
        );
      });
      if (product !== undefined && floor !== undefined) emitOwnJs(product, floor);
    }
    if (only.has('chunk')) {
      await attempt('first chunk', () =>
        timed('product_first_chunk_has_name_price', () =>
          measureFirstChunk({ origin: server.origin, productPath: productPaths[0]!, name: facts.first.name, priceCents: facts.first.priceCents }),
        ),
      );
    }
    if (only.has('lighthouse')) {
      await attempt('lighthouse', async () => {
        const medians = await timed('lighthouse_mobile_home, _product, _stores', () =>
          measureLighthouse({
            origin: server.origin,
            pages: [
              // Lighthouse's Chrome asks for English (Accept-Language en-US): its pages at their
              // English URLs, as before the URL per language, so no redirect is measured.
              { figure: 'lighthouse_mobile_home', path: '/en' },
              { figure: 'lighthouse_mobile_product', path: `/en${productPaths[0]!}` },
              { figure: 'lighthouse_mobile_stores', path: '/en/stores' },
              { figure: 'lighthouse_mobile_reference', path: '/', origin: reference!.origin, goal: FLOOR_GOAL },
            ],
          }),
        );
        emitLighthouseDeltas(
          medians,
          [
            { figure: 'lighthouse_delta_home', of: 'lighthouse_mobile_home' },
            { figure: 'lighthouse_delta_product', of: 'lighthouse_mobile_product' },
            { figure: 'lighthouse_delta_stores', of: 'lighthouse_mobile_stores' },
          ],
          'lighthouse_mobile_reference',
        );
      });
    }
    // Last, when nobody visits any more: the server as the other figures and a live page left it.
    if (only.has('idle')) {
      await reference?.stop();
      reference = undefined;
      await attempt('idle cpu', async () => {
        await timed('idle_cpu_pct (30 s)', () =>
          measureIdleCpu({
            pid: server.child.pid!,
            origin: server.origin,
            warmPaths: ['/', productPaths[0]!, '/stores', STATIC_PATH],
            streamPath: `/api/availability/stream?sku=${facts.first.skuId}&stores=${facts.storeId}&warehouse=1`,
            // A server that has served the other figures for a minute is past its start-up tail.
            settleMs: Date.now() - serverStarted > 60_000 ? 10_000 : 15_000,
          }),
        );
      });
    }
  } finally {
    await Promise.all([server.stop(), reference?.stop()]);
  }
}

async function main() {
  const started = Date.now();
  let failed = false;
  const attempt: Attempt = async (label, fn) => {
    try {
      await fn();
    } catch (err) {
      failed = true;
      log(`${label} FAILED: ${err instanceof Error ? err.message : String(err)}`);
    }
  };
  const prepared = prepareDatabaseFigures();
  if (PRODUCT_SERVER.some((f) => only.has(f))) await attempt('product pages', () => productFigures(attempt, prepared));
  await settled(prepared);
  if (only.has('nearest')) {
    await attempt('nearest stores', () => timed('nearest_stores_query_p50_ms', () => measureNearestStores({ prepared: prepared.nearest })));
  }
  if (only.has('search')) {
    await attempt('search', () => timed('search_recall_at_10, search_p95_ms', () => measureSearch({ prepared: prepared.nearest })));
  }
  if (only.has('reservations')) await attempt('reservations', () => timed('reservations_per_s, oversold_units', () => measureReservations()));
  if (only.has('slots')) await attempt('slot bookings', () => timed('slot_bookings_per_s, overbooked_slots', () => measureSlotBookings()));
  if (only.has('import')) await attempt('import', () => timed('import_rows_per_s', () => measureImport()));
  if (only.has('live')) {
    await attempt('live latency', () => timed('live_latency_p95_ms', () => measureLiveLatency({ distDir: DIST_DIR, ensureBuild, prepared: prepared.live })));
  }
  if (only.has('price')) {
    // Two servers on PostgreSQL (a database of its own): a price's commit → both product pages.
    const { measurePriceChangeVisible } = await import('./figures/price-change-visible');
    await attempt('price change visible', () => timed('price_change_visible_ms', () => measurePriceChangeVisible({ distDir: DIST_DIR, ensureBuild })));
  }
  log(`bench finished in ${((Date.now() - started) / 1000).toFixed(0)} s${failed ? ' with failures' : ''}`);
  process.exit(failed ? 1 : 0);
}

main().catch((err) => {
  log(err instanceof Error ? (err.stack ?? err.message) : String(err));
  killAll('SIGKILL');
  process.exit(1);
});
