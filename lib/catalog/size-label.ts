import type { Locale } from '@/lib/i18n/config';
import { formatNumber } from '@/lib/i18n/format';

/*
 * Sizes are stored as the French shelf tag prints them: "2 batteries", "128 Go", "2,5 L", "T4",
 * "taille unique". French pages show them as stored; English pages say them in English at display
 * time: the number kept (written the English way), the unit or the word translated. A size this
 * table does not know shows as stored — lib/catalog/size-label.test.ts fails on any seeded size
 * that would then read French on an English page, so a new one is added here with its translation.
 */

/** French unit words after a number, by their singular; English singular and plural. */
const UNIT_WORDS: Record<string, (n: number, shown: string) => string> = {
  batterie: (n, shown) => `${shown} ${n === 1 ? 'battery' : 'batteries'}`,
  pièce: (n, shown) => `${shown} ${n === 1 ? 'piece' : 'pieces'}`,
  marche: (n, shown) => `${shown} ${n === 1 ? 'step' : 'steps'}`,
  // A tent's size: « 2 places » is a "2-person" tent.
  place: (_n, shown) => `${shown}-person`,
};

/** French unit symbols that differ in English (octets are bytes). */
const UNIT_SYMBOLS: Record<string, string> = { Go: 'GB', Mo: 'MB', To: 'TB', ko: 'kB' };

/** Whole labels without a number. */
const WORDS: Record<string, string> = { 'taille unique': 'One size' };

const NUMBER_AND_UNIT = /^(\d+(?:,\d+)?)\s*(.*)$/;

function singular(word: string): string {
  return word.replace(/s$/, '');
}

function toEnglish(size: string): string {
  const word = WORDS[size.toLowerCase()];
  if (word) return word;
  const ball = /^T(\d+)$/.exec(size); // ball sizes: « T5 »
  if (ball) return `Size ${ball[1]}`;
  const m = NUMBER_AND_UNIT.exec(size);
  if (!m) return size;
  const n = Number((m[1] as string).replace(',', '.'));
  const unit = m[2] as string;
  const shown = formatNumber(n, 'en');
  const words = UNIT_WORDS[singular(unit.toLowerCase())];
  if (words) return words(n, shown);
  const symbol = UNIT_SYMBOLS[unit] ?? unit;
  // 43" stays glued to its number; every other unit is spaced as stored.
  return unit === '' ? shown : unit === '"' ? `${shown}"` : `${shown} ${symbol}`;
}

/** A SKU's size as the page's language says it: "2 batteries" (fr) → "2 batteries" (en), "128 Go" → "128 GB". */
export function sizeLabel(size: string, locale: Locale): string {
  return locale === 'fr' ? size : toEnglish(size);
}
