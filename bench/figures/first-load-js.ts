import { gzipSync } from 'node:zlib';
import { emit, log } from '../lib/report';
import { round } from '../lib/stats';

const KB = 1024;

/** A tag's attributes, lower-cased names, `&amp;` decoded (Next escapes the `&` in chunk URLs). */
function attributes(tag: string): Map<string, string> {
  const attrs = new Map<string, string>();
  for (const m of tag.matchAll(/([^\s"'<>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g)) {
    const name = m[1]!.toLowerCase();
    if (name === 'script' || name === 'link') continue;
    attrs.set(name, (m[2] ?? m[3] ?? m[4] ?? '').replace(/&amp;/g, '&'));
  }
  return attrs;
}

/**
 * Every JS file an HTML page makes the browser fetch on first load: `<script src>` and
 * `<link rel="modulepreload">` / `<link rel="preload" as="script">`, in document order, deduplicated.
 * `<script nomodule>` (Next's legacy polyfills) is apart: a browser that runs modules never fetches it.
 */
export function scriptUrls(html: string, base: string): { urls: string[]; nomodule: string[] } {
  const urls = new Set<string>();
  const nomodule = new Set<string>();
  for (const [tag] of html.matchAll(/<(?:script|link)\b[^>]*>/gi)) {
    const attrs = attributes(tag);
    const isScript = /^<script/i.test(tag);
    if (isScript && attrs.has('nomodule') && attrs.get('src')) {
      nomodule.add(new URL(attrs.get('src')!, base).toString());
      continue;
    }
    const rel = (attrs.get('rel') ?? '').toLowerCase().split(/\s+/);
    const href = isScript
      ? attrs.get('src')
      : rel.includes('modulepreload') || (rel.includes('preload') && attrs.get('as')?.toLowerCase() === 'script')
        ? attrs.get('href')
        : undefined;
    if (href) urls.add(new URL(href, base).toString());
  }
  return { urls: [...urls], nomodule: [...nomodule].filter((u) => !urls.has(u)) };
}

/** gzip size (node:zlib, default level) and raw size of one served file. */
async function sizes(url: string): Promise<{ raw: number; gzip: number }> {
  const r = await fetch(url);
  const body = Buffer.from(await r.arrayBuffer());
  if (r.status !== 200) throw new Error(`${url} answered ${r.status}`);
  return { raw: body.length, gzip: gzipSync(body).length };
}

/**
 * product_first_load_js_kb: the JS a product page makes the browser download before it is
 * interactive — every script its served HTML names (see scriptUrls), each fetched and gzipped with
 * node:zlib at the default level, summed, in kB of 1,024 bytes. Not counted: `nomodule` scripts
 * (logged, and in the line as nomodule_kb), inline scripts (the RSC payload Next streams into the
 * HTML: part of the document), and chunks fetched later at run time (a lazy `import()`, the
 * prefetch of a linked page's code): Lighthouse's network log, in lighthouse_mobile_product's line
 * as script_transfer_kb, is the cross-check (BENCHMARKS.md compares the two).
 */
export async function measureFirstLoadJs(opts: { origin: string; productPath: string; figure?: string; goal?: string }): Promise<number> {
  const pageUrl = opts.origin + opts.productPath;
  const res = await fetch(pageUrl, { headers: { 'accept-language': 'fr-FR,fr;q=0.9' } });
  const html = await res.text();
  if (res.status !== 200) throw new Error(`${opts.productPath} answered ${res.status}`);
  const { urls, nomodule } = scriptUrls(html, pageUrl);
  if (urls.length === 0) throw new Error(`${opts.productPath} names no script: has the page's markup changed?`);

  let raw = 0;
  let gzip = 0;
  const files: { name: string; gzip: number }[] = [];
  for (const url of urls) {
    const size = await sizes(url);
    raw += size.raw;
    gzip += size.gzip;
    files.push({ name: new URL(url).pathname.split('/').pop()!, gzip: size.gzip });
  }
  let legacy = 0;
  for (const url of nomodule) legacy += (await sizes(url)).gzip;
  files.sort((a, b) => b.gzip - a.gzip);
  log(
    `js: ${opts.productPath} loads ${urls.length} scripts, ${round(raw / KB, 1)} kB raw, ${round(gzip / KB, 1)} kB gzip ` +
      `(${files.map((f) => `${f.name} ${round(f.gzip / KB, 1)}`).join(', ')}); ` +
      `not counted: ${nomodule.length} nomodule script(s), ${round(legacy / KB, 1)} kB gzip`,
  );
  emit({
    figure: opts.figure ?? 'product_first_load_js_kb',
    value: round(gzip / KB, 1),
    unit: 'kB (gzip)',
    goal: opts.goal ?? 'none: see product_own_js_kb (over the blank app of the same run)',
    extra: { files: urls.length, raw_kb: round(raw / KB, 1), nomodule_kb: round(legacy / KB, 1) },
  });
  return gzip / KB;
}
