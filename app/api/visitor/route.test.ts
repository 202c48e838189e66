import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { addToCart, createAnonymousCart, getOrCreateCustomerCart } from '@/lib/cart/commands';
import { CART_COOKIE } from '@/lib/cart/identity';
import { openConnection, setConnection } from '@/lib/db/client';
import { useTestDatabase } from '@/test/support/db';
import { MY_STORE_COOKIE } from '@/lib/stores/my-store';
import { insertCategory, insertProduct, insertStore, insertUser } from '@/test/support/fixtures';
import { actAs, request } from '@/test/support/next-request';
import { GET } from './route';

vi.mock('next/headers', async () => (await import('@/test/support/next-request')).nextHeaders);
vi.mock('next/server', async () => ({ ...(await import('next/server.js')), connection: async () => {} }));
vi.mock('next-auth', async () => (await import('@/test/support/next-request')).nextAuth);
vi.mock('@/lib/auth', async () => (await import('@/test/support/next-request')).auth);

let conn: Awaited<ReturnType<typeof useTestDatabase>>;
let lyon: number;
let skus: number[];
beforeAll(async () => {
  conn = await useTestDatabase();
  lyon = await insertStore(conn.db, { slug: 'lyon-part-dieu', name: 'Comptoir Lyon Part-Dieu', town: 'Lyon', lat: 45.76, lng: 4.86 });
  const category = await insertCategory(conn.db, 'randonnee');
  ({ skuIds: skus } = await insertProduct(conn.db, {
    slug: 'boots',
    categoryId: category,
    nameFr: 'Chaussures',
    nameEn: 'Boots',
    skus: [{ size: '42' }, { size: '43' }],
  }));
});
afterAll(async () => conn?.drop());

async function visitor(): Promise<{ status: number; cacheControl: string | null; body: unknown }> {
  const res = await GET();
  return { status: res.status, cacheControl: res.headers.get('cache-control'), body: await res.json() };
}

describe('GET /api/visitor: what the shop header shows about this visitor', () => {
  it('a first visit: nobody, an empty cart, no store — and never stored by any cache', async () => {
    actAs(null);
    expect(await visitor()).toEqual({ status: 200, cacheControl: 'no-store', body: { user: null, cartCount: 0, myStore: null } });
  });

  it('signed out, with a cart cookie and my store chosen: the cart’s units and the store', async () => {
    actAs(null);
    const cart = await createAnonymousCart();
    await addToCart(cart.id, skus[0]!, 2);
    request.cookies.set(CART_COOKIE, cart.token);
    request.cookies.set(MY_STORE_COOKIE, String(lyon));
    expect(await visitor()).toEqual({
      status: 200,
      cacheControl: 'no-store',
      body: { user: null, cartCount: 2, myStore: { id: lyon, slug: 'lyon-part-dieu', name: 'Comptoir Lyon Part-Dieu', town: 'Lyon' } },
    });
  });

  it('signed in: the first name, name and role, their own cart (not the cookie’s) — and no email or user id', async () => {
    const id = await insertUser(conn.db, { email: 'lea.martin@example.com', name: '  Léa   Martin ', role: 'staff' });
    actAs({ id, name: '  Léa   Martin ', email: 'lea.martin@example.com', role: 'staff' });
    const own = await getOrCreateCustomerCart(id);
    await addToCart(own, skus[0]!, 1);
    await addToCart(own, skus[1]!, 3);
    const other = await createAnonymousCart();
    await addToCart(other.id, skus[0]!, 5);
    request.cookies.set(CART_COOKIE, other.token);
    const { status, body } = await visitor();
    expect(status).toBe(200);
    expect(body).toEqual({ user: { firstName: 'Léa', name: '  Léa   Martin ', role: 'staff' }, cartCount: 4, myStore: null });
    const text = JSON.stringify(body);
    expect(text).not.toContain('example.com');
    expect(text).not.toContain(`"id":${id}`);
  });

  it('a cookie naming no store (tampered, or a store since closed) is no store, not an error', async () => {
    for (const value of ['abc', '-3', '0', '99999999999999999999', '2147483000', "x'; DROP TABLE stores; --"]) {
      actAs(null);
      request.cookies.set(MY_STORE_COOKIE, value);
      request.cookies.set(CART_COOKIE, 'not-a-token');
      expect(await visitor(), value).toEqual({ status: 200, cacheControl: 'no-store', body: { user: null, cartCount: 0, myStore: null } });
    }
  });

  it('the database out of reach: a 503 "try again", not a 500', async () => {
    const unreachable = await openConnection('postgres://postgres@127.0.0.1:1/none');
    setConnection(unreachable);
    vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      actAs(null);
      request.cookies.set(MY_STORE_COOKIE, String(lyon));
      const res = await GET();
      expect(res.status).toBe(503);
      expect(res.headers.get('cache-control')).toBe('no-store');
      expect(res.headers.get('retry-after')).toBe('5');
    } finally {
      vi.mocked(console.error).mockRestore();
      await unreachable.close();
      setConnection(conn);
    }
  });
});
