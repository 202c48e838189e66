import type { Locale } from '@/lib/i18n/config';
import type { ProductCard } from './types';

/** A product card as the catalogue's raw SQL selects it (lists, search). */
export type CardRow = {
  id: number;
  slug: string;
  name_fr: string;
  name_en: string;
  brand: string;
  image: string | null;
  min_price: number;
  max_price: number;
  /** Units at the visitor's store, when the list was asked for them. */
  available?: number | null;
};

/** The card a page shows, in the visitor's language. */
export function toCard(row: CardRow, locale: Locale): ProductCard {
  return {
    id: row.id,
    slug: row.slug,
    name: locale === 'fr' ? row.name_fr : row.name_en,
    brand: row.brand,
    image: row.image,
    minPriceCents: row.min_price,
    maxPriceCents: row.max_price,
    ...(row.available === null || row.available === undefined ? {} : { availableAtStore: row.available }),
  };
}
