import { sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { getProductBySlug } from '@/lib/catalog/queries';
import { seed } from '@/lib/db/seed';
import { closuresWithin, parisNow } from '@/lib/stores/hours';
import { getStoreSchedules, listStores } from '@/lib/stores/queries';
import { useTestDatabase } from '@/test/support/db';
import { jsonLdProblems } from './json-ld-check';
import { breadcrumbLd, jsonLdGraph, productLd, serializeJsonLd, SPECIAL_HOURS_DAYS, storeLd } from './json-ld';
import { robotsTxt, sitemapPaths, sitemapUrls, sitemapXml } from './sitemap';

let conn: Awaited<ReturnType<typeof useTestDatabase>>;

beforeAll(async () => {
  conn = await useTestDatabase();
  await seed(conn.db, { scale: 'demo' });
});
afterAll(async () => conn?.drop());
beforeEach(() => vi.stubEnv('PUBLIC_SITE_URL', 'https://shop.example.com'));
afterEach(() => vi.unstubAllEnvs());

async function column(query: ReturnType<typeof sql>): Promise<string[]> {
  const rows = (await conn.db.execute<{ v: string }>(query)).rows;
  return rows.map((r) => r.v);
}

const locs = (xml: string) => [...xml.matchAll(/<loc>([^<]*)<\/loc>/g)].map((m) => m[1]!);

describe('sitemap.xml of the seeded shop', () => {
  it('lists the home page, the store locator, every department, every product on sale and every store, once per language, at absolute URLs', async () => {
    const xml = sitemapXml(sitemapUrls(await sitemapPaths()));
    expect(
      xml.startsWith(
        '<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">',
      ),
    ).toBe(true);
    const urls = locs(xml);
    // Raw SQL: the seeded rows, read independently of the code under test.
    const products = await column(sql`SELECT slug AS v FROM products WHERE withdrawn_at IS NULL`);
    // Raw SQL: as above.
    const categories = await column(sql`SELECT slug AS v FROM categories`);
    // Raw SQL: as above.
    const stores = await column(sql`SELECT slug AS v FROM stores`);
    expect(products.length).toBeGreaterThan(50);
    expect(stores.length).toBeGreaterThan(50);
    expect(new Set(urls).size).toBe(urls.length);
    expect(urls.length).toBe(2 * (2 + categories.length + products.length + stores.length));
    const paths = ['/stores', ...categories.map((s) => `/c/${s}`), ...products.map((s) => `/p/${s}`), ...stores.map((s) => `/stores/${s}`)];
    expect(urls).toEqual(
      expect.arrayContaining([
        'https://shop.example.com/',
        'https://shop.example.com/en',
        ...paths.map((p) => `https://shop.example.com${p}`),
        ...paths.map((p) => `https://shop.example.com/en${p}`),
      ]),
    );
    // Pages nobody should land on from a search engine are not listed.
    expect(urls.filter((u) => /\/(staff|account|cart|checkout|api|search)\b|\?/.test(u))).toEqual([]);
  });

  it('names, in each entry, both languages and the French page as x-default', async () => {
    // Raw SQL: one product on sale, read independently of the code under test.
    const [slug] = await column(sql`SELECT min(slug) AS v FROM products WHERE withdrawn_at IS NULL`);
    const xml = sitemapXml(sitemapUrls(await sitemapPaths()));
    const twins =
      `<xhtml:link rel="alternate" hreflang="fr" href="https://shop.example.com/p/${slug}"/>` +
      `<xhtml:link rel="alternate" hreflang="en" href="https://shop.example.com/en/p/${slug}"/>` +
      `<xhtml:link rel="alternate" hreflang="x-default" href="https://shop.example.com/p/${slug}"/>`;
    expect(xml).toContain(`<url><loc>https://shop.example.com/p/${slug}</loc>${twins}</url>`);
    expect(xml).toContain(`<url><loc>https://shop.example.com/en/p/${slug}</loc>${twins}</url>`);
  });

  it('leaves out a withdrawn product', async () => {
    // Raw SQL: one product withdrawn behind the code's back, as staff or an import would.
    const [slug] = await column(sql`UPDATE products SET withdrawn_at = now()
      WHERE id = (SELECT min(id) FROM products WHERE withdrawn_at IS NULL) RETURNING slug AS v`);
    const urls = locs(sitemapXml(sitemapUrls(await sitemapPaths())));
    expect(urls).not.toContain(`https://shop.example.com/p/${slug}`);
    expect(urls).not.toContain(`https://shop.example.com/en/p/${slug}`);
    // Raw SQL: put back for the other tests.
    await conn.db.execute(sql`UPDATE products SET withdrawn_at = NULL WHERE slug = ${slug}`);
  });

  it('escapes what XML would misread in an address', () => {
    const xml = sitemapXml([
      { loc: 'https://shop.example.com/search?q=a&b=<c>', alternates: [{ hreflang: 'en', href: 'https://shop.example.com/en/x?a=1&b=2' }] },
    ]);
    expect(xml).toContain('<loc>https://shop.example.com/search?q=a&amp;b=&lt;c&gt;</loc>');
    expect(xml).toContain('xmlns:xhtml="http://www.w3.org/1999/xhtml"');
    expect(xml).toContain('<xhtml:link rel="alternate" hreflang="en" href="https://shop.example.com/en/x?a=1&amp;b=2"/>');
  });
});

describe('robots.txt', () => {
  it('opens the shop, closes staff, account, API, checkout and cart, and points at the sitemap', () => {
    const lines = robotsTxt().split('\n');
    expect(lines).toEqual(
      expect.arrayContaining([
        'User-agent: *',
        'Allow: /',
        'Disallow: /staff',
        'Disallow: /account',
        'Disallow: /api/',
        'Disallow: /checkout',
        'Disallow: /cart',
        'Sitemap: https://shop.example.com/sitemap.xml',
      ]),
    );
    // The one API a product page's renderer needs: the web stock that goes into its Offer.
    expect(lines).toContain('Allow: /api/availability/product');
  });
});

describe('JSON-LD of every seeded page', () => {
  it('is sound for every product on sale, at each of its SKUs', async () => {
    // Raw SQL: every product on sale.
    const slugs = await column(sql`SELECT slug AS v FROM products WHERE withdrawn_at IS NULL ORDER BY id`);
    for (const locale of ['fr', 'en'] as const) {
      for (const slug of slugs) {
        const product = (await getProductBySlug(slug, locale))!;
        for (const sku of product.skus) {
          const doc = JSON.parse(
            serializeJsonLd(
              jsonLdGraph(
                productLd(product, sku.id, locale, (c) => c),
                breadcrumbLd(
                  [
                    { name: 'Home', path: '/' },
                    { name: product.category.name, path: `/c/${product.category.slug}` },
                  ],
                  locale,
                ),
              ),
            ),
          );
          const problems = jsonLdProblems(doc);
          expect(problems, `${slug} SKU ${sku.id} (${locale})`).toEqual([]);
        }
      }
    }
  });

  it('is sound for every store, its closures ahead included', async () => {
    const stores = await listStores();
    const today = parisNow(new Date()).date;
    const schedules = await getStoreSchedules(stores.map((s) => s.id));
    let closures = 0;
    for (const store of stores) {
      const schedule = schedules.get(store.id)!;
      const ahead = closuresWithin(schedule.closures, today, SPECIAL_HOURS_DAYS);
      closures += ahead.length;
      expect(jsonLdProblems(jsonLdGraph(storeLd(store, { hours: schedule.hours, closures: ahead }, 'fr'))), store.slug).toEqual([]);
    }
    expect(stores.length).toBeGreaterThan(50);
    // Public holidays close some shops within three months, whatever the day the test runs.
    expect(closures).toBeGreaterThan(0);
  });
});
