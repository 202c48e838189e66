import { Link } from '@/components/layout/link';
import { activeFilterCount, changed, cleared, SORTS, toggleValue } from '@/lib/catalog/facet-params';
import { formatMessage, interpolate } from '@/lib/i18n/format';
import { FacetPanel } from './facet-panel';
import { facetName, priceRangeLabel, SORT_LABELS, valueLabel, type ListFacet } from './labels';
import type { FacetView } from './types';

/*
 * A list with facets, phone first: the count and the sort on top; on a phone the facets behind a
 * "Filters (n)" disclosure (<details>: no script needed), on a desktop in a sidebar; the filters
 * on, as chips that each remove themselves. Every control is a link or a GET form.
 */

function SortLinks({ view }: { view: FacetView }) {
  const { params, href, t } = view;
  return (
    <nav aria-label={t.sortBy} className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
      <span aria-hidden="true" className="text-muted">
        {t.sortBy}
      </span>
      {SORTS.map((sort) => {
        const chosen = params.sort === sort;
        return (
          <Link
            key={sort}
            href={href(changed(params, { sort }))}
            rel="nofollow"
            scroll={false}
            prefetch={false}
            aria-current={chosen ? 'true' : undefined}
            className={`inline-flex min-h-11 items-center ${chosen ? 'font-semibold text-ink underline decoration-2 underline-offset-4' : 'text-brand-700 hover:underline'}`}
          >
            {t[SORT_LABELS[sort]]}
          </Link>
        );
      })}
    </nav>
  );
}

type Chip = { key: string; label: string; href: string };

function chipsOf(view: FacetView): Chip[] {
  const { params: p, href, t, locale, stores } = view;
  const out: Chip[] = [];
  if (p.stock === 'store' && stores.store)
    out.push({ key: 'stock', label: interpolate(t.inStockAtStore, { store: stores.store }), href: href(changed(p, { stock: null })) });
  if (p.stock === 'drive' && stores.drive)
    out.push({ key: 'stock', label: interpolate(t.availableForDrive, { store: stores.drive }), href: href(changed(p, { stock: null })) });
  if (p.min !== null || p.max !== null) {
    out.push({
      key: 'price',
      label: interpolate(t.priceNamed, { range: priceRangeLabel(p.min, p.max, locale, t) }),
      href: href(changed(p, { min: null, max: null })),
    });
  }
  for (const facet of ['brand', 'size', 'colour'] as ListFacet[]) {
    for (const v of p[facet]) {
      const label = interpolate(t.facetNamed, { facet: facetName(facet, t), value: valueLabel(facet, v, locale, t) });
      out.push({ key: `${facet}-${v}`, label, href: href(toggleValue(p, facet, v)) });
    }
  }
  return out;
}

function ActiveFilters({ view, chips }: { view: FacetView; chips: Chip[] }) {
  const { t, href, params } = view;
  if (chips.length === 0) return null;
  return (
    <section aria-label={t.activeFilters}>
      <ul className="flex flex-wrap items-center gap-2">
        {chips.map((c) => (
          <li key={c.key}>
            <Link
              href={c.href}
              rel="nofollow"
              scroll={false}
              prefetch={false}
              aria-label={interpolate(t.facetRemove, { name: c.label })}
              className="inline-flex min-h-11 items-center gap-2 rounded-full bg-brand-600 px-3 text-sm font-medium text-white hover:bg-brand-700"
            >
              {c.label} <span aria-hidden="true">✕</span>
            </Link>
          </li>
        ))}
        <li>
          <Link
            href={href(cleared(params))}
            rel="nofollow"
            scroll={false}
            prefetch={false}
            className="inline-flex min-h-11 items-center px-2 text-sm font-medium text-brand-700 underline"
          >
            {t.clearAll}
          </Link>
        </li>
      </ul>
    </section>
  );
}

export function FacetedList({ view, total, children }: { view: FacetView; total: number; children: React.ReactNode }) {
  const { t, locale, params } = view;
  const chips = chipsOf(view);
  const on = activeFilterCount(params);
  return (
    <div className="lg:grid lg:grid-cols-[15rem_minmax(0,1fr)] lg:items-start lg:gap-8">
      <aside aria-labelledby="facets-side-heading" className="hidden lg:block">
        <h2 id="facets-side-heading" className="mb-3 text-base font-bold">
          {t.filtersHeading}
        </h2>
        <FacetPanel view={view} idPrefix="facets-side" />
      </aside>
      <div className="space-y-4">
        <div className="flex flex-wrap items-center justify-between gap-x-4 gap-y-1">
          <p className="text-sm font-medium" data-testid="result-count">
            {formatMessage(t.productsCount, { count: total }, locale)}
          </p>
          <SortLinks view={view} />
        </div>
        <details className="card lg:hidden" data-testid="filters-disclosure">
          <summary className="flex min-h-11 cursor-pointer list-none items-center justify-between px-4 font-semibold [&::-webkit-details-marker]:hidden">
            {interpolate(t.filtersCount, { count: on })}
            <span aria-hidden="true" className="text-muted">
              ▾
            </span>
          </summary>
          <div className="border-t border-line p-4">
            <FacetPanel view={view} idPrefix="facets-phone" />
          </div>
        </details>
        <ActiveFilters view={view} chips={chips} />
        {children}
      </div>
    </div>
  );
}
