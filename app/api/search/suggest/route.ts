import { connection, type NextRequest } from 'next/server';
import { suggest } from '@/lib/catalog/queries';
import { parseSuggestQuery } from '@/lib/catalog/suggest-params';
import type { SuggestAnswer } from '@/lib/catalog/types';
import { getDictionary } from '@/lib/i18n/dictionary';
import { formatPrice, interpolate } from '@/lib/i18n/format';
import { withDatabaseOutage } from '@/lib/http/outage';
import { categoryPath, localizedPath, productPath, searchPath } from '@/lib/routing/public-url';

/**
 * Kept a minute by the browser and any shared cache, served stale for five more while refreshed:
 * the answer is the same for every visitor (no cookie read, the language in the URL), and a price
 * or a product changed shows in the suggestions within that time (the pages themselves at once).
 */
const SHARED = 'public, max-age=60, stale-while-revalidate=300';

/**
 * GET /api/search/suggest?q=<typed so far>&locale=fr|en — the header search box's suggestions as
 * the shopper types (lib/catalog/suggest.ts): up to six products, then the departments and brands
 * the words name, each with its link. 400 with a sentence for a malformed query (missing, repeated,
 * too long, an unstorable character, an unknown language); fewer than two letters is no suggestion.
 */
async function handle(request: NextRequest) {
  await connection(); // read per request; the Cache-Control header is what keeps it
  const parsed = parseSuggestQuery(request.nextUrl.searchParams);
  if (!parsed.ok) return Response.json({ error: parsed.error }, { status: 400, headers: { 'Cache-Control': 'no-store' } });
  const { q, locale } = parsed.query;
  const t = getDictionary(locale).catalog;
  const found = await suggest(q, locale);
  const link = (path: string) => localizedPath(path, locale);
  const answer: SuggestAnswer = {
    q,
    suggestions: [
      ...found.products.map((p) => ({
        kind: 'product' as const,
        name: p.name,
        brand: p.brand,
        price:
          p.minPriceCents === p.maxPriceCents ? formatPrice(p.minPriceCents, locale) : interpolate(t.from, { price: formatPrice(p.minPriceCents, locale) }),
        image: p.image,
        href: link(productPath(p.slug)),
      })),
      ...found.departments.map((d) => ({ kind: 'department' as const, name: d.name, href: link(categoryPath(d.slug)) })),
      ...found.brands.map((b) => ({ kind: 'brand' as const, name: b, href: link(searchPath(b)) })),
    ],
  };
  return Response.json(answer, { headers: { 'Cache-Control': SHARED } });
}

/** A lost database answers 503 "try again", not 500 (lib/http/outage.ts). */
export const GET = withDatabaseOutage(handle);
