import type { Metadata } from 'next';
import { Link } from '@/components/layout/link';
import { notFound } from 'next/navigation';
import { Suspense } from 'react';
import { ProductCard, ProductGrid } from '@/components/product/product-card';
import { Pagination } from '@/components/product/pagination';
import { JsonLd } from '@/components/seo/json-ld';
import { getCategory, listCategoryCards } from '@/lib/catalog/cached';
import { listCategoryProducts, PAGE_SIZE } from '@/lib/catalog/queries';
import type { CategorySummary, ProductCard as Card } from '@/lib/catalog/types';
import { isLocale, type Locale } from '@/lib/i18n/config';
import { getDictionary, type Dictionary } from '@/lib/i18n/dictionary';
import { formatMessage, interpolate } from '@/lib/i18n/format';
import { categoryPath, pageAlternates } from '@/lib/routing/public-url';
import { breadcrumbLd, jsonLdGraph } from '@/lib/seo/json-ld';
import { getMyStore, type MyStore } from '@/lib/stores/my-store';

type Query = { instock?: string | string[]; page?: string | string[] };
type Props = { params: Promise<{ locale: string; slug: string }>; searchParams: Promise<Query> };

/**
 * The department's name is in the page's shell, made on the first request for this department and
 * kept (the build renders only the placeholder's 404: it never reads the database). The product
 * list depends on the URL (?page=, ?instock=1) and on the visitor's store, so it streams in: a
 * visitor without a store gets the department's cached cards (tagged with the department and each
 * product listed), one with a store the per-store stock read, as before.
 */
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
  // The department's address, without ?page= or ?instock=: metadata read from the URL would leave
  // the kept shell without its title (docs/rendering.md, "Pages search engines read").
  return category ? { title: category.name, alternates: pageAlternates(categoryPath(category.slug), locale) } : {};
}

export default async function CategoryPage({ params, searchParams }: Props) {
  const { locale, slug } = await routeParams(params);
  if (slug === BUILD_SAMPLE) notFound();
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
      <Suspense fallback={<ListingFallback name={category.name} />}>
        <Listing category={category} locale={locale} t={t} searchParams={searchParams} />
      </Suspense>
    </div>
  );
}

function single(v: string | string[] | undefined): string | undefined {
  return Array.isArray(v) ? v[0] : v;
}

async function readListing(category: CategorySummary, locale: Locale, query: Query, myStore: MyStore | null) {
  const inStockOnly = single(query.instock) === '1' && myStore !== null;
  const page = Math.max(1, Number.parseInt(single(query.page) ?? '1', 10) || 1);
  const { items, total } = myStore
    ? await listCategoryProducts({ categoryId: category.id, locale, storeId: myStore.id, inStockOnly, page })
    : await listCategoryCards(category.slug, category.id, locale, page);
  return { items, total, inStockOnly, page };
}

/** The count, the store filter, the cards and the pages: what depends on the URL and the visitor. */
async function Listing({ category, locale, t, searchParams }: { category: CategorySummary; locale: Locale; t: Dictionary; searchParams: Promise<Query> }) {
  const [query, myStore] = await Promise.all([searchParams, getMyStore()]);
  const { items, total, inStockOnly, page } = await readListing(category, locale, query, myStore);
  const baseQuery = inStockOnly ? '?instock=1' : '';
  return (
    <>
      <header className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-bold">{category.name}</h1>
          <p className="text-sm text-muted">{formatMessage(t.catalog.productsCount, { count: total }, locale)}</p>
        </div>
        {myStore ? (
          <form className="flex items-center gap-3" aria-label={t.catalog.filters}>
            <label className="flex min-h-11 cursor-pointer items-center gap-2 rounded-lg border border-line bg-white px-3 text-sm font-medium">
              <input type="checkbox" name="instock" value="1" defaultChecked={inStockOnly} className="h-4 w-4 accent-brand-600" />
              {interpolate(t.catalog.inStockAtStore, { store: myStore.name })}
            </label>
            <button type="submit" className="btn-secondary">
              {t.catalog.apply}
            </button>
          </form>
        ) : (
          <p className="text-sm text-muted">
            <Link href="/stores" className="font-medium text-brand-700 underline">
              {t.common.chooseStore}
            </Link>{' '}
            — {t.catalog.chooseStoreToFilter}
          </p>
        )}
      </header>
      {items.length === 0 && inStockOnly ? (
        <p className="card p-6 text-center text-muted">
          {t.catalog.noProductsInStock}{' '}
          <Link href={`/c/${category.slug}`} className="font-medium text-brand-700 underline">
            {t.catalog.clearFilter}
          </Link>
        </p>
      ) : (
        <Cards items={items} locale={locale} t={t} />
      )}
      <Pagination
        page={page}
        pages={Math.ceil(total / PAGE_SIZE)}
        href={(n) => `/c/${category.slug}${baseQuery}${baseQuery ? '&' : '?'}page=${n}`}
        t={t.catalog}
      />
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

/** The shell: the department's name over a skeleton of the grid. */
function ListingFallback({ name }: { name: string }) {
  return (
    <>
      <header>
        <h1 className="text-2xl font-bold">{name}</h1>
        <p className="text-sm text-muted">&nbsp;</p>
      </header>
      <div aria-hidden="true" className="grid grid-cols-2 gap-3 sm:grid-cols-3 sm:gap-4 lg:grid-cols-4">
        {Array.from({ length: 8 }, (_, i) => (
          <div key={i} className="aspect-[3/4] animate-pulse rounded-xl bg-line/50" />
        ))}
      </div>
    </>
  );
}
