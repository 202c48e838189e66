import type { Metadata } from 'next';
import { cache } from 'react';
import { Link } from '@/components/layout/link';
import { FacetedList } from '@/components/facets/faceted-list';
import { facetViewOf, stockContextOf } from '@/components/facets/view';
import { Pagination } from '@/components/product/pagination';
import { ProductCard, ProductGrid } from '@/components/product/product-card';
import { parseFacetParams } from '@/lib/catalog/facet-params';
import { countFacets, listFacetedProducts } from '@/lib/catalog/facets';
import { MAX_QUERY_LENGTH, searchProducts, suggestSearches } from '@/lib/catalog/queries';
import type { Locale } from '@/lib/i18n/config';
import type { Dictionary } from '@/lib/i18n/dictionary';
import { interpolate } from '@/lib/i18n/format';
import { getI18n } from '@/lib/i18n/server';
import { localizedPath, pageAlternates, searchPath } from '@/lib/routing/public-url';
import { getMyStore } from '@/lib/stores/my-store';

type Query = Record<string, string | string[] | undefined>;
type Props = { searchParams: Promise<Query> };

/** Made whole for each request, without a loading boundary: app/[locale]/(found)/layout.tsx. */
export const instant = false;

/** The matches the facets work on (best first), and how many a page of results shows. */
const SEARCH_SCOPE = 96;
const RESULTS_PER_PAGE = 48;

function queryOf(raw: string | string[] | undefined): string {
  return (Array.isArray(raw) ? raw[0] : raw)?.trim() ?? '';
}

/** The search of this request, run once for the metadata and the page. */
const search = cache(async (q: string, locale: Locale) => (q && q.length <= MAX_QUERY_LENGTH ? searchProducts(q, locale, SEARCH_SCOPE) : []));

/**
 * A search with results is a page search engines may keep, under its query alone (the canonical
 * drops the facets, tracking and any other parameter); an empty search, one too long and one that
 * finds nothing are `noindex` (still followed).
 */
export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const [{ q: raw }, { locale, t }] = await Promise.all([searchParams, getI18n()]);
  const q = queryOf(raw);
  const results = await search(q, locale);
  return {
    title: q ? interpolate(t.catalog.searchResultsFor, { q: q.slice(0, 80) }) : t.catalog.searchTitle,
    alternates: pageAlternates(searchPath(q.length <= MAX_QUERY_LENGTH ? q : ''), locale),
    ...(results.length === 0 ? { robots: { index: false, follow: true } } : {}),
  };
}

export default async function SearchPage({ searchParams }: Props) {
  const [query, { locale, t }] = await Promise.all([searchParams, getI18n()]);
  const q = queryOf(query.q);
  const tooLong = q.length > MAX_QUERY_LENGTH;
  const results = await search(q, locale);
  // Nothing found: the catalogue's nearest words, each a search that finds something.
  const suggestions = q && !tooLong && results.length === 0 ? await suggestSearches(q) : [];
  return (
    <div className="space-y-5">
      <h1 className="text-2xl font-bold">{q ? interpolate(t.catalog.searchResultsFor, { q: q.slice(0, 80) }) : t.catalog.searchTitle}</h1>
      {tooLong ? (
        <p role="alert" className="card p-4 text-out">
          {t.catalog.searchTooLong}
        </p>
      ) : !q ? (
        <p className="text-muted">{t.catalog.searchEmpty}</p>
      ) : results.length === 0 ? (
        <div role="status" className="space-y-2 card p-6 text-muted">
          <p>{interpolate(t.catalog.searchNoResults, { q: q.slice(0, 80) })}</p>
          {suggestions.length > 0 && (
            <p>
              {t.catalog.didYouMean}{' '}
              {suggestions.map((s, i) => (
                <span key={s}>
                  {i > 0 && ', '}
                  <Link href={localizedPath(searchPath(s), locale)} className="font-semibold text-ink underline">
                    {s}
                  </Link>
                </span>
              ))}
            </p>
          )}
        </div>
      ) : (
        <Results q={q} ids={results.map((r) => r.id)} query={query} locale={locale} t={t} />
      )}
    </div>
  );
}

/** The matches under the URL's facets and sort, with my store's stock when the visitor has one. */
async function Results({ q, ids, query, locale, t }: { q: string; ids: number[]; query: Query; locale: Locale; t: Dictionary }) {
  const params = parseFacetParams(query);
  const myStore = await getMyStore();
  const ctx = stockContextOf(myStore);
  const scope = { productIds: ids };
  const [facets, list] = await Promise.all([countFacets(scope, params, ctx), listFacetedProducts(scope, params, locale, ctx, RESULTS_PER_PAGE)]);
  const view = facetViewOf({ path: searchPath(q), formPath: searchPath(''), lead: { q }, params, facets, myStore, locale, t });
  return (
    <FacetedList view={view} total={facets.total}>
      {list.items.length === 0 ? (
        <p className="card p-6 text-center text-muted">{t.catalog.noProductsForFilters}</p>
      ) : (
        <ProductGrid>
          {list.items.map((p) => (
            <ProductCard key={p.id} product={p} locale={locale} t={t.catalog} />
          ))}
        </ProductGrid>
      )}
      <Pagination page={params.page} pages={Math.ceil(facets.total / RESULTS_PER_PAGE)} href={(n) => view.href({ ...params, page: n })} t={t.catalog} />
    </FacetedList>
  );
}
