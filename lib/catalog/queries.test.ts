import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '@/test/support/db';
import { insertCategory, insertProduct, insertStore, setStock } from '@/test/support/fixtures';
import { getProductBySlug, listCategoryProducts, searchProducts } from './queries';

let conn: Awaited<ReturnType<typeof useTestDatabase>>;
let shoes: number, kitchen: number, store: number;
let shoeSkus: number[];

beforeAll(async () => {
  conn = await useTestDatabase();
  const db = conn.db;
  shoes = await insertCategory(db, 'chaussures', 'Chaussures', 'Shoes');
  kitchen = await insertCategory(db, 'cuisine', 'Cuisine', 'Kitchen');
  ({ skuIds: shoeSkus } = await insertProduct(db, {
    slug: 'chaussures-randonnee',
    categoryId: shoes,
    nameFr: 'Chaussures de randonnée imperméables',
    nameEn: 'Waterproof hiking shoes',
    skus: [
      { size: '41', priceCents: 7999 },
      { size: '42', priceCents: 7999 },
    ],
  }));
  await insertProduct(db, { slug: 'baskets-ville', categoryId: shoes, nameFr: 'Baskets de ville', nameEn: 'City trainers', brand: 'Brisant' });
  await insertProduct(db, { slug: 'poele-24', categoryId: kitchen, nameFr: 'Poêle 24 cm', nameEn: 'Frying pan 24 cm' });
  store = await insertStore(db, { slug: 'lyon', lat: 45.76, lng: 4.86 });
  await setStock(db, store, shoeSkus[0]!, 2, 0);
  await setStock(db, store, shoeSkus[1]!, 5, 5); // all reserved: not available
});
afterAll(async () => conn?.drop());

describe('searchProducts', () => {
  it.each([['chaussures'], ['chaussure'], ['shoes'], ['shoe'], ['randonnée'], ['hiking']])('finds the hiking shoes for "%s"', async (q) => {
    const found = await searchProducts(q, 'en');
    expect(found.map((p) => p.slug)).toContain('chaussures-randonnee');
    expect(found.map((p) => p.slug)).not.toContain('poele-24');
  });

  it('finds a brand, names the product in the asked locale, and copes with odd input', async () => {
    expect((await searchProducts('Brisant', 'fr')).map((p) => p.name)).toEqual(['Baskets de ville']);
    expect(await searchProducts('   ', 'fr')).toEqual([]);
    expect(await searchProducts('"unterminated & | !', 'fr')).toEqual([]);
  });

  it('finds a product by the EAN-13 printed on its label', async () => {
    const [row] = (await conn.db.execute<{ ean13: string }>(sql`SELECT ean13 FROM skus WHERE id = ${shoeSkus[1]!}`)).rows;
    expect((await searchProducts(row!.ean13, 'fr')).map((p) => p.slug)).toEqual(['chaussures-randonnee']);
  });
});

describe('listCategoryProducts', () => {
  it('counts units available at my store and filters on them', async () => {
    const all = await listCategoryProducts({ categoryId: shoes, locale: 'fr', storeId: store });
    expect(all.total).toBe(2);
    const hiking = all.items.find((p) => p.slug === 'chaussures-randonnee');
    expect(hiking?.availableAtStore).toBe(2);
    const inStock = await listCategoryProducts({ categoryId: shoes, locale: 'fr', storeId: store, inStockOnly: true });
    expect(inStock.items.map((p) => p.slug)).toEqual(['chaussures-randonnee']);
  });

  it('ignores the filter without a store', async () => {
    const r = await listCategoryProducts({ categoryId: shoes, locale: 'en', inStockOnly: true });
    expect(r.total).toBe(2);
    expect(r.items[0]?.availableAtStore).toBeUndefined();
  });
});

describe('getProductBySlug', () => {
  it('returns SKUs in order, and null for an unknown slug', async () => {
    const p = await getProductBySlug('chaussures-randonnee', 'en');
    expect(p?.name).toBe('Waterproof hiking shoes');
    expect(p?.skus.map((s) => s.size)).toEqual(['41', '42']);
    expect(await getProductBySlug('nope', 'en')).toBeNull();
  });
});
