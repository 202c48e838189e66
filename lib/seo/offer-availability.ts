/*
 * The parts of a page's JSON-LD that the browser handles too: its escaping, and the web
 * availability that a product page's stock panel writes into the Offer once it knows the live
 * figure (the kept page cannot know it: stock is never cached; see ./json-ld.ts).
 */

/** The id of a product page's JSON-LD script, where the stock panel writes the web availability. */
export const PRODUCT_LD_ID = 'product-ld';

/** The id of a store page's JSON-LD script (written into the head by the page's script). */
export const STORE_LD_ID = 'store-ld';

/** The Offer's availability for a web stock figure (units that can be sold online now). */
export function webAvailability(available: number): 'https://schema.org/InStock' | 'https://schema.org/OutOfStock' {
  return available > 0 ? 'https://schema.org/InStock' : 'https://schema.org/OutOfStock';
}

/**
 * JSON-LD for a `<script type="application/ld+json">`: `<` (and `>`, `&`, U+2028, U+2029) escaped as
 * JSON escapes, so no catalogue text — a description holding `</script>` — can close the script or
 * start markup; JSON.parse reads the same object back.
 */
export function serializeJsonLd(data: object): string {
  return JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/**
 * The Offer of a product page's JSON-LD with the web availability set (the graph as parsed from
 * the page; null when it holds no Offer for that SKU). Used by the page's script once the live
 * figure is known.
 */
export function withWebAvailability(graph: unknown, skuId: number, available: number): object | null {
  if (typeof graph !== 'object' || graph === null || !Array.isArray((graph as { '@graph'?: unknown })['@graph'])) return null;
  let found = false;
  const nodes = (graph as { '@graph': unknown[] })['@graph'].map((node) => {
    if (typeof node !== 'object' || node === null) return node;
    const n = node as { '@type'?: unknown; sku?: unknown; offers?: unknown };
    if (n['@type'] !== 'Product' || n.sku !== String(skuId) || typeof n.offers !== 'object' || n.offers === null) return node;
    found = true;
    return { ...n, offers: { ...(n.offers as object), availability: webAvailability(available) } };
  });
  return found ? { ...(graph as object), '@graph': nodes } : null;
}

/**
 * In the browser: writes the web availability into the product page's JSON-LD (the script the
 * server rendered, id PRODUCT_LD_ID), for the SKU shown. Next.js may keep the page of the size
 * chosen before hidden (for Back), with its own script: each script is patched only if it
 * describes this SKU. One it cannot read is left as the server wrote it.
 */
export function writeWebAvailability(skuId: number, available: number): void {
  for (const script of document.querySelectorAll(`script#${PRODUCT_LD_ID}`)) {
    try {
      const next = withWebAvailability(JSON.parse(script.textContent ?? ''), skuId, available);
      if (next) script.textContent = serializeJsonLd(next);
    } catch {
      // Unreadable JSON-LD: the server's is kept.
    }
  }
}
