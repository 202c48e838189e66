import { describe, expect, it } from 'vitest';
import { getDictionary } from '@/lib/i18n/dictionary';
import { describeAuditChange } from './describe';

/* The audit log as staff read it: field names in their language, values formatted, not raw keys and cents. */

const fr = { locale: 'fr' as const, t: getDictionary('fr').backOffice };
const en = { locale: 'en' as const, t: getDictionary('en').backOffice };
const nbsp = (s: string) => s.replace(/\u202f|\u00a0/g, ' ');
const read = (rows: { label: string; before: string; after: string }[]) => rows.map((r) => [r.label, nbsp(r.before), nbsp(r.after)]);

describe('an audit line as staff read it', () => {
  it('a price change: « Prix » in euros the French way, "Price" the English way; unchanged fields left out', () => {
    const before = { priceCents: 4599, size: 'M', colour: 'Bleu', ean13: '4006381333931' };
    const after = { priceCents: 3990, size: 'M', colour: 'Bleu', ean13: '4006381333931' };
    expect(read(describeAuditChange(before, after, fr))).toEqual([['Prix', '45,99 €', '39,90 €']]);
    expect(read(describeAuditChange(before, after, en))).toEqual([['Price', '€45.99', '€39.90']]);
  });

  it('names, brand and department by name; a field added or removed shows a dash', () => {
    const departmentName = (id: number) => (id === 3 ? 'Cuisine' : undefined);
    const rows = describeAuditChange(
      { nameFr: 'Bouilloire', brand: 'Batteur', categoryId: 3 },
      { nameFr: 'Bouilloire électrique', brand: 'Lumio', categoryId: 4, nameEn: 'Kettle' },
      { ...fr, departmentName },
    );
    expect(read(rows)).toEqual([
      ['Nom (français)', 'Bouilloire', 'Bouilloire électrique'],
      ['Marque', 'Batteur', 'Lumio'],
      ['Rayon', 'Cuisine', '#4'],
      ['Nom (anglais)', '—', 'Kettle'],
    ]);
  });

  it('withdrawn and restored, a scheduled price’s date, pictures counted, booleans as yes/no', () => {
    const at = '2026-12-06T09:30:00.000Z';
    expect(read(describeAuditChange({ withdrawnAt: null }, { withdrawnAt: at }, en))).toEqual([['Sale', 'on sale', 'withdrawn from sale on 6 Dec, 10:30']]);
    expect(read(describeAuditChange({ withdrawnAt: at }, { withdrawnAt: null }, fr))).toEqual([
      ['Mise en vente', 'retiré de la vente le 6 déc., 10:30', 'en vente'],
    ]);
    expect(read(describeAuditChange(null, { skuId: 12, priceCents: 1999, effectiveAt: at }, en))).toEqual([
      ['Variant', '—', '#12'],
      ['Price', '—', '€19.99'],
      ['Takes effect', '—', '6 Dec, 10:30'],
    ]);
    expect(read(describeAuditChange({ images: ['/a.webp'] }, { images: ['/a.webp', '/b.webp'] }, fr))).toEqual([['Photos', '1 photo', '2 photos']]);
    expect(read(describeAuditChange({ featured: false }, { featured: true }, fr))).toEqual([['featured', 'non', 'oui']]);
  });

  it('a key it does not know is shown as it is, with its value', () => {
    expect(read(describeAuditChange({ shelfLife: 10 }, { shelfLife: 1200 }, en))).toEqual([['shelfLife', '10', '1,200']]);
    expect(describeAuditChange({ a: 1 }, { a: 1 }, en)).toEqual([]);
  });
});
