import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createApiKey } from '@/lib/api/keys';
import { onPostgres, useTestDatabase } from '@/test/support/db';
import { callApi } from '@/test/support/api';
import { insertCategory, insertProduct, insertStore, insertUser, setStock } from '@/test/support/fixtures';
import { POST as postPrices } from './prices/route';
import { POST as postProducts } from './products/route';
import { POST as postStock } from './stock/route';

vi.mock('next/server', async () => ({ ...(await import('next/server.js')), connection: async () => {} }));

let conn: Awaited<ReturnType<typeof useTestDatabase>>;
let admin: number;
let skuId: number;
let ean: string;
let store: number;
let stockKey: string;
beforeAll(async () => {
  conn = await useTestDatabase();
  admin = await insertUser(conn.db, { email: 'admin@example.com', role: 'admin' });
  const cat = await insertCategory(conn.db, 'cuisine', 'Cuisine', 'Kitchen');
  const p = await insertProduct(conn.db, { slug: 'poele', categoryId: cat, nameFr: 'Poêle', nameEn: 'Pan', skus: [{ priceCents: 2490 }] });
  skuId = p.skuIds[0]!;
  // Raw SQL: a test reads the fixture's EAN.
  ean = (await conn.db.execute<{ ean13: string }>(sql`SELECT ean13 FROM skus WHERE id = ${skuId}`)).rows[0]!.ean13;
  store = await insertStore(conn.db, { slug: 'lyon-part-dieu', lat: 45.76, lng: 4.85 });
  await setStock(conn.db, store, skuId, 10, 3);
  stockKey = (await createApiKey({ name: 'Tills', scopes: ['stock'], createdBy: admin })).secret;
});
afterAll(async () => conn?.drop());

async function onHand(): Promise<number> {
  // Raw SQL: a test reads the stock row.
  return (await conn.db.execute<{ on_hand: number }>(sql`SELECT on_hand FROM stock WHERE location_id = ${store} AND sku_id = ${skuId}`)).rows[0]!.on_hand;
}

describe('POST /api/v1/stock: counts and movements through the import', () => {
  it('applies a count, replays it for the same Idempotency-Key, and a movement applies once per key', async () => {
    const count = { rows: [{ store: 'lyon-part-dieu', ean, quantity: 25, mode: 'count' }] };
    const first = await callApi(postStock, '/api/v1/stock', { key: stockKey, body: count, idempotencyKey: 'count-1' });
    expect(first).toMatchObject({ status: 200, body: { import: { status: 'applied', rows: 1, changed: 1 } } });
    expect(await onHand()).toBe(25);
    const replay = await callApi(postStock, '/api/v1/stock', { key: stockKey, body: count, idempotencyKey: 'count-1' });
    expect(replay.body).toEqual(first.body);
    expect(replay.headers.get('idempotency-replayed')).toBe('true');
    // The same count under another key: already so, nothing changes.
    expect((await callApi(postStock, '/api/v1/stock', { key: stockKey, body: count, idempotencyKey: 'count-2' })).body).toMatchObject({
      import: { status: 'unchanged', changed: 0 },
    });

    const delivery = { rows: [{ store: 'lyon-part-dieu', ean, quantity: 5, mode: 'movement' }] };
    await callApi(postStock, '/api/v1/stock', { key: stockKey, body: delivery, idempotencyKey: 'move-1' });
    await callApi(postStock, '/api/v1/stock', { key: stockKey, body: delivery, idempotencyKey: 'move-1' });
    expect(await onHand()).toBe(30);
    // Another delivery of 5 is another key: it applies.
    await callApi(postStock, '/api/v1/stock', { key: stockKey, body: delivery, idempotencyKey: 'move-2' });
    expect(await onHand()).toBe(35);
  });

  it('refuses rows all or nothing, each on its line and column, in the client’s language', async () => {
    const before = await onHand();
    const bad = await callApi(postStock, '/api/v1/stock', {
      key: stockKey,
      idempotencyKey: 'bad-1',
      body: {
        rows: [
          { store: 'lyon-part-dieu', ean, quantity: 7, mode: 'count' },
          { store: 'lyon-part-dieu', ean: '3000000000001', quantity: 1, mode: 'count' },
          { store: 'lyon-part-dieu', ean, quantity: -2, mode: 'count', colour: 'red' },
        ],
      },
    });
    expect(bad.status).toBe(422);
    const error = bad.body.error as { code: string; refusals: { line: number; column: string; message: string }[] };
    expect(error.code).toBe('rows_refused');
    expect(error.refusals.map((r) => [r.line, r.column])).toEqual(
      expect.arrayContaining([
        [2, 'ean'],
        [3, 'colour'],
      ]),
    );
    expect(await onHand()).toBe(before);
    // Rows that parse, refused by the database's rules: an unknown store, a count below the units held.
    const held = await callApi(postStock, '/api/v1/stock', {
      key: stockKey,
      idempotencyKey: 'bad-2',
      headers: { 'accept-language': 'fr-FR,fr;q=0.9' },
      body: {
        rows: [
          { store: 'lyon-part-dieu', ean, quantity: 1, mode: 'count' },
          { store: 'nowhere', ean, quantity: 1, mode: 'count' },
        ],
      },
    });
    expect(held.status).toBe(422);
    const refusals = (held.body.error as { refusals: { line: number; column: string; message: string }[] }).refusals;
    expect(refusals.map((r) => [r.line, r.column])).toEqual([[2, 'store']]);
    expect(refusals[0]!.message).not.toMatch(/unknown store/i); // said in French
    expect(await onHand()).toBe(before);
    const empty = await callApi(postStock, '/api/v1/stock', { key: stockKey, idempotencyKey: 'bad-3', body: { rows: [] } });
    expect(empty).toMatchObject({ status: 422, body: { error: { code: 'invalid_request', issues: [{ path: 'rows' }] } } });
  });

  it('needs the stock scope (a prices key is refused), and prices need the prices scope', async () => {
    const pricesKey = (await createApiKey({ name: 'Pricing', scopes: ['prices'], createdBy: admin })).secret;
    const row = { rows: [{ store: 'lyon-part-dieu', ean, quantity: 1, mode: 'count' }] };
    expect((await callApi(postStock, '/api/v1/stock', { key: pricesKey, body: row, idempotencyKey: 'x' })).status).toBe(403);
    expect((await callApi(postProducts, '/api/v1/products', { key: pricesKey, body: { rows: [] }, idempotencyKey: 'y' })).status).toBe(403);
    const price = await callApi(postPrices, '/api/v1/prices', { key: pricesKey, body: { rows: [{ ean, price: '21.90' }] }, idempotencyKey: 'p-1' });
    expect(price).toMatchObject({ status: 200, body: { import: { status: 'applied', changed: 1 } } });
    // Raw SQL: a test reads the price.
    expect((await conn.db.execute<{ price_cents: number }>(sql`SELECT price_cents FROM skus WHERE id = ${skuId}`)).rows[0]!.price_cents).toBe(2190);
  });

  // Two deliveries of the same write at once (a client that retried too soon): one applies; the
  // other is told to retry (409) or replays the first answer — the units are added once.
  it.runIf(onPostgres)('applies a movement once when the same Idempotency-Key arrives twice at once', async () => {
    const before = await onHand();
    const body = { rows: [{ store: 'lyon-part-dieu', ean, quantity: 4, mode: 'movement' }] };
    const answers = await Promise.all(Array.from({ length: 4 }, () => callApi(postStock, '/api/v1/stock', { key: stockKey, body, idempotencyKey: 'race-1' })));
    expect(answers.filter((a) => a.status === 200).length).toBeGreaterThanOrEqual(1);
    for (const a of answers) expect([200, 409]).toContain(a.status);
    expect(await onHand()).toBe(before + 4);
  });
});
