import { expect, test, type APIRequestContext } from '@playwright/test';
import { jsonLdNodes, jsonLdProblems } from '../lib/seo/json-ld-check';
import { e2eData } from './support/data';

/*
 * What search engines read (docs/features.md, "Pages search engines read"): robots.txt, the
 * sitemap, canonical addresses and the schema.org JSON-LD of product, department and store pages,
 * from the server's configured public origin (AUTH_URL here: e2e/support/server.ts).
 */

// HTTP reads, the same on a phone: one project is enough.
test.skip(({ isMobile }) => isMobile, 'the same on a phone: run on the desktop project');

function jsonLdOf(html: string): unknown[] {
  return [...html.matchAll(/<script type="application\/ld\+json"[^>]*>([^<]*)<\/script>/g)].map((m) => JSON.parse(m[1]!));
}

const canonicalOf = (html: string) => /<link rel="canonical" href="([^"]+)"/.exec(html)?.[1];
const robotsOf = (html: string) => /<meta name="robots" content="([^"]+)"/.exec(html)?.[1];

async function page200(request: APIRequestContext, url: string): Promise<string> {
  const res = await request.get(url);
  expect(res.status(), url).toBe(200);
  return res.text();
}

test('robots.txt opens the shop, closes the private parts and names the sitemap at the public origin', async ({ request, baseURL }) => {
  test.skip(test.info().project.name !== 'desktop', 'HTTP only: no viewport is involved, one project is enough');
  const res = await request.get('/robots.txt');
  expect(res.status()).toBe(200);
  expect(res.headers()['content-type']).toContain('text/plain');
  const lines = (await res.text()).split('\n');
  for (const line of ['User-agent: *', 'Disallow: /staff', 'Disallow: /account', 'Disallow: /api/', 'Disallow: /checkout', 'Disallow: /cart']) {
    expect(lines).toContain(line);
  }
  expect(lines).toContain(`Sitemap: ${baseURL}/sitemap.xml`);
});

test('sitemap.xml lists products, departments and stores at absolute addresses that answer', async ({ request, baseURL }) => {
  test.skip(test.info().project.name !== 'desktop', 'HTTP only: no viewport is involved, one project is enough');
  const res = await request.get('/sitemap.xml');
  expect(res.status()).toBe(200);
  expect(res.headers()['content-type']).toContain('application/xml');
  const locs = [...(await res.text()).matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!);
  expect(locs.length).toBeGreaterThan(100);
  expect(locs.every((u) => u.startsWith(`${baseURL}/`))).toBe(true);
  const { browseProductSlug, lyon } = e2eData();
  expect(locs).toContain(`${baseURL}/p/${browseProductSlug}`);
  expect(locs).toContain(`${baseURL}/en/p/${browseProductSlug}`);
  expect(locs).toContain(`${baseURL}/stores/${lyon.slug}`);
  expect(locs).toContain(`${baseURL}/en/stores/${lyon.slug}`);
  const department = locs.find((u) => u.includes('/c/'));
  expect(department).toBeDefined();
  for (const url of [department!, locs.find((u) => u.includes('/p/'))!, locs.find((u) => u.includes('/en/stores/'))!]) await page200(request, url);
});

test('a product page carries its Product, Offer and breadcrumbs as JSON-LD, and the browser adds the web availability', async ({ request, page, baseURL }) => {
  const url = `/p/${e2eData().browseProductSlug}`;
  const html = await page200(request, url);
  expect(canonicalOf(html)).toBe(`${baseURL}${url}`);
  const docs = jsonLdOf(html);
  expect(docs).toHaveLength(1);
  expect(jsonLdProblems(docs[0])).toEqual([]);
  const [product] = jsonLdNodes(docs[0], 'Product');
  const [crumbs] = jsonLdNodes(docs[0], 'BreadcrumbList');
  expect(html).toContain(`>${product!.name as string}</h1>`);
  expect(product!.url).toBe(`${baseURL}${url}`);
  const offer = product!.offers as Record<string, unknown>;
  expect(offer).toMatchObject({ '@type': 'Offer', priceCurrency: 'EUR' });
  expect(offer).not.toHaveProperty('availability');
  expect(crumbs!.itemListElement).toHaveLength(3);

  // Another size: its own canonical address and Offer.
  const sku = /<button type="submit" value="(\d+)"[^>]*name="sku"/g;
  const other = [...html.matchAll(sku)].map((m) => m[1]!).find((id) => id !== product!.sku);
  expect(other).toBeDefined();
  const skuHtml = await page200(request, `${url}?sku=${other}`);
  expect(canonicalOf(skuHtml)).toBe(`${baseURL}${url}?sku=${other}`);
  const [skuProduct] = jsonLdNodes(jsonLdOf(skuHtml)[0], 'Product');
  expect(skuProduct).toMatchObject({ sku: other, url: `${baseURL}${url}?sku=${other}` });

  // In a browser, once the stock panel knows the web's figure, the Offer states it.
  const stock = (await (await request.get(`/api/availability/product?sku=${product!.sku as string}`)).json()) as { online: { available: number } };
  await page.goto(url);
  await expect
    .poll(async () => {
      const doc = JSON.parse((await page.locator('script#product-ld').textContent()) ?? '{}') as unknown;
      return (jsonLdNodes(doc, 'Product')[0]?.offers as { availability?: string } | undefined)?.availability;
    })
    .toBe(stock.online.available > 0 ? 'https://schema.org/InStock' : 'https://schema.org/OutOfStock');
  expect(jsonLdProblems(JSON.parse((await page.locator('script#product-ld').textContent())!))).toEqual([]);
});

test('a store page carries its Store as JSON-LD: address, position, opening hours', async ({ request, page, baseURL }) => {
  const url = `/stores/${e2eData().lyon.slug}`;
  const html = await page200(request, url);
  expect(canonicalOf(html)).toBe(`${baseURL}${url}`);
  // Written into the head by the page's script (the page's HTML has no room for it: docs/features.md);
  // the English page's names the English address.
  await page.goto(`/en${url}`);
  const script = page.locator('head script#store-ld[type="application/ld+json"]');
  await expect(script).toHaveCount(1);
  const doc = JSON.parse((await script.textContent())!) as unknown;
  expect(jsonLdProblems(doc)).toEqual([]);
  const [store] = jsonLdNodes(doc, 'Store');
  expect(store).toMatchObject({ name: e2eData().lyon.name, url: `${baseURL}/en${url}`, address: { addressCountry: 'FR' } });
  expect((store!.openingHoursSpecification as unknown[]).length).toBeGreaterThan(0);
});

test('a department names its address and breadcrumbs; a search its query alone, and an empty one is not indexed', async ({ request, baseURL }) => {
  test.skip(test.info().project.name !== 'desktop', 'HTTP only: no viewport is involved, one project is enough');
  const department = 'chaussures';
  const html = await page200(request, `/c/${department}?page=1&utm_source=newsletter`);
  expect(canonicalOf(html)).toBe(`${baseURL}/c/${department}`);
  const [crumbs] = jsonLdNodes(jsonLdOf(html)[0], 'BreadcrumbList');
  expect(crumbs!.itemListElement).toEqual([
    expect.objectContaining({ position: 1, item: `${baseURL}/` }),
    expect.objectContaining({ position: 2, item: `${baseURL}/c/${department}` }),
  ]);

  const found = await page200(request, '/search?q=chaussures&utm_source=newsletter&gclid=abc');
  expect(canonicalOf(found)).toBe(`${baseURL}/search?q=chaussures`);
  expect(robotsOf(found) ?? '').not.toContain('noindex');
  for (const empty of ['/search', '/search?q=', '/search?q=zzzqqqxxx']) {
    expect(robotsOf(await page200(request, empty)), empty).toContain('noindex');
  }
});
