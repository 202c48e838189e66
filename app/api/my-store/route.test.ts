import { NextRequest } from 'next/server';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { getAccountStore } from '@/lib/auth/account-store';
import { getDictionary } from '@/lib/i18n/dictionary';
import { MY_STORE_COOKIE } from '@/lib/stores/my-store';
import { useTestDatabase } from '@/test/support/db';
import { insertStore, insertUser } from '@/test/support/fixtures';
import { actAs, request } from '@/test/support/next-request';
import { POST } from './route';

vi.mock('next/headers', async () => (await import('@/test/support/next-request')).nextHeaders);
vi.mock('next/server', async () => ({ ...(await import('next/server.js')), connection: async () => {} }));
vi.mock('next-auth', async () => (await import('@/test/support/next-request')).nextAuth);
vi.mock('@/lib/auth', async () => (await import('@/test/support/next-request')).auth);

let conn: Awaited<ReturnType<typeof useTestDatabase>>;
let lyon: number;
beforeAll(async () => {
  conn = await useTestDatabase();
  lyon = await insertStore(conn.db, { slug: 'lyon-part-dieu', name: 'Comptoir Lyon Part-Dieu', town: 'Lyon', lat: 45.76, lng: 4.86 });
});
afterAll(async () => conn?.drop());

type Sent = { body?: BodyInit; type?: string | null; referer?: string | null; headers?: Record<string, string> };

/** The locator's form as a browser posts it: URL-encoded, from a page of shop.test. */
async function post({ body = `storeId=${lyon}`, type = 'application/x-www-form-urlencoded', referer = 'http://shop.test/stores', headers = {} }: Sent = {}) {
  const sent = new Headers({ host: 'shop.test', ...headers });
  if (type) sent.set('content-type', type);
  if (referer) sent.set('referer', referer);
  const res = await POST(new NextRequest('http://shop.test/api/my-store', { method: 'POST', body, headers: sent }));
  return { status: res.status, location: res.headers.get('location'), text: await res.text(), cacheControl: res.headers.get('cache-control') };
}

describe('POST /api/my-store: "Make this my store" from a card before (or without) the page’s script', () => {
  it('remembers the store in the cookie and goes back to the page it came from (303)', async () => {
    actAs(null);
    const res = await post({ referer: 'http://shop.test/en/stores?service=drive', headers: { 'sec-fetch-site': 'same-origin', origin: 'http://shop.test' } });
    expect(res).toMatchObject({ status: 303, location: '/en/stores?service=drive', cacheControl: 'no-store' });
    expect(request.cookies.get(MY_STORE_COOKIE)).toBe(String(lyon));
  });

  it('a multipart form does the same; without a Referer, back to the store list', async () => {
    actAs(null);
    const form = new FormData();
    form.set('storeId', String(lyon));
    const res = await post({ body: form, type: null, referer: null });
    expect(res).toMatchObject({ status: 303, location: '/stores' });
    expect(request.cookies.get(MY_STORE_COOKIE)).toBe(String(lyon));
  });

  it('signed in: the store is also the account’s, so it follows the shopper to their other devices', async () => {
    const id = await insertUser(conn.db, { email: 'chloe.bernard@example.com', name: 'Chloé Bernard' });
    actAs({ id, name: 'Chloé Bernard', email: 'chloe.bernard@example.com', role: 'shopper' });
    expect((await post()).status).toBe(303);
    expect(await getAccountStore(id)).toBe(lyon);
  });

  it('a Referer of another site is never followed (no open redirect)', async () => {
    actAs(null);
    expect(await post({ referer: 'https://evil.example/stores' })).toMatchObject({ status: 303, location: '/stores' });
  });

  it('refuses a post from another site (403) and sets nothing', async () => {
    actAs(null);
    const res = await post({ headers: { 'sec-fetch-site': 'cross-site', origin: 'https://evil.example' } });
    expect(res.status).toBe(403);
    expect(request.cookies.has(MY_STORE_COOKIE)).toBe(false);
  });

  it('a store that does not exist: 404, said in the page’s language, and the cookie is left alone', async () => {
    actAs(null);
    request.cookies.set(MY_STORE_COOKIE, String(lyon));
    const res = await post({ body: 'storeId=999999', referer: 'http://shop.test/en/stores' });
    expect(res).toMatchObject({ status: 404, text: getDictionary('en').stores.myStoreUnknown });
    expect(request.cookies.get(MY_STORE_COOKIE)).toBe(String(lyon));
    expect((await post({ body: 'storeId=999999' })).text).toBe(getDictionary('fr').stores.myStoreUnknown);
  });

  it.each([
    ['no store id', 'other=1', 'application/x-www-form-urlencoded'],
    ['a store id that is no id', 'storeId=1e3', 'application/x-www-form-urlencoded'],
    ['a negative id', 'storeId=-4', 'application/x-www-form-urlencoded'],
    ['JSON', JSON.stringify({ storeId: 1 }), 'application/json'],
    ['text/plain', 'storeId=1', 'text/plain'],
    ['a broken multipart body', '--x\r\nContent-Disposition: form-data; name="storeId"\r\n\r\n1', 'multipart/form-data; boundary=y'],
    ['a body over 4 kB', `storeId=${'1'.repeat(5000)}`, 'application/x-www-form-urlencoded'],
    ['no body', '', null],
  ])('%s: 400 with a sentence, nothing set', async (_what, body, type) => {
    actAs(null);
    const res = await post({ body, type });
    expect(res).toMatchObject({ status: 400, text: getDictionary('fr').stores.myStoreNotChosen });
    expect(request.cookies.has(MY_STORE_COOKIE)).toBe(false);
  });
});
