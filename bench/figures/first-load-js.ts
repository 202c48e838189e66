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
 */
export function scriptUrls(html: string, base: string): string[] {
  const urls = new Set<string>();
  for (const [tag] of html.matchAll(/<(?:script|link)\b[^>]*>/gi)) {
    const attrs = attributes(tag);
    const isScript = /^<script/i.test(tag);
    const rel = (attrs.get('rel') ?? '').toLowerCase().split(/\s+/);
    const href = isScript
      ? attrs.get('src')
      : rel.includes('modulepreload') || (rel.includes('preload') && attrs.get('as')?.toLowerCase() === 'script')
        ? attrs.get('href')
        : undefined;
    if (href) urls.add(new URL(href, base).toString());
  }
  return [...urls];
}

/**
 * product_first_load_js_kb: the JS a product page makes the browser download before it is
 * interactive — every script its served HTML names (see scriptUrls), each fetched and gzipped with
 * node:zlib at the default level, summed, in kB of 1,024 bytes. Inline scripts (the RSC payload
 * Next streams into the HTML) are part of the document, not counted here. Chunks the page imports
 * later at run time (a lazy `import()`) are not in the HTML either: Lighthouse's network log,
 * logged beside lighthouse_mobile_product, is the cross-check for those.
 */
export async function measureFirstLoadJs(opts: { origin: string; productPath: string }): Promise<void> {
  const pageUrl = opts.origin + opts.productPath;
  const res = await fetch(pageUrl, { headers: { 'accept-language': 'fr-FR,fr;q=0.9' } });
  const html = await res.text();
  if (res.status !== 200) throw new Error(`${opts.productPath} answered ${res.status}`);
  const urls = scriptUrls(html, pageUrl);
  if (urls.length === 0) throw new Error(`${opts.productPath} names no script: has the page's markup changed?`);

  let raw = 0;
  let gzip = 0;
  const files: { path: string; gzip: number }[] = [];
  for (const url of urls) {
    const r = await fetch(url);
    const body = Buffer.from(await r.arrayBuffer());
    if (r.status !== 200) throw new Error(`${url} answered ${r.status}`);
    const size = gzipSync(body).length;
    raw += body.length;
    gzip += size;
    files.push({ path: new URL(url).pathname, gzip: size });
  }
  files.sort((a, b) => b.gzip - a.gzip);
  log(
    `js: ${opts.productPath} loads ${urls.length} scripts, ${round(raw / KB, 1)} kB raw, ${round(gzip / KB, 1)} kB gzip; ` +
      `largest: ${files.slice(0, 5).map((f) => `${f.path.split('/').pop()} ${round(f.gzip / KB, 1)} kB`).join(', ')}`,
  );
  emit({
    figure: 'product_first_load_js_kb',
    value: round(gzip / KB, 1),
    unit: 'kB (gzip)',
    goal: '≤ 130 kB',
    extra: { files: urls.length, raw_kb: round(raw / KB, 1) },
  });
}
