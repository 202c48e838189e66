import { describe, expect, it } from 'vitest';
import { CATALOG_TAG, STORES_TAG, categoryTag, productTag, storeTag } from './tags';

// The fleet's listener expires these very strings when catalogue rows change: they are a contract.
describe('cache tags', () => {
  it('name a product, a department and a store by slug', () => {
    expect(productTag('veste-pluie')).toBe('product:veste-pluie');
    expect(categoryTag('chaussures')).toBe('category:chaussures');
    expect(storeTag('lyon-part-dieu')).toBe('store:lyon-part-dieu');
  });
  it('have one tag for the catalogue lists and one for the store list', () => {
    expect(CATALOG_TAG).toBe('catalog');
    expect(STORES_TAG).toBe('stores');
  });
});
