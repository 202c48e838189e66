import { describe, expect, it } from 'vitest';
import { asEan13, editDistance, fold, positions, synonymIndex, tokenize } from './search-query';
import { SYNONYM_GROUPS } from './synonyms';

describe('reading a query', () => {
  it('folds accents, ligatures and capitals as comptoir_fold does', () => {
    expect(fold('Œuf POÊLE Crème')).toBe('oeuf poele creme');
  });

  it('keeps hyphenated words whole, and reads phrases of the synonym list as one position', () => {
    expect(tokenize('Tee-shirt, bleu!')).toEqual([
      { text: 'tee-shirt', parts: ['tee', 'shirt'] },
      { text: 'bleu', parts: ['bleu'] },
    ]);
    const found = positions(tokenize('chaussures de sport rouges'));
    expect(found.map((p) => [p.literal, p.single])).toEqual([
      ['chaussures de sport', false],
      ['rouges', true],
    ]);
    expect(positions(tokenize('tee shirt')).map((p) => p.literal)).toEqual(['tee shirt']);
  });

  it('looks each synonym up in its own language, and a `typed` word not at all', () => {
    const [sweater] = positions(tokenize('sweater'));
    expect([sweater!.fr, sweater!.en]).toEqual([false, true]);
    expect(sweater!.synonyms).toContainEqual({ config: 'french', text: 'pull', weights: 'A' });
    const [basket] = positions(tokenize('baskets'));
    expect([basket!.fr, basket!.en]).toEqual([false, false]);
    expect(basket!.synonyms.map((a) => a.text)).not.toContain('basket');
  });

  it('has no word of the list that finds nothing: every group has words in both languages', () => {
    for (const g of SYNONYM_GROUPS) expect(g.fr.length > 0 && g.en.length > 0, g.fr.join(', ')).toBe(true);
    expect(synonymIndex().size).toBeGreaterThan(150);
  });

  it('counts typing mistakes with transpositions, and reads a barcode with spaces', () => {
    expect(editDistance('tenet', 'tente', 2)).toBe(1);
    expect(editDistance('perseuse', 'perceuse', 2)).toBe(1);
    expect(editDistance('abc', 'xyzuvw', 2)).toBe(3);
    expect(asEan13('3 760158 000017')).toBe('3760158000017');
    expect(asEan13('376015800001')).toBeNull();
  });
});
