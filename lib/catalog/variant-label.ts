import type { Locale } from '@/lib/i18n/config';
import type { Dictionary } from '@/lib/i18n/dictionary';
import { sizeLabel } from './size-label';

type Variant = { size: string | null; colour: string | null };

/** "42 · Marine" / "2 batteries · Black": size and colour as on the shelf tag, in the page's language. */
export function variantLabel(row: Variant, locale: Locale, t: Dictionary): string {
  const colours = t.catalog as Record<string, string>;
  const colour = row.colour ? (colours[`colour_${row.colour}`] ?? row.colour) : null;
  return [row.size ? sizeLabel(row.size, locale) : null, colour].filter(Boolean).join(' · ');
}

/** "Chaussures de trail · 42 · Marine": the product as staff read it in a confirmation. */
export function productLabel(row: Variant & { nameFr: string; nameEn: string }, locale: Locale, t: Dictionary): string {
  return [locale === 'fr' ? row.nameFr : row.nameEn, variantLabel(row, locale, t)].filter(Boolean).join(' · ');
}

/**
 * An item as a control's accessible name says it: "Trail 42 (42 · Navy)". Two sizes of one product
 * are two rows with the same name; the variant tells them apart.
 */
export function itemName(name: string, variant: string | null | undefined): string {
  return variant ? `${name} (${variant})` : name;
}
