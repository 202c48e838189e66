import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '@/test/support/db';
import { insertCategory, insertProduct, insertStore, insertWarehouse, setStock } from '@/test/support/fixtures';
import { addToCart, createAnonymousCart } from './commands';
import { StoreWithoutDriveError } from './errors';
import { cartAvailability, listDriveStoresForCart, nearestDriveStoresWithAll } from './queries';

let conn: Awaited<ReturnType<typeof useTestDatabase>>;
let skus: number[];
let warehouse: number;
let near: number; // drive, 0.5 km from the origin, lacks the second SKU
let mid: number; // drive, ~5 km, has everything
let far: number; // drive, ~30 km, has everything
let noDrive: number; // has everything, no drive
const origin = { lat: 45.76, lng: 4.83 };

beforeAll(async () => {
  conn = await useTestDatabase();
  const cat = await insertCategory(conn.db, 'c');
  skus = (await insertProduct(conn.db, { slug: 'p', categoryId: cat, nameFr: 'P', nameEn: 'P', skus: [{}, {}, {}] })).skuIds;
  warehouse = await insertWarehouse(conn.db);
  near = await insertStore(conn.db, { slug: 'near', name: 'Near', lat: 45.764, lng: 4.834, drive: true });
  mid = await insertStore(conn.db, { slug: 'mid', name: 'Mid', lat: 45.8, lng: 4.86, drive: true });
  far = await insertStore(conn.db, { slug: 'far', name: 'Far', lat: 46.0, lng: 4.95, drive: true });
  noDrive = await insertStore(conn.db, { slug: 'plain', name: 'Plain', lat: 45.761, lng: 4.831 });
  const [a, b, c] = skus as [number, number, number];
  await setStock(conn.db, warehouse, a, 10);
  await setStock(conn.db, warehouse, b, 3, 2); // 1 available
  // c: no warehouse row at all
  await setStock(conn.db, near, a, 5);
  await setStock(conn.db, near, b, 1, 1); // 0 available
  for (const s of [mid, far, noDrive]) {
    await setStock(conn.db, s, a, 5);
    await setStock(conn.db, s, b, 4);
    await setStock(conn.db, s, c, 4);
  }
});
afterAll(async () => conn?.drop());

describe('availability for the chosen mode', () => {
  it('home delivery reads the web warehouse: available = on hand − reserved ≥ quantity', async () => {
    const { id } = await createAnonymousCart();
    await addToCart(id, skus[0]!, 2);
    await addToCart(id, skus[1]!, 2);
    await addToCart(id, skus[2]!, 1);
    const a = await cartAvailability(id, 'delivery');
    expect(a).toEqual({
      mode: 'delivery',
      locationId: warehouse,
      allAvailable: false,
      lines: [
        { skuId: skus[0], quantity: 2, available: 10, ok: true },
        { skuId: skus[1], quantity: 2, available: 1, ok: false },
        { skuId: skus[2], quantity: 1, available: 0, ok: false },
      ],
    });
  });

  it('drive reads the store’s own shelf', async () => {
    const { id } = await createAnonymousCart();
    await addToCart(id, skus[0]!, 5);
    await addToCart(id, skus[1]!, 1);
    const atNear = await cartAvailability(id, 'drive', near);
    expect(atNear.lines.map((l) => [l.ok, l.available])).toEqual([
      [true, 5],
      [false, 0],
    ]);
    expect(atNear.allAvailable).toBe(false);
    expect((await cartAvailability(id, 'drive', mid)).allAvailable).toBe(true);
    await addToCart(id, skus[0]!, 1); // 6 > 5 on the shelf
    expect((await cartAvailability(id, 'drive', mid)).lines[0]).toMatchObject({ ok: false, available: 5, quantity: 6 });
  });

  it('refuses a store without drive (or none), and an empty cart is not available', async () => {
    const { id } = await createAnonymousCart();
    await expect(cartAvailability(id, 'drive', noDrive)).rejects.toBeInstanceOf(StoreWithoutDriveError);
    await expect(cartAvailability(id, 'drive', null)).rejects.toBeInstanceOf(StoreWithoutDriveError);
    await expect(cartAvailability(id, 'drive', 999_999)).rejects.toBeInstanceOf(StoreWithoutDriveError);
    expect(await cartAvailability(id, 'drive', near)).toEqual({ mode: 'drive', locationId: near, lines: [], allAvailable: false });
    expect(await cartAvailability(id, 'delivery')).toEqual({ mode: 'delivery', locationId: warehouse, lines: [], allAvailable: false });
  });
});

describe('the nearest drive stores holding every line', () => {
  it('skips stores lacking a line and stores without drive, nearest first, with the distance', async () => {
    const { id } = await createAnonymousCart();
    await addToCart(id, skus[0]!, 2);
    await addToCart(id, skus[1]!, 1);
    const found = await nearestDriveStoresWithAll(id, origin);
    expect(found.map((s) => s.name)).toEqual(['Mid', 'Far']);
    expect(found[0]!.distanceKm).toBeGreaterThan(4);
    expect(found[0]!.distanceKm).toBeLessThan(6);
    expect(found[1]!.distanceKm).toBeGreaterThan(found[0]!.distanceKm!);
    expect(found.every((s) => s.missingLines === 0)).toBe(true);
    expect((await nearestDriveStoresWithAll(id, origin, 1)).map((s) => s.name)).toEqual(['Mid']);
    // Only the first SKU: the nearest store has it.
    const { id: small } = await createAnonymousCart();
    await addToCart(small, skus[0]!, 1);
    expect((await nearestDriveStoresWithAll(small, origin)).map((s) => s.name)).toEqual(['Near', 'Mid', 'Far']);
    // From the far end, the order turns round.
    expect((await nearestDriveStoresWithAll(small, { lat: 46.1, lng: 4.97 })).map((s) => s.name)).toEqual(['Far', 'Mid', 'Near']);
  });

  it('without an origin, by name; an empty cart has none; a too-large quantity has none', async () => {
    const { id } = await createAnonymousCart();
    expect(await nearestDriveStoresWithAll(id, origin)).toEqual([]);
    await addToCart(id, skus[2]!, 1);
    expect((await nearestDriveStoresWithAll(id, null)).map((s) => [s.name, s.distanceKm])).toEqual([
      ['Far', null],
      ['Mid', null],
    ]);
    await addToCart(id, skus[2]!, 10);
    expect(await nearestDriveStoresWithAll(id, origin)).toEqual([]);
  });

  it('the picker lists every drive store with how many lines each lacks', async () => {
    const { id } = await createAnonymousCart();
    await addToCart(id, skus[1]!, 1);
    await addToCart(id, skus[2]!, 1);
    const list = await listDriveStoresForCart(id, origin);
    expect(list.map((s) => [s.name, s.missingLines])).toEqual([
      ['Near', 2],
      ['Mid', 0],
      ['Far', 0],
    ]);
    expect((await listDriveStoresForCart(null, null)).map((s) => [s.name, s.missingLines])).toEqual([
      ['Far', 0],
      ['Mid', 0],
      ['Near', 0],
    ]);
  });
});
