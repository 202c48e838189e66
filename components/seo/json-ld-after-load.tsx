'use client';

import { useEffect } from 'react';

/**
 * A page's JSON-LD written into the document's head by the page's script, for a page that cannot
 * afford it in its HTML: a store page arrives in one piece only under React's 12.8 kB chunk
 * (docs/rendering.md), and its Store JSON-LD inline took it over (13,651 bytes against 339 to
 * spare, measured). Crawlers that render pages (Google's) read it there; `json` is already
 * escaped (serializeJsonLd) and travels in the page's data, not in its HTML.
 */
export function JsonLdAfterLoad({ id, json }: { id: string; json: string }) {
  useEffect(() => {
    const script = document.createElement('script');
    script.type = 'application/ld+json';
    script.id = id;
    script.textContent = json;
    document.head.appendChild(script);
    return () => script.remove();
  }, [id, json]);
  return null;
}
