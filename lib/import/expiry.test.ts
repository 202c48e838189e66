import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCatalogExpiry, type CatalogExpiry, type Expiry } from '@/lib/cache/catalog-expiry';
import type { ListenSource } from '@/lib/events/transport';
import { useTestDatabase } from '@/test/support/db';
import { insertCategory, insertProduct } from '@/test/support/fixtures';
import { runImport } from './run';

/*
 * An import writes through plain SQL, so migration 0019's triggers announce what it changed and
 * every server expires those pages (never a revalidateTag by hand): a price imported expires its
 * product's page and department; the same price imported again expires nothing.
 */

let conn: Awaited<ReturnType<typeof useTestDatabase>>;
let expiry: CatalogExpiry;
let calls: Expiry[] = [];
let ean: string;

async function expiredAfter(change: () => Promise<unknown>, ms = 3_000): Promise<string[]> {
  calls = [];
  await change();
  const deadline = Date.now() + ms;
  while (calls.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
  await expiry.settled();
  return [...new Set(calls.flatMap((c) => (c.all ? ['*'] : c.tags)))].sort();
}

beforeAll(async () => {
  conn = await useTestDatabase();
  const categoryId = await insertCategory(conn.db, 'shoes');
  const { skuIds } = await insertProduct(conn.db, { slug: 'trail-42', categoryId, nameFr: 'Trail', nameEn: 'Trail', skus: [{ priceCents: 5000 }] });
  ean = (await conn.db.execute<{ ean13: string }>(sql`SELECT ean13 FROM skus WHERE id = ${skuIds[0]!}`)).rows[0]!.ean13;
  const source: ListenSource = conn.kind === 'pglite' ? { kind: 'pglite', client: conn.client } : { kind: 'postgres', config: conn.pool.options };
  expiry = createCatalogExpiry(source, async (e) => void calls.push(e), { repeatAfterMs: [] });
  await new Promise((r) => setTimeout(r, 300)); // LISTEN established
});

afterAll(async () => {
  await expiry?.stop();
  await conn?.drop();
});

const importPrice = (price: string) =>
  runImport({ kind: 'prices', format: 'csv', body: `ean,price\n${ean},${price}\n`, actor: { type: 'seed' }, locale: 'en' });

describe('an import expires the cached pages it changed', () => {
  it('a price expires its product, its department and the catalogue lists', async () => {
    expect(await expiredAfter(() => importPrice('45.00'))).toEqual(['catalog', 'category:shoes', 'product:trail-42']);
  });

  it('the same price again changes nothing and expires nothing', async () => {
    let report: Awaited<ReturnType<typeof importPrice>> | undefined;
    expect(await expiredAfter(async () => (report = await importPrice('45.00')), 400)).toEqual([]);
    expect(report).toMatchObject({ status: 'unchanged', changed: 0 });
  });

  it('a refused file expires nothing', async () => {
    expect(
      await expiredAfter(
        () => runImport({ kind: 'prices', format: 'csv', body: `ean,price\n${ean},1.00\n3000000000000,2\n`, actor: { type: 'seed' }, locale: 'en' }),
        400,
      ),
    ).toEqual([]);
  });
});
