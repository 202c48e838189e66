import type { Metadata } from 'next';
import { cache } from 'react';
import { ProductCard, ProductGrid } from '@/components/product/product-card';
import { Link } from '@/components/layout/link';
import { MAX_QUERY_LENGTH, searchProducts, suggestSearches } from '@/lib/catalog/queries';
import type { Locale } from '@/lib/i18n/config';
import { interpolate } from '@/lib/i18n/format';
import { getI18n } from '@/lib/i18n/server';
import { pageAlternates, searchPath } from '@/lib/routing/public-url';

type Props = { searchParams: Promise<{ q?: string | string[] }> };

function queryOf(raw: string | string[] | undefined): string {
  return (Array.isArray(raw) ? raw[0] : raw)?.trim() ?? '';
}

/** The search of this request, run once for the metadata and the page. */
const search = cache(async (q: string, locale: Locale) => (q && q.length <= MAX_QUERY_LENGTH ? searchProducts(q, locale) : []));

/**
 * A search with results is a page search engines may keep, under its query alone (the canonical
 * drops tracking and any other parameter); an empty search, one too long and one that finds
 * nothing are `noindex` (still followed).
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
  const [{ q: raw }, { locale, t }] = await Promise.all([searchParams, getI18n()]);
  const q = queryOf(raw);
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
                  <Link href={`/search?q=${encodeURIComponent(s)}`} className="font-semibold text-ink underline">
                    {s}
                  </Link>
                </span>
              ))}
            </p>
          )}
        </div>
      ) : (
        <ProductGrid>
          {results.map((p) => (
            <ProductCard key={p.id} product={p} locale={locale} t={t.catalog} />
          ))}
        </ProductGrid>
      )}
    </div>
  );
}
