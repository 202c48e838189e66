import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { FacetedList } from '@/components/facets/faceted-list';
import { facetViewOf, stockContextOf } from '@/components/facets/view';
import { ProductCard, ProductGrid } from '@/components/product/product-card';
import { Pagination } from '@/components/product/pagination';
import { JsonLd } from '@/components/seo/json-ld';
import { getCategory, getCategoryFacets, listCategoryCards } from '@/lib/catalog/cached';
import { isFiltered, parseFacetParams, type FacetParams } from '@/lib/catalog/facet-params';
import { countFacets, countStockFacets, listFacetedProducts, NO_STORE, type Facets, type StockContext } from '@/lib/catalog/facets';
import { listCategoryProducts, PAGE_SIZE } from '@/lib/catalog/queries';
import type { CategorySummary, ProductCard as Card } from '@/lib/catalog/types';
import { isLocale, type Locale } from '@/lib/i18n/config';
import { getDictionary, type Dictionary } from '@/lib/i18n/dictionary';
import { categoryPath, pageAlternates } from '@/lib/routing/public-url';
import { breadcrumbLd, jsonLdGraph } from '@/lib/seo/json-ld';
import { getMyStore } from '@/lib/stores/my-store';

type Query = Record<string, string | string[] | undefined>;
type Props = { params: Promise<{ locale: string; slug: string }>; searchParams: Promise<Query> };

/**
 * A department's list depends on the URL (?page=, the facets and sort: lib/catalog/facet-params.ts)
 * and on the visitor's store, so the page is made for each request, whole (app/[locale]/(found)/
 * layout.tsx: no streaming boundary, so it reads without JavaScript). Unfiltered, a visitor without
 * a store gets the department's cached cards (tagged with the department and each product listed)
 * and its cached facets, one with a store the per-store stock read and the availability counts; a
 * filtered or sorted list is read for the request (lib/catalog/facets.ts). The build renders only
 * the placeholder's 404: it never reads the database.
 */
export const instant = false;

const BUILD_SAMPLE = '_';

export function generateStaticParams() {
  return [{ slug: BUILD_SAMPLE }];
}

async function routeParams(params: Props['params']): Promise<{ locale: Locale; slug: string }> {
  const { locale, slug } = await params;
  return { locale: isLocale(locale) ? locale : 'fr', slug };
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, slug } = await routeParams(params);
  const category = slug === BUILD_SAMPLE ? null : await getCategory(slug, locale);
  // The department's address, without ?page= or the facets (a filtered list's canonical is the
  // whole department): metadata read from the URL would leave
  // the kept shell without its title (docs/rendering.md, "Pages search engines read").
  return category ? { title: category.name, alternates: pageAlternates(categoryPath(category.slug), locale) } : {};
}

export default async function CategoryPage({ params, searchParams }: Props) {
  const { locale, slug } = await routeParams(params);
  if (slug === BUILD_SAMPLE) notFound();
  // Made for the request, all of it (nothing of it is kept as a shell): a background prerender of
  // the route stops here instead of running the list's reads, which read the clock.
  await connection();
  const category = await getCategory(slug, locale);
  if (!category) notFound();
  const t = getDictionary(locale);
  const crumbs = [
    { name: t.common.home, path: '/' },
    { name: category.name, path: categoryPath(category.slug) },
  ];
  return (
    <div className="space-y-5">
      <JsonLd data={jsonLdGraph(breadcrumbLd(crumbs, locale))} />
      <Listing category={category} locale={locale} t={t} searchParams={searchParams} />
    </div>
  );
}

type Listed = { items: Card[]; total: number; facets: Facets };

/**
 * The unfiltered list reads what it read before facets — the department's cached cards (or, with
 * my store, the per-store stock read) — and its facets from the cache; only the availability
 * counts are asked per visitor. A filtered or sorted list is made for the request.
 */
async function readListing(category: CategorySummary, locale: Locale, params: FacetParams, ctx: StockContext): Promise<Listed> {
  const scope = { categoryId: category.id };
  if (isFiltered(params)) {
    const [facets, list] = await Promise.all([countFacets(scope, params, ctx), listFacetedProducts(scope, params, locale, ctx)]);
    return { items: list.items, total: facets.total, facets };
  }
  const [list, shared, stock] = await Promise.all([
    ctx.storeId
      ? listCategoryProducts({ categoryId: category.id, locale, storeId: ctx.storeId, page: params.page })
      : listCategoryCards(category.slug, category.id, locale, params.page),
    getCategoryFacets(category.slug, category.id),
    countStockFacets(scope, params, ctx),
  ]);
  // getCategoryFacets answers null only to arguments it refuses (a crafted call): read them then.
  const facets = shared ?? (await countFacets(scope, params, NO_STORE));
  return { items: list.items, total: facets.total, facets: { ...facets, stock } };
}

/** The count, the facets and sort, the cards and the pages: what depends on the URL and the visitor. */
async function Listing({ category, locale, t, searchParams }: { category: CategorySummary; locale: Locale; t: Dictionary; searchParams: Promise<Query> }) {
  const [query, myStore] = await Promise.all([searchParams, getMyStore()]);
  const params = parseFacetParams(query);
  const { items, total, facets } = await readListing(category, locale, params, stockContextOf(myStore));
  const path = categoryPath(category.slug);
  const view = facetViewOf({ path, formPath: path, params, facets, myStore, locale, t });
  return (
    <>
      <h1 className="text-2xl font-bold">{category.name}</h1>
      <FacetedList view={view} total={total}>
        {items.length === 0 ? (
          <p className="card p-6 text-center text-muted">{t.catalog.noProductsForFilters}</p>
        ) : (
          <Cards items={items} locale={locale} t={t} />
        )}
        <Pagination page={params.page} pages={Math.ceil(total / PAGE_SIZE)} href={(n) => view.href({ ...params, page: n })} t={t.catalog} />
      </FacetedList>
    </>
  );
}

function Cards({ items, locale, t }: { items: Card[]; locale: Locale; t: Dictionary }) {
  return (
    <ProductGrid>
      {items.map((p) => (
        <ProductCard key={p.id} product={p} locale={locale} t={t.catalog} />
      ))}
    </ProductGrid>
  );
}
