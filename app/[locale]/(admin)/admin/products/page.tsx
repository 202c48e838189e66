import type { Metadata } from 'next';
import { Link } from '@/components/layout/link';
import { StatusPill } from '@/components/status-pill';
import { requireBackOffice } from '@/lib/auth/guards';
import { listAdminProducts } from '@/lib/catalog/back-office-queries';
import { formatMessage, formatPrice, interpolate } from '@/lib/i18n/format';
import { getI18n } from '@/lib/i18n/server';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t.backOffice.productsTitle };
}

type Search = Promise<{ q?: string | string[]; page?: string | string[] }>;
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/** Every product, withdrawn ones too, found by name, brand or barcode, 25 a page. */
export default async function AdminProductsPage({ searchParams }: { searchParams: Search }) {
  await requireBackOffice('/admin/products');
  const [{ t, locale }, params] = await Promise.all([getI18n(), searchParams]);
  const b = t.backOffice;
  const query = (first(params.q) ?? '').slice(0, 100);
  const { rows, total, page, pages } = await listAdminProducts({ query, locale, page: Number(first(params.page)) || 1 });
  const pageHref = (p: number) => `/admin/products?${new URLSearchParams({ ...(query ? { q: query } : {}), page: String(p) })}`;
  return (
    <div>
      <h1 className="text-xl font-bold sm:text-2xl">{b.productsTitle}</h1>
      <form method="get" role="search" className="mt-4 flex gap-2">
        <label htmlFor="admin-product-search" className="sr-only">
          {b.searchLabel}
        </label>
        <input
          id="admin-product-search"
          name="q"
          type="search"
          defaultValue={query}
          placeholder={b.searchLabel}
          maxLength={100}
          className="input min-w-0 flex-1"
        />
        <button type="submit" className="btn-primary">
          {b.searchSubmit}
        </button>
      </form>
      <p className="mt-3 text-sm text-muted" aria-live="polite" data-testid="admin-product-count">
        {formatMessage(b.productCount, { count: total }, locale)}
      </p>
      {rows.length === 0 ? (
        <p className="mt-3 card p-6 text-center text-muted">{b.noProducts}</p>
      ) : (
        <ul className="mt-3 divide-y divide-line card" data-testid="admin-products">
          {rows.map((p) => (
            <li key={p.id}>
              <Link href={`/admin/products/${p.id}`} className="flex items-center gap-3 px-3 py-2 hover:bg-brand-50 sm:px-4" data-testid="admin-product-row">
                <span className="size-12 shrink-0 overflow-hidden rounded-lg bg-paper">
                  {/* eslint-disable-next-line @next/next/no-img-element -- thumbnails of the shop's own pictures */}
                  {p.image && <img src={p.image} alt="" className="h-full w-full object-cover" loading="lazy" />}
                </span>
                <span className="min-w-0 flex-1">
                  <span className="line-clamp-2 font-semibold">{locale === 'fr' ? p.nameFr : p.nameEn}</span>
                  <span className="block truncate text-sm text-muted">
                    {p.brand} · {locale === 'fr' ? p.categoryFr : p.categoryEn}
                  </span>
                </span>
                <span className="flex shrink-0 flex-col items-end gap-1 text-sm">
                  {p.minPriceCents !== null &&
                    (p.maxPriceCents === null || p.maxPriceCents === p.minPriceCents ? (
                      <span className="font-semibold tabular-nums">{formatPrice(p.minPriceCents, locale)}</span>
                    ) : (
                      <span className="font-semibold tabular-nums">
                        <span className="block text-right sm:hidden">
                          <span className="block text-xs font-normal text-muted">{interpolate(t.catalog.from, { price: '' }).trim()}</span>
                          {formatPrice(p.minPriceCents, locale)}
                        </span>
                        <span className="hidden sm:inline">
                          {formatPrice(p.minPriceCents, locale)} – {formatPrice(p.maxPriceCents, locale)}
                        </span>
                      </span>
                    ))}
                  {p.withdrawnAt && <StatusPill tone="ended" status="withdrawn" label={b.withdrawnBadge} testId="admin-product-withdrawn" />}
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
      {pages > 1 && (
        <nav aria-label={b.pageNav} className="mt-4 flex items-center justify-between gap-2 text-sm">
          {page > 1 ? (
            <Link href={pageHref(page - 1)} className="btn-secondary" rel="prev">
              {b.previous}
            </Link>
          ) : (
            <span />
          )}
          <span className="text-muted tabular-nums">
            {page} / {pages}
          </span>
          {page < pages ? (
            <Link href={pageHref(page + 1)} className="btn-secondary" rel="next">
              {b.next}
            </Link>
          ) : (
            <span />
          )}
        </nav>
      )}
    </div>
  );
}
