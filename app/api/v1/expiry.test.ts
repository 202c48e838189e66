import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createApiKey } from '@/lib/api/keys';
import { createCatalogExpiry, type CatalogExpiry, type Expiry } from '@/lib/cache/catalog-expiry';
import type { ListenSource } from '@/lib/events/transport';
import { useTestDatabase } from '@/test/support/db';
import { callApi } from '@/test/support/api';
import { insertCategory, insertProduct, insertUser } from '@/test/support/fixtures';
import { POST as postPrices } from './prices/route';

vi.mock('next/server', async () => ({ ...(await import('next/server.js')), connection: async () => {} }));

/*
 * A price posted to the API reaches the product pages at once: the write goes through the import's
 * plain SQL, which migration 0019's triggers announce, and every server expires those pages — the
 * handler never calls revalidateTag itself.
 */
let conn: Awaited<ReturnType<typeof useTestDatabase>>;
let expiry: CatalogExpiry;
let calls: Expiry[] = [];
let ean: string;
let key: string;

beforeAll(async () => {
  conn = await useTestDatabase();
  const admin = await insertUser(conn.db, { email: 'admin@example.com', role: 'admin' });
  key = (await createApiKey({ name: 'Pricing', scopes: ['prices'], createdBy: admin })).secret;
  const categoryId = await insertCategory(conn.db, 'shoes');
  const { skuIds } = await insertProduct(conn.db, { slug: 'trail-42', categoryId, nameFr: 'Trail', nameEn: 'Trail', skus: [{ priceCents: 5000 }] });
  // Raw SQL: a test reads the fixture's EAN.
  ean = (await conn.db.execute<{ ean13: string }>(sql`SELECT ean13 FROM skus WHERE id = ${skuIds[0]!}`)).rows[0]!.ean13;
  const source: ListenSource = conn.kind === 'pglite' ? { kind: 'pglite', client: conn.client } : { kind: 'postgres', config: conn.pool.options };
  expiry = createCatalogExpiry(source, async (e) => void calls.push(e), { repeatAfterMs: [] });
  await new Promise((r) => setTimeout(r, 300)); // LISTEN established
});

afterAll(async () => {
  await expiry?.stop();
  await conn?.drop();
});

describe('POST /api/v1/prices', () => {
  it('expires the product’s page, its department and the catalogue lists', async () => {
    calls = [];
    const r = await callApi(postPrices, '/api/v1/prices', { key, body: { rows: [{ ean, price: '45.00' }] }, idempotencyKey: 'price-1' });
    expect(r.status).toBe(200);
    const deadline = Date.now() + 3_000;
    while (calls.length === 0 && Date.now() < deadline) await new Promise((res) => setTimeout(res, 10));
    await expiry.settled();
    expect([...new Set(calls.flatMap((c) => (c.all ? ['*'] : c.tags)))].sort()).toEqual(['catalog', 'category:shoes', 'product:trail-42']);
  });
});
