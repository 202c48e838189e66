import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '@/test/support/db';
import { insertCategory, insertProduct, insertStore } from '@/test/support/fixtures';
import { productSkuPath, slugExists } from './known-slugs';

let conn: Awaited<ReturnType<typeof useTestDatabase>>;
beforeAll(async () => {
  conn = await useTestDatabase();
  const cat = await insertCategory(conn.db, 'cuisine');
  await insertProduct(conn.db, { slug: 'poele-24', categoryId: cat, nameFr: 'Poêle', nameEn: 'Pan' });
  await insertStore(conn.db, { slug: 'lyon', lat: 45.76, lng: 4.84 });
});
afterAll(async () => conn?.drop());

describe('slugExists', () => {
  it('knows products, departments and stores, and lets other paths through', async () => {
    expect(await slugExists('/p/poele-24')).toBe(true);
    expect(await slugExists('/c/cuisine')).toBe(true);
    expect(await slugExists('/stores/lyon')).toBe(true);
    expect(await slugExists('/p/nope')).toBe(false);
    expect(await slugExists('/c/nope/')).toBe(false);
    expect(await slugExists('/stores/%E0%A4')).toBe(false);
    expect(await slugExists('/stores')).toBe(true);
    expect(await slugExists('/search')).toBe(true);
  });

  it('sees a product added after the list was loaded', async () => {
    const cat = (await conn.db.execute<{ id: number }>(sql`SELECT id FROM categories LIMIT 1`)).rows[0]!.id;
    await insertProduct(conn.db, { slug: 'new-pan', categoryId: cat, nameFr: 'N', nameEn: 'N' });
    await new Promise((r) => setTimeout(r, 5_100));
    expect(await slugExists('/p/new-pan')).toBe(true);
  });
});

describe('productSkuPath', () => {
  it("serves ?sku= from the SKU's own page only when the SKU is the product's", async () => {
    const [own] = (
      await conn.db.execute<{ id: number }>(sql`SELECT k.id FROM skus k JOIN products p ON p.id = k.product_id WHERE p.slug = 'poele-24' ORDER BY k.id LIMIT 1`)
    ).rows;
    const [other] = (
      await conn.db.execute<{ id: number }>(
        sql`SELECT k.id FROM skus k JOIN products p ON p.id = k.product_id WHERE p.slug <> 'poele-24' ORDER BY k.id LIMIT 1`,
      )
    ).rows;
    expect(own).toBeDefined();
    expect(await productSkuPath('/p/poele-24', String(own!.id))).toBe(`/p/poele-24~${own!.id}`);
    expect(await productSkuPath('/p/poele-24/', String(own!.id))).toBe(`/p/poele-24~${own!.id}`);
    if (other) expect(await productSkuPath('/p/poele-24', String(other.id))).toBeNull();
    expect(await productSkuPath('/p/poele-24', '999999999')).toBeNull();
    expect(await productSkuPath('/p/poele-24', '0')).toBeNull();
    expect(await productSkuPath('/p/poele-24', `${own!.id}abc`)).toBeNull();
    expect(await productSkuPath('/p/poele-24', null)).toBeNull();
    expect(await productSkuPath('/c/cuisine', String(own!.id))).toBeNull();
    expect(await productSkuPath('/p/nope', String(own!.id))).toBeNull();
  });
});
