import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { createApiKey, revokeApiKey } from '@/lib/api/keys';
import { apiWrite } from '@/lib/api/http';
import { getDb } from '@/lib/db';
import { useTestDatabase } from '@/test/support/db';
import { callApi, eventually, insertOrder } from '@/test/support/api';
import { insertStore, insertUser } from '@/test/support/fixtures';
import { GET as listOrders } from './orders/route';
import { GET as listReturns } from './returns/route';

vi.mock('next/server', async () => ({ ...(await import('next/server.js')), connection: async () => {} }));

let conn: Awaited<ReturnType<typeof useTestDatabase>>;
let admin: number;
let shopper: number;
let store: number;
beforeAll(async () => {
  conn = await useTestDatabase();
  admin = await insertUser(conn.db, { email: 'admin@example.com', role: 'admin' });
  shopper = await insertUser(conn.db, { email: 'camille@example.com' });
  store = await insertStore(conn.db, { slug: 'lyon', lat: 45.76, lng: 4.85, drive: true });
});
afterAll(async () => conn?.drop());

describe('API keys at the door', () => {
  it('refuses no key, a malformed or unknown key and a revoked key with the same 401; a key without the scope with a 403', async () => {
    const reader = await createApiKey({ name: 'ERP', scopes: ['orders:read'], createdBy: admin });
    const stockOnly = await createApiKey({ name: 'Tills', scopes: ['stock'], createdBy: admin });
    expect(reader.secret).toMatch(/^ck_[A-Za-z0-9_-]{43}$/);
    expect(reader.secret.startsWith(reader.prefix)).toBe(true);
    // Only the hash is kept.
    const stored = await (
      await getDb()
    ).execute<{ secret_hash: string }>(
      // Raw SQL: a test reads the stored row.
      (await import('drizzle-orm')).sql`SELECT secret_hash FROM api_keys WHERE id = ${reader.id}`,
    );
    expect(stored.rows[0]!.secret_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(stored.rows)).not.toContain(reader.secret);

    const ok = await callApi(listOrders, '/api/v1/orders', { key: reader.secret });
    expect(ok.status).toBe(200);
    const unknown = `ck_${'A'.repeat(43)}`;
    const refusals = await Promise.all([
      callApi(listOrders, '/api/v1/orders'),
      callApi(listOrders, '/api/v1/orders', { key: 'not-a-key' }),
      callApi(listOrders, '/api/v1/orders', { key: unknown }),
      callApi(listOrders, '/api/v1/orders', { headers: { authorization: `Basic ${reader.secret}` } }),
    ]);
    for (const r of refusals) {
      expect(r.status).toBe(401);
      expect(r.headers.get('www-authenticate')).toMatch(/^Bearer/);
      expect(r.body).toEqual({ error: { code: 'unauthorized', message: expect.stringContaining('Bearer') } });
    }
    const wrongScope = await callApi(listOrders, '/api/v1/orders', { key: stockOnly.secret });
    expect(wrongScope.status).toBe(403);
    expect(wrongScope.body).toMatchObject({ error: { code: 'forbidden', message: expect.stringContaining('orders:read') } });

    expect(await revokeApiKey(reader.id, admin)).toBe('ERP');
    expect(await revokeApiKey(reader.id, admin)).toBeNull();
    const revoked = await callApi(listOrders, '/api/v1/orders', { key: reader.secret });
    expect(revoked.status).toBe(401);
    expect(revoked.body).toEqual(refusals[2]!.body);
  });

  it('stamps last_used_at', async () => {
    const k = await createApiKey({ name: 'Stamp', scopes: ['orders:read'], createdBy: admin });
    await callApi(listReturns, '/api/v1/returns', { key: k.secret });
    const { sql } = await import('drizzle-orm');
    // Raw SQL: a test reads the stored row.
    const r = await (await getDb()).execute<{ last_used_at: unknown }>(sql`SELECT last_used_at FROM api_keys WHERE id = ${k.id}`);
    expect(r.rows[0]!.last_used_at).not.toBeNull();
  });

  it('rate limits per key: past the limit a 429 with Retry-After, another key unaffected', async () => {
    vi.stubEnv('API_RATE_LIMIT_PER_MINUTE', '3');
    try {
      const a = await createApiKey({ name: 'Busy', scopes: ['orders:read'], createdBy: admin });
      const b = await createApiKey({ name: 'Quiet', scopes: ['orders:read'], createdBy: admin });
      // The window is the current minute: keep the burst inside one.
      if (new Date().getSeconds() > 55) await new Promise((r) => setTimeout(r, 6_000));
      const statuses = [];
      for (let i = 0; i < 5; i++) statuses.push((await callApi(listOrders, '/api/v1/orders', { key: a.secret })).status);
      expect(statuses).toEqual([200, 200, 200, 429, 429]);
      const limited = await callApi(listOrders, '/api/v1/orders', { key: a.secret });
      expect(limited.body).toMatchObject({ error: { code: 'rate_limited' } });
      const retry = Number(limited.headers.get('retry-after'));
      expect(retry).toBeGreaterThanOrEqual(1);
      expect(retry).toBeLessThanOrEqual(60);
      expect((await callApi(listOrders, '/api/v1/orders', { key: b.secret })).status).toBe(200);
    } finally {
      vi.unstubAllEnvs();
    }
  });
});

describe('bad input is a 4xx with a specific JSON error, never a 500', () => {
  it('refuses a bad cursor, a bad limit, a repeated or unknown parameter', async () => {
    const k = await createApiKey({ name: 'Reader', scopes: ['orders:read'], createdBy: admin });
    const cases: [string, RegExp][] = [
      ['?after=nope', /after must be a cursor/],
      ['?after=' + Buffer.from('12.x').toString('base64url'), /after must be a cursor/],
      ['?limit=0', /limit must be at least 1/],
      ['?limit=501', /limit must be at most 500/],
      ['?limit=abc', /limit must be a whole number/],
      ['?limit=1.5', /limit must be a whole number/],
      ['?limit=1&limit=2', /limit must be given once/],
      ['?since=3', /unknown parameter: since/],
    ];
    for (const [query, message] of cases) {
      const r = await callApi(listOrders, `/api/v1/orders${query}`, { key: k.secret });
      expect(r.status, query).toBe(400);
      expect((r.body.error as { message: string }).message, query).toMatch(message);
    }
  });
});

describe('writes: one effect per Idempotency-Key', () => {
  const op = {
    id: 'testWrite',
    method: 'post' as const,
    path: '/api/v1/test',
    summary: '',
    description: '',
    scope: 'stock' as const,
    body: z.strictObject({ n: z.int().min(1) }),
    response: z.object({}),
  };
  let effects = 0;
  const POST = apiWrite(op, async ({ input }) => {
    effects += input.n;
    return { status: 200, body: { applied: input.n, total: effects } };
  });

  it('replays the first answer to the same key and body, refuses the key with another body (422), and needs a key', async () => {
    const k = await createApiKey({ name: 'Writer', scopes: ['stock'], createdBy: admin });
    const first = await callApi(POST, '/api/v1/test', { key: k.secret, body: { n: 2 }, idempotencyKey: 'k-1' });
    expect(first).toMatchObject({ status: 200, body: { applied: 2, total: 2 } });
    const again = await callApi(POST, '/api/v1/test', { key: k.secret, body: { n: 2 }, idempotencyKey: 'k-1' });
    expect(again).toMatchObject({ status: 200, body: { applied: 2, total: 2 } });
    expect(again.headers.get('idempotency-replayed')).toBe('true');
    expect(effects).toBe(2);
    const other = await callApi(POST, '/api/v1/test', { key: k.secret, body: { n: 3 }, idempotencyKey: 'k-1' });
    expect(other.status).toBe(422);
    expect(other.body).toMatchObject({ error: { code: 'idempotency_key_reused' } });
    expect(effects).toBe(2);
    // Keys belong to the API key: another key's k-1 is its own.
    const k2 = await createApiKey({ name: 'Writer 2', scopes: ['stock'], createdBy: admin });
    expect(await callApi(POST, '/api/v1/test', { key: k2.secret, body: { n: 1 }, idempotencyKey: 'k-1' })).toMatchObject({ status: 200, body: { total: 3 } });

    const noKey = await callApi(POST, '/api/v1/test', { key: k.secret, body: { n: 1 } });
    expect(noKey).toMatchObject({ status: 400, body: { error: { code: 'idempotency_key_required' } } });
    const notJson = await callApi(POST, '/api/v1/test', { key: k.secret, rawBody: '{n:', idempotencyKey: 'k-2' });
    expect(notJson).toMatchObject({ status: 400, body: { error: { code: 'invalid_json' } } });
    const textPlain = await callApi(POST, '/api/v1/test', { key: k.secret, rawBody: '{}', idempotencyKey: 'k-3', headers: { 'content-type': 'text/plain' } });
    expect(textPlain.status).toBe(415);
    const invalid = await callApi(POST, '/api/v1/test', { key: k.secret, body: { n: 0, extra: 1 }, idempotencyKey: 'k-4' });
    expect(invalid.status).toBe(422);
    expect(invalid.body).toMatchObject({ error: { code: 'invalid_request', issues: expect.arrayContaining([expect.objectContaining({ path: 'n' })]) } });
    const nul = await callApi(POST, '/api/v1/test', { key: k.secret, body: { n: 1, note: 'a\u0000b' }, idempotencyKey: 'k-5' });
    expect(nul).toMatchObject({ status: 422, body: { error: { code: 'unsafe_text', issues: [{ path: 'note' }] } } });
    expect(effects).toBe(3);
  });
});

describe('the orders feed: a cursor that skips nothing', () => {
  it('pages through every order once, oldest change first, and a changed order comes again', async () => {
    const k = await createApiKey({ name: 'Feed', scopes: ['orders:read'], createdBy: admin });
    const placed = [];
    for (let i = 0; i < 5; i++) placed.push(await insertOrder(conn.db, { customerId: shopper, locationId: store, totalCents: 1000 + i }));
    const seen: string[] = [];
    let after: string | null = null;
    await eventually(
      async () => {
        for (let page = 0; page < 10; page++) {
          const r = await callApi(listOrders, `/api/v1/orders?limit=2${after ? `&after=${after}` : ''}`, { key: k.secret });
          expect(r.status).toBe(200);
          const orders = r.body.orders as { number: string }[];
          seen.push(...orders.map((o) => o.number));
          after = r.body.next as string;
          if (orders.length === 0) break;
        }
      },
      () => seen.length >= placed.length,
    );
    expect(seen).toEqual(placed.map((p) => p.number));
    // Nothing new: the same cursor back, an empty page.
    const idle = await callApi(listOrders, `/api/v1/orders?after=${after}`, { key: k.secret });
    expect(idle.body).toEqual({ orders: [], next: after });
    // The third order is prepared: it comes again, as it is now.
    const { sql } = await import('drizzle-orm');
    // Raw SQL: the test changes an order as a desk would.
    await conn.db.execute(sql`UPDATE orders SET status = 'preparing' WHERE id = ${placed[2]!.id}`);
    const changed = await eventually(
      () => callApi(listOrders, `/api/v1/orders?after=${after}`, { key: k.secret }),
      (r) => (r.body.orders as unknown[]).length > 0,
    );
    expect((changed.body.orders as { number: string; status: string }[]).map((o) => [o.number, o.status])).toEqual([[placed[2]!.number, 'preparing']]);
  });
});
