import { performance } from 'node:perf_hooks';

/**
 * A product page read without a browser, as a server answers it (in English): its status and the
 * price it shows. Used where several servers are watched at once for a catalogue change
 * (e2e/live-two-servers.spec.ts, bench/figures/price-change-visible.ts).
 */
/** `cache`: Next.js's x-nextjs-cache header — HIT when the page was served whole from its cache. */
export type ProductPageRead = { status: number; price: string | null; at: number; cache: string | null };

const PRICE = /data-testid="price"[^>]*>([^<]*)</;

/** How the English page writes a price in euro cents: "€54.99". */
export const euros = (cents: number) => new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'EUR' }).format(cents / 100);

export async function readProductPage(origin: string, slug: string, skuId: number): Promise<ProductPageRead> {
  const res = await fetch(`${origin}/en/p/${encodeURIComponent(slug)}?sku=${skuId}`, { headers: { 'accept-language': 'en-GB' }, redirect: 'manual' });
  const html = await res.text();
  return { status: res.status, price: PRICE.exec(html)?.[1] ?? null, at: performance.now(), cache: res.headers.get('x-nextjs-cache') };
}

/**
 * Reads the page over and over until `shows` holds; resolves with the performance.now() at which
 * the answer that showed it arrived, or rejects after `timeoutMs`.
 */
export async function firstShowing(origin: string, slug: string, skuId: number, shows: (page: ProductPageRead) => boolean, timeoutMs = 5_000): Promise<number> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const page = await readProductPage(origin, slug, skuId);
    if (shows(page)) return page.at;
    if (page.at > deadline) throw new Error(`${origin}/p/${slug} still shows ${page.status} ${page.price} after ${timeoutMs} ms`);
  }
}
