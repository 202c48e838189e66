import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '@/test/support/db';
import { insertStore } from '@/test/support/fixtures';
import { searchStores } from './locator';
import { places } from './schema';

let conn: Awaited<ReturnType<typeof useTestDatabase>>;
beforeAll(async () => {
  conn = await useTestDatabase();
  await insertStore(conn.db, { slug: 'paris', town: 'Paris', lat: 48.86, lng: 2.35 });
  await insertStore(conn.db, { slug: 'lyon', town: 'Lyon', lat: 45.76, lng: 4.84 });
  await conn.db
    .insert(places)
    .values([{ inseeCode: '69383', postcode: '69003', name: 'Lyon', searchName: 'lyon', department: '69', population: 500_000, lat: 45.75, lng: 4.85 }]);
});
afterAll(async () => conn?.drop());

describe('searchStores', () => {
  it('orders the stores from a place typed', async () => {
    const found = await searchStores({ near: '  69003 ' });
    expect(found).toMatchObject({ near: '69003', place: { name: 'Lyon', postcode: '69003' }, unknown: null, origin: { lat: 45.75, lng: 4.85 } });
    expect(found.stores?.map((s) => s.slug)).toEqual(['lyon', 'paris']);
    expect(found.stores?.[0]?.distanceKm).toBeLessThan(5);
  });

  it('orders the stores from a position, and a place typed wins over it', async () => {
    expect((await searchStores({ lat: '48.85', lng: '2.3' })).stores?.map((s) => s.slug)).toEqual(['paris', 'lyon']);
    expect((await searchStores({ near: 'Lyon', lat: '48.85', lng: '2.3' })).stores?.[0]?.slug).toBe('lyon');
    expect((await searchStores({ lat: ['48.85', '0'], lng: '2.3' })).stores?.[0]?.slug).toBe('paris');
  });

  it('says which postcode or place it does not know, and orders nothing', async () => {
    expect(await searchStores({ near: 'near 99999' })).toMatchObject({ unknown: { postcode: '99999' }, origin: null, stores: null });
    expect(await searchStores({ near: 'Xyzzyville' })).toMatchObject({ unknown: { place: 'Xyzzyville' }, stores: null });
    expect((await searchStores({ near: 'x'.repeat(300) })).near).toHaveLength(100);
  });

  it('ignores coordinates it cannot use: every store, in the usual order', async () => {
    for (const params of [{ lat: 'abc', lng: '2' }, { lat: '91', lng: '2' }, { lat: '45', lng: '-181' }, { lat: '45' }, { near: '' }, {}]) {
      expect(await searchStores(params), JSON.stringify(params)).toMatchObject({ origin: null, unknown: null, stores: null });
    }
  });
});
