import type { FacetParams } from '@/lib/catalog/facet-params';
import { sizeLabel } from '@/lib/catalog/size-label';
import type { Locale } from '@/lib/i18n/config';
import type { Dictionary } from '@/lib/i18n/dictionary';
import { formatNumber, interpolate } from '@/lib/i18n/format';

/** What a facet page needs to say its values, in the page's language. */
export type FacetTexts = Dictionary['catalog'];

export type ListFacet = 'brand' | 'size' | 'colour';

/** The facet's name: « Marque », "Size". */
export function facetName(key: ListFacet, t: FacetTexts): string {
  return key === 'brand' ? t.brand : key === 'size' ? t.size : t.colour;
}

/** A value as the shelf says it in this language: a size in English words, a colour's name. */
export function valueLabel(key: ListFacet, value: string, locale: Locale, t: FacetTexts): string {
  if (key === 'size') return sizeLabel(value, locale);
  if (key === 'colour') return (t as Record<string, string>)[`colour_${value}`] ?? value;
  return value;
}

/** Euros without cents when whole: "20 €", "€20", "12,50 €". */
export function euros(n: number, locale: Locale): string {
  const whole = Number.isInteger(n);
  return formatNumber(n, locale, { style: 'currency', currency: 'EUR', minimumFractionDigits: whole ? 0 : 2, maximumFractionDigits: whole ? 0 : 2 });
}

/** A price range: « 20 € à 50 € », "€200 and over", "up to €50". */
export function priceRangeLabel(min: number | null, max: number | null, locale: Locale, t: FacetTexts): string {
  if (min !== null && max !== null) return interpolate(t.priceBand, { min: euros(min, locale), max: euros(max, locale) });
  if (min !== null) return interpolate(t.priceFrom, { min: euros(min, locale) });
  return interpolate(t.priceUpTo, { max: euros(max ?? 0, locale) });
}

export const SORT_LABELS = {
  relevance: 'sortRelevance',
  'price-asc': 'sortPriceAsc',
  'price-desc': 'sortPriceDesc',
  newest: 'sortNewest',
} as const satisfies Record<FacetParams['sort'], keyof FacetTexts>;
