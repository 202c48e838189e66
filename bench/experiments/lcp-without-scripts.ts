/**
 * How much of a page's Lighthouse LCP its scripts cost: the same document served as it is, with
 * every script removed (so nothing hydrates), and with its scripts `defer` instead of `async`
 * (they then run once the document is parsed, after a first paint, rather than as soon as they
 * arrive), through one proxy in front of a running server, Lighthouse runs interleaved. If the
 * stripped page's LCP falls to its FCP, the gap is what the scripts cost in Lighthouse's simulation
 * (Lantern counts every request started before the observed LCP, and the CPU they take), not the
 * document's weight, CSS or images; the deferred page shows whether the scripts' timing alone is it,
 * and the page with its stylesheet inlined whether a first paint that waits for nothing comes
 * before the scripts; the page without its manifest link, whether that request (made before a first
 * paint) is counted; the store list with 12 of its cards (few_cards), what its first frame's size costs.
 *   npx tsx bench/experiments/lcp-without-scripts.ts <runs> http://127.0.0.1:3120 / /stores /p/<slug>
 *   EXPERIMENT_VARIANTS=as_is,no_manifest … runs only those variants; EXPERIMENT_REFERENCE=http://127.0.0.1:3302
 *   adds the blank reference app (bench/reference) to the same interleaved runs.
 */
import http from 'node:http';
import zlib from 'node:zlib';
import { measureLighthouse, pageFigureName, type LighthousePage } from '../figures/lighthouse';

const [runsArg = '3', origin = 'http://127.0.0.1:3120', ...paths] = process.argv.slice(2);
const PORT = 3139;
// EXPERIMENT_VARIANTS=as_is,no_manifest runs only those.
const only = process.env.EXPERIMENT_VARIANTS ? new Set(process.env.EXPERIMENT_VARIANTS.split(',')) : undefined;

/** The document without its scripts: inline and external <script>, and script preloads. */
function strip(html: string): string {
  return html
    .replace(/<script\b[^>]*>[\s\S]*?<\/script>/gi, '')
    .replace(/<link\b[^>]*\brel="(?:modulepreload|preload)"[^>]*\bas="script"[^>]*>/gi, '')
    .replace(/<link\b[^>]*\bas="script"[^>]*\brel="preload"[^>]*>/gi, '');
}

/** The document with its external scripts deferred: the App Router writes them `async` (vercel/next.js#66958). */
function deferScripts(html: string): string {
  return html.replace(/<script\b([^>]*)\basync=""([^>]*)>/gi, (tag, before: string, after: string) =>
    /\bsrc=/.test(tag) ? `<script${before}defer=""${after}>` : tag,
  );
}

/** The document with its stylesheets in `<style>` tags: nothing left to wait for before a first paint. */
async function inlineStylesheets(html: string): Promise<string> {
  const links = [...html.matchAll(/<link\b[^>]*\brel="stylesheet"[^>]*\bhref="([^"]+)"[^>]*>/gi)];
  for (const [tag, href] of links) {
    const css = await (await fetch(origin + href)).text();
    html = html.replace(tag, () => `<style>${css}</style>`);
  }
  return html;
}

/** The document without its web app manifest link (fetched at Medium priority, before a first paint). */
function stripManifest(html: string): string {
  return html.replace(/<link\b[^>]*\brel="manifest"[^>]*>/gi, '');
}

/**
 * The store list's document with only its first 12 store cards (of 57): what a first frame costs
 * with fewer cards to parse and lay out. The RSC payload still has them all, so React finds the
 * document short and renders the list again in the browser: only the first paint means something.
 */
function fewStoreCards(html: string): string {
  let seen = 0;
  return html.replace(/<li><article[^>]*class="store-card[\s\S]*?<\/article><\/li>/g, (card) => (++seen <= 12 ? card : ''));
}

/** Each variant: its query parameter, its figure's suffix, and what it does to the document. */
const VARIANTS: Array<{ param: string; suffix: string; transform: (html: string) => string | Promise<string> }> = [
  { param: 'no-scripts', suffix: 'no_scripts', transform: strip },
  { param: 'defer-scripts', suffix: 'deferred', transform: deferScripts },
  { param: 'inline-css', suffix: 'inline_css', transform: inlineStylesheets },
  { param: 'no-manifest', suffix: 'no_manifest', transform: stripManifest },
  { param: 'few-cards', suffix: 'few_cards', transform: fewStoreCards },
];

const proxy = http.createServer(async (req, res) => {
  const url = new URL(req.url ?? '/', 'http://x');
  const variant = VARIANTS.find((v) => url.searchParams.has(v.param));
  for (const v of VARIANTS) url.searchParams.delete(v.param);
  const upstream = await fetch(origin + url.pathname + url.search, { headers: { 'accept-language': 'en', accept: String(req.headers.accept ?? '*/*') } });
  const type = upstream.headers.get('content-type') ?? 'application/octet-stream';
  const body = Buffer.from(await upstream.arrayBuffer());
  const out = variant && type.startsWith('text/html') ? Buffer.from(await variant.transform(body.toString('utf8'))) : body;
  // Compressed as the server itself sends it (fetch above took its compression off): the simulated
  // network must carry what a phone would be sent.
  const gzip = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
  res.writeHead(upstream.status, {
    'content-type': type,
    'cache-control': upstream.headers.get('cache-control') ?? 'no-store',
    ...(gzip ? { 'content-encoding': 'gzip' } : {}),
  });
  res.end(gzip ? zlib.gzipSync(out) : out);
});
void (async () => {
  await new Promise<void>((resolve) => proxy.listen(PORT, '127.0.0.1', resolve));

  const pages: LighthousePage[] = (paths.length ? paths : ['/']).flatMap((p) => {
    const name = pageFigureName(p);
    const variantPages = VARIANTS.map((v) => ({
      figure: `experiment_${name}_${v.suffix}`,
      path: `${p}${p.includes('?') ? '&' : '?'}${v.param}`,
      goal: 'none',
    }));
    return [{ figure: `experiment_${name}_as_is`, path: p, goal: 'none' }, ...variantPages].filter(
      (page) => !only || only.has(page.figure.slice(`experiment_${name}_`.length)),
    );
  });
  // The blank app's own server, measured in the same interleaved runs: the floor the deltas are taken against.
  if (process.env.EXPERIMENT_REFERENCE) pages.unshift({ figure: 'experiment_reference', path: '/', origin: process.env.EXPERIMENT_REFERENCE, goal: 'none' });
  const medians = await measureLighthouse({ origin: `http://127.0.0.1:${PORT}`, pages, runs: Number(runsArg) });
  for (const [figure, m] of medians) console.log(JSON.stringify({ figure, performance: m.performance, lcp_ms: Math.round(m.lcpMs) }));
  proxy.close();
  process.exit(0);
})();
