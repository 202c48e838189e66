import { z } from 'zod';
import { isSafeText } from '@/lib/input/text';

/*
 * The facets and sort of a search or a department page, as the URL carries them:
 * `/search?q=pull&brand=Alpéa&size=M&colour=navy&min=10&max=50&stock=store&sort=price-asc&page=2`.
 * One schema reads them and one function writes them back, always in the same order (values
 * sorted within a facet, defaults left out), so every link to a set of filters is the same URL
 * and a shared URL lands on the same results. Nothing a visitor types can fail the page: a value
 * that is not one (an unknown sort, a price that is not a number, a size of 500 characters, a
 * control character) is left out, a price beyond the bounds is clamped.
 *
 * Sizes are stored as the French shelf tag prints them and colours are keys ("navy"): the URL
 * holds those, so a French and an English page share it.
 */

export const SORTS = ['relevance', 'price-asc', 'price-desc', 'newest'] as const;
export type Sort = (typeof SORTS)[number];

/** Where a product must be available: on my store's shelf, or for drive pickup at my drive store. */
export const STOCK_FILTERS = ['store', 'drive'] as const;
export type StockFilter = (typeof STOCK_FILTERS)[number];

/** Bounds that keep a URL (and the statement it makes) small. */
export const MAX_VALUES = 12;
const MAX_VALUE_LENGTH = 60;
/** Euros: the dearest product is far below. */
export const MAX_PRICE_EUROS = 100_000;
export const MAX_PAGE = 1000;

export type FacetParams = {
  brand: string[];
  size: string[];
  colour: string[];
  /** Euros, whole or with cents, both bounds included. */
  min: number | null;
  max: number | null;
  stock: StockFilter | null;
  sort: Sort;
  page: number;
};

export const NO_FACETS: FacetParams = { brand: [], size: [], colour: [], min: null, max: null, stock: null, sort: 'relevance', page: 1 };

type Raw = string | string[] | undefined;
const asList = (v: unknown): string[] => (Array.isArray(v) ? v : typeof v === 'string' ? [v] : []).filter((x): x is string => typeof x === 'string');
const first = (v: unknown): string | undefined => asList(v)[0];

/** A facet's values: each repeat of the parameter (`size=M&size=L`), kept when it is plain text, sorted, at most MAX_VALUES. */
const values = z
  .unknown()
  .optional()
  .transform((v) => {
    const kept = asList(v)
      .map((s) => s.trim())
      .filter((s) => s !== '' && s.length <= MAX_VALUE_LENGTH && isSafeText(s));
    return [...new Set(kept)].sort().slice(0, MAX_VALUES);
  });

/** A price in euros (« 12,50 » or "12.50"), clamped to [0, MAX_PRICE_EUROS], rounded to the cent; anything else reads as none. */
const price = z
  .unknown()
  .optional()
  .transform((v) => {
    const s = first(v)?.trim().replace(',', '.');
    if (!s || !/^\d{1,9}(\.\d{0,2})?$/.test(s)) return null;
    return Math.min(MAX_PRICE_EUROS, Math.round(Number(s) * 100) / 100);
  });

const oneOf = <T extends string>(options: readonly T[]) =>
  z
    .unknown()
    .optional()
    .transform((v): T | null => {
      const s = first(v);
      return s !== undefined && (options as readonly string[]).includes(s) ? (s as T) : null;
    });

const pageNumber = z
  .unknown()
  .optional()
  .transform((v) => {
    const s = first(v);
    if (!s || !/^\d{1,7}$/.test(s)) return 1;
    return Math.min(MAX_PAGE, Math.max(1, Number(s)));
  });

export const facetParamsSchema = z
  .object({
    brand: values,
    size: values,
    colour: values,
    min: price,
    max: price,
    stock: oneOf(STOCK_FILTERS),
    // The department page's filter before facets: `?instock=1` still means "in stock at my store".
    instock: oneOf(['1'] as const),
    sort: oneOf(SORTS),
    page: pageNumber,
  })
  .transform(({ instock, ...p }): FacetParams => {
    // Bounds given the wrong way round are read the right way round.
    const [min, max] = p.min !== null && p.max !== null && p.min > p.max ? [p.max, p.min] : [p.min, p.max];
    return { ...p, min, max, stock: p.stock ?? (instock ? 'store' : null), sort: p.sort ?? 'relevance' };
  });

/** The facets of a page's search parameters (Next.js's `searchParams`); never throws. */
export function parseFacetParams(query: Record<string, Raw> | null | undefined): FacetParams {
  const parsed = facetParamsSchema.safeParse(query ?? {});
  return parsed.success ? parsed.data : NO_FACETS;
}

/** Whether the page shows other than the unfiltered list in its first order (page aside). */
export function isFiltered(p: FacetParams): boolean {
  return p.brand.length + p.size.length + p.colour.length > 0 || p.min !== null || p.max !== null || p.stock !== null || p.sort !== 'relevance';
}

/** How many filters are on: each value, the price range as one, the availability as one. */
export function activeFilterCount(p: FacetParams): number {
  return p.brand.length + p.size.length + p.colour.length + (p.min !== null || p.max !== null ? 1 : 0) + (p.stock ? 1 : 0);
}

const euros = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(2));

/**
 * The query string of these facets, without `?`, in the one canonical order: brand, size, colour,
 * min, max, stock, sort, page; defaults (relevance, page 1) left out. A search's `q` comes
 * first, from its path (`withQuery(searchPath(q), facetQuery(p))`).
 */
export function facetQuery(p: FacetParams): string {
  const out = new URLSearchParams();
  for (const key of ['brand', 'size', 'colour'] as const) for (const v of [...new Set(p[key])].sort()) out.append(key, v);
  if (p.min !== null) out.set('min', euros(p.min));
  if (p.max !== null) out.set('max', euros(p.max));
  if (p.stock) out.set('stock', p.stock);
  if (p.sort !== 'relevance') out.set('sort', p.sort);
  if (p.page > 1) out.set('page', String(p.page));
  return out.toString();
}

/** `path` with a query string added (`path` may hold one already: `/search?q=pull`). */
export function withQuery(path: string, query: string): string {
  if (!query) return path;
  return `${path}${path.includes('?') ? '&' : '?'}${query}`;
}

type ListKey = 'brand' | 'size' | 'colour';

/** The facets with a value of one list facet added, or removed when it is there; back to page 1. */
export function toggleValue(p: FacetParams, key: ListKey, value: string): FacetParams {
  const has = p[key].includes(value);
  return { ...p, [key]: has ? p[key].filter((v) => v !== value) : [...p[key], value].sort(), page: 1 };
}

/** Any other change of the facets (a price range, availability, a sort): back to page 1. */
export function changed(p: FacetParams, change: Partial<Omit<FacetParams, 'page'>>): FacetParams {
  return { ...p, ...change, page: 1 };
}

/** The facets without any filter: the sort kept. */
export function cleared(p: FacetParams): FacetParams {
  return { ...NO_FACETS, sort: p.sort };
}
