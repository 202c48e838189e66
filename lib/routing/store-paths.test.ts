import { describe, expect, it } from 'vitest';
import { STORE_LIST_PATH, STORE_SEARCH_PATH, storeLocatorPath } from './store-paths';

const q = (s = '') => new URLSearchParams(s);

describe('storeLocatorPath', () => {
  it('serves the plain locator from the kept list, whatever else the query holds', () => {
    expect(storeLocatorPath('/stores', q())).toBe(STORE_LIST_PATH);
    expect(storeLocatorPath('/stores/', q())).toBe(STORE_LIST_PATH);
    expect(storeLocatorPath('/stores', q('utm_source=mail'))).toBe(STORE_LIST_PATH);
  });

  it('serves a service filter without a search from that service’s kept list', () => {
    expect(storeLocatorPath('/stores', q('service=drive'))).toBe('/stores/list/drive');
    expect(storeLocatorPath('/stores', q('service=returns-desk&utm_source=x'))).toBe('/stores/list/returns-desk');
    expect(storeLocatorPath('/stores', q('service=click-reserve'))).toBe('/stores/list/click-reserve');
    for (const s of ['service=', 'service=teleport', 'service=returnsDesk', 'service=__proto__'])
      expect(storeLocatorPath('/stores', q(s)), s).toBe(STORE_LIST_PATH);
    expect(storeLocatorPath('/stores', q('near=Lyon&service=drive'))).toBe(STORE_SEARCH_PATH);
  });

  it('serves any search, good or bad, from the per-request page', () => {
    for (const s of ['near=Lyon', 'near=', 'lat=45.7&lng=4.8', 'lat=abc', 'lng=1', 'near=99999&lat=1']) {
      expect(storeLocatorPath('/stores', q(s)), s).toBe(STORE_SEARCH_PATH);
    }
  });

  it('hides the paths behind the public URLs, and anything below a store', () => {
    for (const p of ['/stores/list', '/stores/list/all', '/stores/list/_', '/stores/near', '/stores/near/', '/stores/lyon/x']) {
      expect(storeLocatorPath(p, q()), p).toBe('/_unknown');
    }
  });

  it('leaves store pages and other paths alone', () => {
    expect(storeLocatorPath('/stores/lyon-part-dieu', q('near=x'))).toBeNull();
    expect(storeLocatorPath('/stores/lyon/', q())).toBeNull();
    expect(storeLocatorPath('/storesx', q())).toBeNull();
    expect(storeLocatorPath('/p/x', q('near=1'))).toBeNull();
  });
});
