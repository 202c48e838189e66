import { describe, expect, it } from 'vitest';
import { activeFilterCount, changed, cleared, facetQuery, isFiltered, MAX_VALUES, NO_FACETS, parseFacetParams, toggleValue, withQuery } from './facet-params';

describe('parseFacetParams', () => {
  it('reads every facet, repeated values sorted and deduplicated', () => {
    const p = parseFacetParams({
      q: 'pull',
      brand: ['Brisant', 'Alpéa', 'Brisant'],
      size: 'M',
      colour: 'navy',
      min: '10',
      max: '49,90',
      stock: 'store',
      sort: 'price-asc',
      page: '3',
    });
    expect(p).toEqual({ brand: ['Alpéa', 'Brisant'], size: ['M'], colour: ['navy'], min: 10, max: 49.9, stock: 'store', sort: 'price-asc', page: 3 });
    expect(isFiltered(p)).toBe(true);
    expect(activeFilterCount(p)).toBe(6);
  });

  it('reads nothing as no filter, and the old ?instock=1 as in stock at my store', () => {
    expect(parseFacetParams({})).toEqual(NO_FACETS);
    expect(parseFacetParams(undefined)).toEqual(NO_FACETS);
    expect(isFiltered(parseFacetParams({ page: '4' }))).toBe(false);
    expect(parseFacetParams({ instock: '1' }).stock).toBe('store');
    expect(parseFacetParams({ instock: '1', stock: 'drive' }).stock).toBe('drive');
  });

  it.each([
    ['an unknown sort', { sort: 'cheapest' }, { sort: 'relevance' }],
    ['a sort given twice', { sort: ['newest', 'price-asc'] }, { sort: 'newest' }],
    ['an unknown availability', { stock: 'warehouse' }, { stock: null }],
    ['prices that are not numbers', { min: 'abc', max: '1e9' }, { min: null, max: null }],
    ['a negative price', { min: '-5' }, { min: null }],
    ['a price beyond the bounds', { max: '999999999' }, { max: 100_000 }],
    ['bounds the wrong way round', { min: '50', max: '10' }, { min: 10, max: 50 }],
    ['a page that is not one', { page: '0' }, { page: 1 }],
    ['a page far beyond', { page: '9999999' }, { page: 1000 }],
    ['a page in letters', { page: 'deux' }, { page: 1 }],
    ['a control character', { brand: 'A\u0000B', size: ['\u001b', 'M'] }, { brand: [], size: ['M'] }],
    ['a lone surrogate', { colour: '\uD800' }, { colour: [] }],
    ['an overlong value', { brand: 'x'.repeat(61) }, { brand: [] }],
    ['blank values', { size: ['', '  '] }, { size: [] }],
  ])('ignores or clamps %s', (_what, query, expected) => {
    expect(parseFacetParams(query as Record<string, string | string[]>)).toEqual({ ...NO_FACETS, ...expected });
  });

  it(`keeps at most ${MAX_VALUES} values of a facet`, () => {
    const many = Array.from({ length: 50 }, (_, i) => `b${String(i).padStart(2, '0')}`);
    expect(parseFacetParams({ brand: many }).brand).toHaveLength(MAX_VALUES);
  });
});

describe('facetQuery', () => {
  it('writes the facets in one order whatever order they were read in, defaults left out', () => {
    const a = parseFacetParams({ sort: 'newest', colour: 'red', size: ['M', 'L'], brand: 'Alpéa', stock: 'store', max: '50', min: '10.5' });
    const b = parseFacetParams({ min: '10,50', stock: 'store', size: ['L', 'M'], max: '50.00', brand: 'Alpéa', colour: 'red', sort: 'newest', page: '1' });
    expect(facetQuery(a)).toBe('brand=Alp%C3%A9a&size=L&size=M&colour=red&min=10.50&max=50&stock=store&sort=newest');
    expect(facetQuery(b)).toBe(facetQuery(a));
    expect(facetQuery(NO_FACETS)).toBe('');
    // What it writes reads back the same.
    expect(
      parseFacetParams(
        Object.fromEntries([...new URLSearchParams(facetQuery(a))].reduce((m, [k, v]) => m.set(k, [...(m.get(k) ?? []), v]), new Map<string, string[]>())),
      ),
    ).toEqual(a);
  });

  it('adds to a path with or without a query of its own', () => {
    expect(withQuery('/search?q=pull', 'size=M')).toBe('/search?q=pull&size=M');
    expect(withQuery('/c/vetements', 'size=M')).toBe('/c/vetements?size=M');
    expect(withQuery('/c/vetements', '')).toBe('/c/vetements');
  });
});

describe('changing the facets', () => {
  const p = parseFacetParams({ size: 'M', sort: 'price-desc', page: '3' });
  it('toggles a value and goes back to the first page', () => {
    expect(toggleValue(p, 'size', 'L')).toMatchObject({ size: ['L', 'M'], page: 1 });
    expect(toggleValue(p, 'size', 'M')).toMatchObject({ size: [], page: 1 });
    expect(changed(p, { stock: 'drive' })).toMatchObject({ stock: 'drive', page: 1, sort: 'price-desc' });
  });
  it('clears every filter but keeps the sort', () => {
    expect(cleared(p)).toEqual({ ...NO_FACETS, sort: 'price-desc' });
  });
});
