import { describe, expect, it } from 'vitest';
import { PRODUCT_TEMPLATES } from '@/lib/db/seed/catalog';
import { getDictionary } from '@/lib/i18n/dictionary';
import { sizeLabel } from './size-label';
import { variantLabel } from './variant-label';

const en = getDictionary('en');
const fr = getDictionary('fr');

/** Every size and colour the seed gives a SKU (lib/db/seed/catalog.ts builds them from these templates, at every scale). */
const seededSizes = [...new Set(PRODUCT_TEMPLATES.flatMap((t) => t.sizes?.labels ?? []))];
const seededColours = [...new Set(PRODUCT_TEMPLATES.flatMap((t) => t.colours ?? []))];

/** French that must never reach an English page. */
const FRENCH = [/\bbatterie\b/i, /pièce/i, /\bGo\b/, /\bMo\b/, /\bTo\b/, /\bplaces?\b/i, /\bmarches?\b/i, /taille/i, /unique/i, /\d,\d(?!\d\d)/, /^T\d/];

/** Words spelt the same in both languages: translated, and the same on purpose. */
const SAME_WORDS = new Set(['2 batteries']);

/** Sizes that read the same in both languages on purpose: numbers, clothing letters, metric units, inches. */
const INTERNATIONAL = /^(?:\d+(?:[.,]\d+)?(?:\s?(?:mm|cm|m|ml|cl|L|g|kg|"))?|XXS|XS|S|M|L|XL|XXL|XXXL)$/;

describe('sizeLabel', () => {
  it('says the shelf tag in English on English pages', () => {
    const cases: [string, string][] = [
      ['1 batterie', '1 battery'],
      ['2 batteries', '2 batteries'],
      ['128 Go', '128 GB'],
      ['256 Go', '256 GB'],
      ['50 pièces', '50 pieces'],
      ['1000 pièces', '1,000 pieces'],
      ['2 places', '2-person'],
      ['3 marches', '3 steps'],
      ['2,5 L', '2.5 L'],
      ['T4', 'Size 4'],
      ['taille unique', 'One size'],
      ['43"', '43"'],
      ['42', '42'],
      ['XL', 'XL'],
      ['500 ml', '500 ml'],
    ];
    expect(cases.map(([size]) => [size, sizeLabel(size, 'en')])).toEqual(cases);
  });

  it('shows the tag as stored on French pages', () => {
    for (const size of ['1 batterie', '128 Go', '2,5 L', 'T4']) expect(sizeLabel(size, 'fr')).toBe(size);
  });

  it('leaves no seeded size in French on an English page', () => {
    expect(seededSizes.length).toBeGreaterThan(20);
    const untranslated = seededSizes.filter((size) => {
      const english = sizeLabel(size, 'en');
      return FRENCH.some((word) => word.test(english)) || (english === size && !INTERNATIONAL.test(size) && !SAME_WORDS.has(size));
    });
    expect(untranslated).toEqual([]);
  });
});

describe('variantLabel', () => {
  it('names every seeded colour in both languages', () => {
    const missing = seededColours.filter((c) => !(`colour_${c}` in en.catalog) || !(`colour_${c}` in fr.catalog));
    expect(missing).toEqual([]);
  });

  it('reads size and colour in the page’s language', () => {
    expect(variantLabel({ size: '2 batteries', colour: 'black' }, 'en', en)).toBe('2 batteries · Black');
    expect(variantLabel({ size: '256 Go', colour: null }, 'en', en)).toBe('256 GB');
    expect(variantLabel({ size: '256 Go', colour: null }, 'fr', fr)).toBe('256 Go');
    expect(variantLabel({ size: '1 batterie', colour: 'yellow' }, 'fr', fr)).toBe('1 batterie · Jaune');
    expect(variantLabel({ size: null, colour: 'navy' }, 'en', en)).toBe('Navy');
  });

  it('leaves no French word in any seeded variant on an English page', () => {
    const english = seededSizes.flatMap((size) => seededColours.map((colour) => variantLabel({ size, colour }, 'en', en)));
    expect(english.filter((label) => FRENCH.some((word) => word.test(label)))).toEqual([]);
  });
});
