import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '@/test/support/db';
import { receiveGoods } from './commands';
import { LOOKUP_LIMIT, lookupStock } from './staff-queries';

let conn: Awaited<ReturnType<typeof useTestDatabase>>;

beforeAll(async () => {
  conn = await useTestDatabase();
  if (conn.kind === 'postgres') conn.pool.on('error', () => {});
  await conn.db.execute(sql`INSERT INTO locations (id, code, kind, name) VALUES (1, 'A', 'store', 'A'), (2, 'B', 'store', 'B')`);
  await conn.db.execute(sql`INSERT INTO categories (id, slug, name_fr, name_en) VALUES (1, 'c', 'C', 'C')`);
  await conn.db.execute(sql`
    INSERT INTO products (id, slug, category_id, brand, name_fr, name_en, description_fr, description_en, images) VALUES
      (1, 'trail', 1, 'Kalenji', 'Chaussures de trail', 'Trail running shoes', '', '', '[]'),
      (2, 'gourde', 1, 'Quechua', 'Gourde isotherme 50% recyclée', 'Insulated bottle', '', '', '[]'),
      (4, 'poele', 1, 'Tefal', 'Poêle à crêpes', 'Crêpe pan', '', '', '[]')`);
  await conn.db.execute(sql`
    INSERT INTO skus (id, product_id, ean13, size, colour, price_cents) VALUES
      (10, 1, '3000000000010', '42', 'navy', 5999), (11, 1, '3000000000027', '43', 'navy', 5999),
      (20, 2, '3000000000034', '1 L', null, 1999), (40, 4, '3000000000041', '26 cm', null, 2499)`);
  // 25 more SKUs of one product, to check the limit.
  await conn.db.execute(sql`
    INSERT INTO products (id, slug, category_id, brand, name_fr, name_en, description_fr, description_en, images)
    VALUES (3, 'chaussette', 1, 'Kipsta', 'Chaussettes', 'Socks', '', '', '[]')`);
  await conn.db.execute(sql`
    INSERT INTO skus (id, product_id, ean13, size, price_cents)
    SELECT 100 + g, 3, lpad((4000000000000 + g)::text, 13, '0'), g::text, 500 FROM generate_series(1, 25) g`);
  await receiveGoods({ locationId: 1, skuId: 10, quantity: 5, actorId: null, idempotencyKey: randomUUID() });
  await receiveGoods({ locationId: 2, skuId: 10, quantity: 50, actorId: null, idempotencyKey: randomUUID() });
  await conn.db.execute(sql`UPDATE stock SET reserved = 2 WHERE location_id = 1 AND sku_id = 10`);
});
afterAll(async () => conn?.drop());

describe('lookupStock', () => {
  it('finds one SKU by its barcode, with this location’s figures', async () => {
    const rows = await lookupStock({ locationId: 1, query: ' 3000000000010 ' });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ skuId: 10, nameFr: 'Chaussures de trail', size: '42', onHand: 5, reserved: 2, available: 3 });
    expect(rows[0]?.updatedAt).toBeInstanceOf(Date);
  });

  it('shows 0 for SKUs the location never held', async () => {
    const [row] = await lookupStock({ locationId: 1, query: '3000000000027' });
    expect(row).toMatchObject({ skuId: 11, onHand: 0, reserved: 0, available: 0, updatedAt: null });
  });

  it('searches names in both languages, brands and word starts', async () => {
    for (const q of ['chaussures', 'running shoes', 'kalenji', 'kalen', 'TRAIL']) {
      const rows = await lookupStock({ locationId: 2, query: q });
      expect(
        rows.map((r) => r.skuId),
        q,
      ).toEqual(expect.arrayContaining([10, 11]));
    }
    expect((await lookupStock({ locationId: 2, query: 'trail' }))[0]).toMatchObject({ skuId: 10, onHand: 50 });
  });

  it('finds a name typed without its accents or in capitals, and part of a word', async () => {
    for (const q of ['poele', 'POÊLE', 'Poele a crepes', 'crepe pan', 'CRÊP', 'tefal']) {
      expect(
        (await lookupStock({ locationId: 1, query: q })).map((r) => r.skuId),
        q,
      ).toEqual([40]);
    }
    expect((await lookupStock({ locationId: 1, query: 'recyclee' })).map((r) => r.skuId)).toEqual([20]);
  });

  it('treats LIKE wildcards literally and caps results', async () => {
    expect((await lookupStock({ locationId: 1, query: '50%' })).map((r) => r.skuId)).toEqual([20]);
    expect(await lookupStock({ locationId: 1, query: '_' })).toEqual([]);
    expect(await lookupStock({ locationId: 1, query: '   ' })).toEqual([]);
    expect(await lookupStock({ locationId: 1, query: 'chaussettes' })).toHaveLength(LOOKUP_LIMIT);
  });
});
