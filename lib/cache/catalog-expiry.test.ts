import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { getProductBySlug, listCategoryProducts, searchProducts } from '@/lib/catalog/queries';
import { onPostgres, useTestDatabase } from '@/test/support/db';
import type { ListenSource } from '@/lib/events/transport';
import { insertCategory, insertProduct, insertStore } from '@/test/support/fixtures';
import { createCatalogExpiry, parseCatalogAnnouncement, type CatalogExpiry, type Expiry } from './catalog-expiry';

/*
 * Migration 0019's triggers announce what a catalogue or store change touches, and the listener
 * hands those tags to the process's expiry — on PGlite and, with TEST_DATABASE_URL, PostgreSQL.
 */

let conn: Awaited<ReturnType<typeof useTestDatabase>>;
let expiry: CatalogExpiry;
let calls: Expiry[] = [];
let failNext = 0;
let skuA: number;
let categoryId: number;
let lyon: number;

function source(): ListenSource {
  return conn.kind === 'pglite' ? { kind: 'pglite', client: conn.client } : { kind: 'postgres', config: conn.pool.options };
}

const exec = (q: ReturnType<typeof sql>) => conn.db.execute(q);

/**
 * What `change` got expired: its announcement (one per statement) once it has arrived, or nothing
 * after `ms` (a change that must announce nothing waits that long).
 */
async function expiredAfter(change: () => Promise<unknown>, ms = 3_000): Promise<{ all: boolean; tags: string[] }> {
  calls = [];
  await change();
  const deadline = Date.now() + ms;
  while (calls.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
  await expiry.settled();
  return { all: calls.some((c) => c.all), tags: [...new Set(calls.flatMap((c) => c.tags))].sort() };
}

beforeAll(async () => {
  conn = await useTestDatabase();
  categoryId = await insertCategory(conn.db, 'shoes');
  await insertCategory(conn.db, 'coats');
  [skuA] = (
    await insertProduct(conn.db, { slug: 'trail-42', categoryId, nameFr: 'Trail', nameEn: 'Trail', skus: [{ priceCents: 5000 }, { priceCents: 5500 }] })
  ).skuIds as [number];
  await insertProduct(conn.db, { slug: 'city-7', categoryId, nameFr: 'Ville', nameEn: 'City' });
  lyon = await insertStore(conn.db, { slug: 'lyon', lat: 45.764, lng: 4.8357 });
  expiry = createCatalogExpiry(
    source(),
    async (e) => {
      if (failNext > 0) {
        failNext--;
        throw new Error('server busy');
      }
      calls.push(e);
    },
    { repeatAfterMs: [] },
  ); // the repeats have their own test below
  await new Promise((r) => setTimeout(r, 300)); // LISTEN established
});

afterAll(async () => {
  await expiry?.stop();
  await conn?.drop();
});

beforeEach(() => {
  failNext = 0;
});

describe('catalogue announcements', () => {
  it('a price change expires its product, its department and the catalogue lists', async () => {
    const got = await expiredAfter(() => exec(sql`UPDATE skus SET price_cents = 4500 WHERE id = ${skuA}`));
    expect(got).toEqual({ all: false, tags: ['catalog', 'category:shoes', 'product:trail-42'] });
  });

  it('an update that changes nothing announces nothing', async () => {
    const got = await expiredAfter(() => exec(sql`UPDATE skus SET price_cents = price_cents WHERE id = ${skuA}`), 400);
    expect(got).toEqual({ all: false, tags: [] });
  });

  it('nothing is announced for a rolled-back change', async () => {
    const got = await expiredAfter(
      () =>
        conn.db
          .transaction(async (tx) => {
            await tx.execute(sql`UPDATE skus SET price_cents = 1 WHERE id = ${skuA}`);
            throw new Error('rolled back');
          })
          .catch(() => {}),
      400,
    );
    expect(got.tags).toEqual([]);
  });

  it('a product moved to another department expires both departments', async () => {
    const got = await expiredAfter(() => exec(sql`UPDATE products SET category_id = (SELECT id FROM categories WHERE slug = 'coats') WHERE slug = 'city-7'`));
    expect(got.tags).toEqual(['catalog', 'category:coats', 'category:shoes', 'product:city-7']);
    await expiredAfter(() => exec(sql`UPDATE products SET category_id = ${categoryId} WHERE slug = 'city-7'`)); // heard before the next test
  });

  it('a withdrawn product is announced and disappears from its page, its department and search', async () => {
    const got = await expiredAfter(() => exec(sql`UPDATE products SET withdrawn_at = now() WHERE slug = 'city-7'`));
    expect(got.tags).toEqual(['catalog', 'category:shoes', 'product:city-7']);
    expect(await getProductBySlug('city-7', 'en')).toBeNull();
    expect((await listCategoryProducts({ categoryId, locale: 'en' })).items.map((p) => p.slug)).toEqual(['trail-42']);
    expect(await searchProducts('city', 'en')).toEqual([]);
    await expiredAfter(() => exec(sql`UPDATE products SET withdrawn_at = NULL WHERE slug = 'city-7'`));
    expect((await getProductBySlug('city-7', 'en'))?.slug).toBe('city-7');
  });

  it("a store's hours or services expire its page and the store list", async () => {
    const hours = await expiredAfter(() => exec(sql`INSERT INTO store_hours (store_id, weekday, opens, closes) VALUES (${lyon}, 1, '09:00', '19:00')`));
    expect(hours.tags).toEqual(['store:lyon', 'stores']);
    const services = await expiredAfter(() => exec(sql`UPDATE stores SET drive = NOT drive WHERE location_id = ${lyon}`));
    expect(services.tags).toEqual(['store:lyon', 'stores']);
  });

  it('a department renamed expires the pages of its products (their breadcrumb)', async () => {
    const got = await expiredAfter(() => exec(sql`UPDATE categories SET name_en = 'Footwear' WHERE slug = 'shoes'`));
    expect(got.tags).toEqual(['catalog', 'category:shoes', 'product:city-7', 'product:trail-42']);
  });

  it('a change too large to list (an import, a truncate) expires everything', async () => {
    const got = await expiredAfter(() =>
      exec(sql`INSERT INTO categories (slug, name_fr, name_en) SELECT 'bulk-' || i, 'B', 'B' FROM generate_series(1, 600) i`),
    );
    expect(got.all).toBe(true);
  });

  it('an expiry that fails is tried again with the same tags', async () => {
    failNext = 2;
    const got = await expiredAfter(() => exec(sql`UPDATE skus SET price_cents = 4600 WHERE id = ${skuA}`));
    expect(got.tags).toEqual(['catalog', 'category:shoes', 'product:trail-42']);
  });

  it.runIf(onPostgres)('a lost LISTEN connection expires everything once it listens again (announcements may have been missed)', async () => {
    const got = await expiredAfter(async () => {
      await exec(
        sql`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'comptoir-catalog-expiry' AND datname = current_database()`,
      );
      const deadline = Date.now() + 5_000;
      while (!calls.some((c) => c.all) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    });
    expect(got.all).toBe(true);
  });
});

describe('repeated expiry', () => {
  it('expires an announcement again later, for a render that was under way when it was heard', async () => {
    const heard: { at: number; tags: string[] }[] = [];
    const repeating = createCatalogExpiry(source(), async (e) => void heard.push({ at: Date.now(), tags: e.tags }), { repeatAfterMs: [400, 900] });
    try {
      await new Promise((r) => setTimeout(r, 300)); // LISTEN established
      const changed = Date.now();
      await exec(sql`UPDATE products SET name_en = 'City 2' WHERE slug = 'city-7'`);
      const deadline = Date.now() + 5_000;
      while (heard.length < 3 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      expect(heard.map((h) => h.tags.includes('product:city-7'))).toEqual([true, true, true]);
      expect(heard[1]!.at - changed).toBeGreaterThanOrEqual(400);
      expect(heard[2]!.at - changed).toBeGreaterThanOrEqual(900);
    } finally {
      await repeating.stop();
    }
  });
});

describe('parseCatalogAnnouncement', () => {
  it('reads a JSON array of tags, or everything', () => {
    expect(parseCatalogAnnouncement('["product:a","catalog"]')).toEqual({ all: false, tags: ['product:a', 'catalog'] });
    expect(parseCatalogAnnouncement('["*"]')).toEqual({ all: true, tags: [] });
    for (const bad of [undefined, '', 'resync', '{"a":1}', '[]', '[1,2]']) expect(parseCatalogAnnouncement(bad)).toBeNull();
  });
});
