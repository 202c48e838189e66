import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { NextRequest } from 'next/server';
import { openConnection, setConnection } from '@/lib/db/client';
import { useTestDatabase } from '@/test/support/db';
import { insertCategory, insertProduct } from '@/test/support/fixtures';
import { GET } from './route';

vi.mock('next/server', async () => ({ ...(await import('next/server.js')), connection: async () => {} }));

let conn: Awaited<ReturnType<typeof useTestDatabase>>;
beforeAll(async () => {
  conn = await useTestDatabase();
  const kitchen = await insertCategory(conn.db, 'cuisine', 'Cuisine', 'Kitchen');
  await insertProduct(conn.db, {
    slug: 'poele-cuivra',
    categoryId: kitchen,
    nameFr: 'Poêle antiadhésive Cuivra',
    nameEn: 'Non-stick frying pan Cuivra',
    brand: 'Cuivra',
    skus: [{ priceCents: 2490 }, { priceCents: 2990 }],
  });
  await insertProduct(conn.db, {
    slug: 'casserole',
    categoryId: kitchen,
    nameFr: 'Casserole Cuivra',
    nameEn: 'Saucepan Cuivra',
    brand: 'Cuivra',
    skus: [{ priceCents: 1990 }],
  });
});
afterAll(async () => conn?.drop());

async function ask(query: string): Promise<{ status: number; cacheControl: string | null; body: Record<string, unknown> }> {
  const res = await GET(new NextRequest(`http://shop.test/api/search/suggest${query}`));
  return { status: res.status, cacheControl: res.headers.get('cache-control'), body: (await res.json()) as Record<string, unknown> };
}

describe('GET /api/search/suggest', () => {
  it('answers products (price written in the language), then departments and brands, with their links — kept by shared caches', async () => {
    const fr = await ask('?q=cui&locale=fr');
    expect(fr.status).toBe(200);
    expect(fr.cacheControl).toBe('public, max-age=60, stale-while-revalidate=300');
    const suggestions = fr.body.suggestions as { kind: string }[];
    expect(fr.body.q).toBe('cui');
    // The products first (ranked by the search), then the department, then the brand.
    expect(suggestions.map((s) => s.kind)).toEqual(['product', 'product', 'department', 'brand']);
    expect(suggestions.slice(0, 2)).toEqual(
      expect.arrayContaining([
        { kind: 'product', name: 'Poêle antiadhésive Cuivra', brand: 'Cuivra', price: 'à partir de 24,90\u00a0€', image: null, href: '/p/poele-cuivra' },
        { kind: 'product', name: 'Casserole Cuivra', brand: 'Cuivra', price: '19,90\u00a0€', image: null, href: '/p/casserole' },
      ]),
    );
    expect(suggestions.slice(2)).toEqual([
      { kind: 'department', name: 'Cuisine', href: '/c/cuisine' },
      { kind: 'brand', name: 'Cuivra', href: '/search?q=Cuivra' },
    ]);
    const en = await ask('?q=kitch&locale=en');
    expect(en.body).toEqual({ q: 'kitch', suggestions: [{ kind: 'department', name: 'Kitchen', href: '/en/c/cuisine' }] });
    const pan = await ask('?q=fry&locale=en');
    expect(pan.body.suggestions).toEqual([
      { kind: 'product', name: 'Non-stick frying pan Cuivra', brand: 'Cuivra', price: 'from €24.90', image: null, href: '/en/p/poele-cuivra' },
    ]);
  });

  it('too little to go on — one letter, spaces, punctuation, emoji, a script the catalogue has not — is an empty list, not an error', async () => {
    for (const q of [
      '',
      'p',
      '%20%20%20',
      '%25%25%25',
      '!!%3F%3F',
      '%F0%9F%8D%B3',
      '%E6%97%A5%E6%9C%AC%E8%AA%9E',
      'zzzzqqqq',
      '%5C%5C%22%7B%7D',
      '%E2%80%8B%E2%80%8B',
    ]) {
      const res = await ask(`?q=${q}&locale=fr`);
      expect(res.status, q).toBe(200);
      expect(res.body.suggestions, q).toEqual([]);
    }
    // SQL in the box is words to look for, like any other.
    const res = await ask(`?q=${encodeURIComponent("'; DROP TABLE products; --")}&locale=en`);
    expect(res.status).toBe(200);
    expect(Array.isArray(res.body.suggestions)).toBe(true);
  });

  it('refuses a malformed query with a 400 that says what is wrong, never a 500', async () => {
    const cases: [string, RegExp][] = [
      ['?locale=fr', /q is required/],
      ['?q=poe', /locale must be one of fr, en/],
      ['?q=poe&locale=de', /locale must be one of fr, en/],
      ['?q=poe&q=cas&locale=fr', /q must be given once/],
      ['?q=poe&locale=fr&locale=en', /locale must be given once/],
      [`?q=${'a'.repeat(10_000)}&locale=fr`, /q is too long \(200 characters at most\)/],
      [`?q=${'é'.repeat(201)}&locale=fr`, /q is too long/],
      ['?q=po%00e&locale=fr', /control character/],
    ];
    for (const [query, message] of cases) {
      const res = await ask(query);
      expect(res.status, query).toBe(400);
      expect(res.cacheControl, query).toBe('no-store');
      expect(String(res.body.error), query).toMatch(message);
    }
  });

  it('the database out of reach: a 503 "try again", not a 500', async () => {
    const unreachable = await openConnection('postgres://postgres@127.0.0.1:1/none');
    setConnection(unreachable);
    vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      const res = await GET(new NextRequest('http://shop.test/api/search/suggest?q=poe&locale=fr'));
      expect(res.status).toBe(503);
    } finally {
      vi.mocked(console.error).mockRestore();
      await unreachable.close();
      setConnection(conn);
    }
  });
});
