import type { Locale } from '@/lib/i18n/config';
import type { Dictionary } from '@/lib/i18n/dictionary';

type Variant = { size: string | null; colour: string | null };

/** "42 · Marine": size and colour as on the shelf tag. */
export function variantLabel(row: Variant, t: Dictionary): string {
  const colours = t.catalog as Record<string, string>;
  const colour = row.colour ? (colours[`colour_${row.colour}`] ?? row.colour) : null;
  return [row.size, colour].filter(Boolean).join(' · ');
}

/** "Chaussures de trail · 42 · Marine": the product as staff read it in a confirmation. */
export function productLabel(row: Variant & { nameFr: string; nameEn: string }, locale: Locale, t: Dictionary): string {
  return [locale === 'fr' ? row.nameFr : row.nameEn, variantLabel(row, t)].filter(Boolean).join(' · ');
}
