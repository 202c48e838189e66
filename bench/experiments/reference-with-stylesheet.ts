/**
 * What a stylesheet alone costs the floor: the blank reference app served as it is, and with the
 * store's own stylesheet linked in its <head> (the same document and seven scripts; the stylesheet's
 * base layer restyles its heading, paragraph and link, nothing else), both through one proxy in front
 * of the reference server, Lighthouse runs interleaved; and the same stylesheet inlined in a <style>. The reference has no stylesheet, so its
 * first paint needs nothing but its document and comes before its scripts arrive; Lantern then
 * leaves the scripts out of its LCP. A page that waits for a stylesheet paints after its async
 * scripts have arrived and run, and Lantern counts them (docs/rendering.md, BENCHMARKS.md).
 *   npx tsx bench/experiments/reference-with-stylesheet.ts <runs> <reference origin> <store origin>
 */
import http from 'node:http';
import zlib from 'node:zlib';
import { measureLighthouse, type LighthousePage } from '../figures/lighthouse';

const [runsArg = '5', referenceOrigin = 'http://127.0.0.1:3302', storeOrigin = 'http://127.0.0.1:3300'] = process.argv.slice(2);
const PORT = 3138;
const CSS_PATH = '/store-stylesheet.css';

/** The store's stylesheet, as its home page links it. */
async function storeStylesheet(): Promise<Buffer> {
  const html = await (await fetch(`${storeOrigin}/en`)).text();
  const href = html.match(/<link\b[^>]*\brel="stylesheet"[^>]*\bhref="([^"]+)"/)?.[1];
  if (!href) throw new Error(`no stylesheet linked from ${storeOrigin}/en`);
  return Buffer.from(await (await fetch(storeOrigin + href)).arrayBuffer());
}

void (async () => {
  const stylesheet = await storeStylesheet();
  const css = zlib.gzipSync(stylesheet);
  const proxy = http.createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (url.pathname === CSS_PATH) {
      res.writeHead(200, { 'content-type': 'text/css; charset=utf-8', 'content-encoding': 'gzip', 'cache-control': 'public, max-age=31536000, immutable' });
      res.end(css);
      return;
    }
    const styled = url.searchParams.has('styled');
    const inline = url.searchParams.has('inline');
    url.searchParams.delete('styled');
    url.searchParams.delete('inline');
    const upstream = await fetch(referenceOrigin + url.pathname + url.search, { headers: { accept: String(req.headers.accept ?? '*/*') } });
    const type = upstream.headers.get('content-type') ?? 'application/octet-stream';
    let body = Buffer.from(await upstream.arrayBuffer());
    if (styled && type.startsWith('text/html')) {
      const tag = inline ? `<style>${stylesheet.toString('utf8')}</style>` : `<link rel="stylesheet" href="${CSS_PATH}"/>`;
      body = Buffer.from(body.toString('utf8').replace(/(<meta name="viewport"[^>]*>)/, (meta) => meta + tag));
    }
    // Compressed like the servers' own answers, so only the stylesheet differs between the two.
    const compress = /^(text\/|application\/(javascript|json))/.test(type) && body.length > 1024;
    res.writeHead(upstream.status, { 'content-type': type, ...(compress ? { 'content-encoding': 'gzip' } : {}) });
    res.end(compress ? zlib.gzipSync(body) : body);
  });
  await new Promise<void>((resolve) => proxy.listen(PORT, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${PORT}`;
  const pages: LighthousePage[] = [
    { figure: 'experiment_reference_as_is', path: '/', origin, goal: 'none' },
    { figure: 'experiment_reference_with_store_stylesheet', path: '/?styled', origin, goal: 'none' },
    { figure: 'experiment_reference_with_store_stylesheet_inlined', path: '/?styled&inline', origin, goal: 'none' },
  ];
  const medians = await measureLighthouse({ origin, pages, runs: Number(runsArg) });
  for (const [figure, m] of medians) console.log(JSON.stringify({ figure, performance: m.performance, lcp_ms: Math.round(m.lcpMs) }));
  proxy.close();
  process.exit(0);
})();
