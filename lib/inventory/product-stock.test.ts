import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '@/test/support/db';
import { insertCategory, insertProduct, insertStore, insertWarehouse, setStock } from '@/test/support/fixtures';
import { getProductStock } from './product-stock';

let conn: Awaited<ReturnType<typeof useTestDatabase>>;
let sku: number;
let paris: number;
let versailles: number;
let lyon: number;
let warehouse: number;

beforeAll(async () => {
  conn = await useTestDatabase();
  const cat = await insertCategory(conn.db, 'sport');
  sku = (await insertProduct(conn.db, { slug: 'gourde', categoryId: cat, nameFr: 'Gourde', nameEn: 'Bottle' })).skuIds[0]!;
  paris = await insertStore(conn.db, { slug: 'paris', name: 'Paris', lat: 48.86, lng: 2.35 });
  versailles = await insertStore(conn.db, { slug: 'versailles', name: 'Versailles', lat: 48.8, lng: 2.13 });
  lyon = await insertStore(conn.db, { slug: 'lyon', name: 'Lyon', lat: 45.76, lng: 4.84, clickReserve: false });
  warehouse = await insertWarehouse(conn.db);
  await setStock(conn.db, paris, sku, 4, 1);
  await setStock(conn.db, versailles, sku, 2);
  await setStock(conn.db, lyon, sku, 9);
  await setStock(conn.db, warehouse, sku, 30, 5);
});
afterAll(async () => conn?.drop());

describe('getProductStock', () => {
  it('gives my store, its nearest stores nearest first, the web, and the shops that can hold it', async () => {
    const stock = (await getProductStock(sku, paris))!;
    expect(stock.myStore).toMatchObject({ storeId: paris, available: 3 });
    expect(stock.myStore).not.toHaveProperty('lat');
    expect(stock.nearby.map((s) => s.storeId)).toEqual([versailles, lyon]);
    expect(stock.online).toMatchObject({ locationId: warehouse, available: 25 });
    // Lyon does not take click & reserve; my store is preselected and first.
    expect(stock.reserve.stores.map((s) => s.storeId)).toEqual([paris, versailles]);
    expect(stock.reserve).toMatchObject({ defaultStoreId: paris, nearestFirst: true });
    expect(stock.reserve.maxUnitsPerSku).toBeGreaterThan(0);
  });

  it('without my store: no store figures, every shop that can hold it by name', async () => {
    const stock = (await getProductStock(sku, null))!;
    expect(stock.myStore).toBeNull();
    expect(stock.nearby).toEqual([]);
    expect(stock.reserve.nearestFirst).toBe(false);
    expect(stock.reserve.stores.map((s) => s.name)).toEqual(['Paris', 'Versailles']);
  });

  it('a store that sold out is no shop to reserve in, and my store falls back to the first that can', async () => {
    await setStock(conn.db, paris, sku, 1, 1);
    const stock = (await getProductStock(sku, paris))!;
    expect(stock.myStore).toMatchObject({ available: 0 });
    expect(stock.reserve.stores.map((s) => s.storeId)).toEqual([versailles]);
    expect(stock.reserve.defaultStoreId).toBe(versailles);
    await setStock(conn.db, paris, sku, 4, 1);
  });

  it('knows nothing of an unknown SKU or one of a withdrawn product', async () => {
    expect(await getProductStock(2_000_000_000, null)).toBeNull();
    expect(await getProductStock(0, null)).toBeNull();
    expect(await getProductStock(Number.NaN, null)).toBeNull();
    await conn.db.execute(sql`UPDATE products SET withdrawn_at = now() WHERE slug = 'gourde'`);
    expect(await getProductStock(sku, paris)).toBeNull();
    await conn.db.execute(sql`UPDATE products SET withdrawn_at = NULL WHERE slug = 'gourde'`);
  });
});
