import fc from 'fast-check';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createApiKey } from '@/lib/api/keys';
import { API_SCOPES } from '@/lib/api/schema';
import { useTestDatabase } from '@/test/support/db';
import { callApi } from '@/test/support/api';
import { insertCategory, insertProduct, insertStore, insertUser, setStock } from '@/test/support/fixtures';

vi.mock('next/server', async () => ({ ...(await import('next/server.js')), connection: async () => {} }));

/*
 * The fuzz of app/actions.fuzz.test.ts calls every route without a key (a 401 at the door); here
 * every /api/v1 handler is called WITH a key that has every scope, so the inputs reach the parsers
 * and the import: random queries, random bodies (half-valid rows naming a real store and EAN,
 * hostile strings, wrong types, raw text), random Idempotency-Keys. Each must answer below 500,
 * and a refused write must change no stock.
 */
const routes = import.meta.glob<Record<string, unknown>>('./**/route.ts', { eager: true });
const RUNS = Number(process.env.FUZZ_RUNS || 40);

let conn: Awaited<ReturnType<typeof useTestDatabase>>;
let key: string;
let ean: string;
beforeAll(async () => {
  conn = await useTestDatabase();
  const admin = await insertUser(conn.db, { email: 'admin@example.com', role: 'admin' });
  const cat = await insertCategory(conn.db, 'cuisine');
  const p = await insertProduct(conn.db, { slug: 'poele', categoryId: cat, nameFr: 'Poêle', nameEn: 'Pan' });
  // Raw SQL: a test reads the fixture's EAN.
  ean = (await conn.db.execute<{ ean13: string }>(sql`SELECT ean13 FROM skus WHERE id = ${p.skuIds[0]!}`)).rows[0]!.ean13;
  const store = await insertStore(conn.db, { slug: 'lyon', lat: 45.7, lng: 4.8 });
  await setStock(conn.db, store, p.skuIds[0]!, 10, 4);
  key = (await createApiKey({ name: 'All', scopes: [...API_SCOPES], createdBy: admin })).secret;
});
afterAll(async () => conn?.drop());

const nasty = fc.oneof(
  fc.constantFrom('', ' ', '-1', '0', '1.5', '1e309', 'NaN', 'null', '[]', '{}', "'; DROP TABLE stock; --", '\u0000', '\ud800', '😀', 'x'.repeat(5000)),
  fc.string({ maxLength: 30 }),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
);

describe('/api/v1 with a key of every scope, fuzzed', () => {
  it.each(Object.keys(routes))('%s: never answers 5xx', async (file) => {
    const path = '/api/v1' + file.replace(/^\./, '').replace(/\/route\.ts$/, '');
    const mod = routes[file]!;
    const stockOf = async () => (await conn.db.execute<{ s: number }>(sql`SELECT sum(on_hand)::int AS s FROM stock`)).rows[0]!.s;
    for (const [method, handler] of Object.entries(mod)) {
      if (method === 'GET') {
        await fc.assert(
          fc.asyncProperty(fc.array(fc.tuple(fc.constantFrom('after', 'limit', 'x'), nasty.map(String)), { maxLength: 4 }), async (pairs) => {
            const q = new URLSearchParams(pairs.map(([k, v]) => [k, v.replace(/\u0000/g, '')])).toString();
            const r = await callApi(handler as never, `${path}?${q}`, { key });
            expect(r.status, `${path}?${q}`).toBeLessThan(500);
          }),
          { numRuns: RUNS },
        );
      }
      if (method === 'POST') {
        const row = fc.dictionary(
          fc.constantFrom('store', 'ean', 'quantity', 'mode', 'price', 'price_cents', 'slug', 'product', 'department', 'name_fr', 'name_en', 'brand', 'zzz'),
          fc.oneof(nasty, fc.constantFrom('lyon', 'WEB', ean, 'count', 'movement', 'cuisine', 'poele', '12', 3, '19.99')),
          { maxKeys: 6 },
        );
        const body = fc.oneof(
          { weight: 4, arbitrary: fc.record({ rows: fc.array(row, { maxLength: 4 }) }).map((b) => JSON.stringify(b)) },
          { weight: 1, arbitrary: fc.anything({ maxDepth: 2 }).map((v) => JSON.stringify(v) ?? 'null') },
          { weight: 1, arbitrary: fc.string({ maxLength: 40 }) },
        );
        await fc.assert(
          fc.asyncProperty(body, fc.oneof(fc.uuid(), fc.constantFrom('same-key', 'x'.repeat(300))), async (text, idem) => {
            const before = await stockOf();
            const r = await callApi(handler as never, path, { key, rawBody: text, idempotencyKey: idem });
            expect(r.status, `${path} ${text.slice(0, 200)}`).toBeLessThan(500);
            if (r.status >= 400) expect(await stockOf(), `${path} refused yet changed stock`).toBe(before);
          }),
          { numRuns: RUNS },
        );
      }
    }
  });
});
