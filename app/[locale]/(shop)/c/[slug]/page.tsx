import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ProductCard, ProductGrid } from '@/components/product/product-card';
import { Pagination } from '@/components/product/pagination';
import { getCategoryBySlug, listCategoryProducts, PAGE_SIZE } from '@/lib/catalog/queries';
import { interpolate } from '@/lib/i18n/format';
import { getI18n } from '@/lib/i18n/server';
import { getMyStore } from '@/lib/stores/my-store';

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ instock?: string; page?: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await getI18n();
  const category = await getCategoryBySlug((await params).slug, locale);
  return category ? { title: category.name } : {};
}

export default async function CategoryPage({ params, searchParams }: Props) {
  const [{ slug }, query, { locale, t }] = await Promise.all([params, searchParams, getI18n()]);
  const category = await getCategoryBySlug(slug, locale);
  if (!category) notFound();
  const myStore = await getMyStore();
  const inStockOnly = query.instock === '1' && myStore !== null;
  const page = Math.max(1, Number.parseInt(query.page ?? '1', 10) || 1);
  const { items, total } = await listCategoryProducts({
    categoryId: category.id,
    locale,
    storeId: myStore?.id ?? null,
    inStockOnly,
    page,
  });
  const baseQuery = inStockOnly ? '?instock=1' : '';

  return (
    <div className="space-y-5">
      <header className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-bold">{category.name}</h1>
          <p className="text-sm text-muted">{interpolate(t.catalog.productsCount, { count: total })}</p>
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
          <Link href={`/c/${slug}`} className="font-medium text-brand-700 underline">
            {t.catalog.clearFilter}
          </Link>
        </p>
      ) : (
        <ProductGrid>
          {items.map((p) => (
            <ProductCard key={p.id} product={p} locale={locale} t={t.catalog} />
          ))}
        </ProductGrid>
      )}
      <Pagination
        page={page}
        pages={Math.ceil(total / PAGE_SIZE)}
        href={(n) => `/c/${slug}${baseQuery}${baseQuery ? '&' : '?'}page=${n}`}
        t={t.catalog}
      />
    </div>
  );
}
