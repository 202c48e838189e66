import type { Locale } from '@/lib/i18n/config';

export type CategorySummary = { id: number; slug: string; name: string };

export type ProductCard = {
  id: number;
  slug: string;
  name: string;
  brand: string;
  image: string | null;
  minPriceCents: number;
  maxPriceCents: number;
  /** Units available to sell at the chosen store, when a store was asked for. */
  availableAtStore?: number;
};

export type Sku = {
  id: number;
  ean13: string;
  size: string | null;
  colour: string | null;
  priceCents: number;
};

export type ProductDetail = {
  id: number;
  slug: string;
  name: string;
  description: string;
  brand: string;
  images: string[];
  category: CategorySummary;
  skus: Sku[];
};

export function localized<T extends { nameFr: string; nameEn: string }>(row: T, locale: Locale): string {
  return locale === 'fr' ? row.nameFr : row.nameEn;
}

/**
 * One suggestion of the header's search box (GET /api/search/suggest), ready to show: a product
 * (its price already written in the asked language), or a department or brand to browse.
 */
export type Suggestion =
  | { kind: 'product'; name: string; brand: string; price: string; image: string | null; href: string }
  | { kind: 'department' | 'brand'; name: string; href: string };

export type SuggestAnswer = { q: string; suggestions: Suggestion[] };
