import { expect, test, type APIResponse } from '@playwright/test';
import { e2eData } from './support/data';

/*
 * A URL per language (lib/routing/locale-route.ts): French at /…, English at /en/…; the footer's
 * switch goes to the twin URL and remembers the choice; every page names its twin (hreflang).
 */

/** The page's hreflang links: language → address. */
function hreflangs(html: string): Record<string, string> {
  const links = [...html.matchAll(/<link\b[^>]*>/g)].map((m) => m[0]).filter((tag) => /\brel="alternate"/.test(tag) && /\bhreflang="/i.test(tag));
  return Object.fromEntries(links.map((tag) => [/\bhreflang="([^"]+)"/i.exec(tag)![1]!, /\bhref="([^"]+)"/.exec(tag)![1]!.replace(/&amp;/g, '&')]));
}

test('the English product URL opens in English in a fresh browser that prefers French', async ({ browser, baseURL }) => {
  test.skip(test.info().project.name !== 'desktop', 'Which language a URL opens in does not depend on the width: one project is enough');
  const context = await browser.newContext({ baseURL, locale: 'fr-FR' });
  expect(await context.cookies()).toEqual([]);
  const page = await context.newPage();
  const slug = e2eData().browseProductSlug;
  const res = await page.goto(`/en/p/${slug}`);
  expect(res?.status()).toBe(200);
  await expect(page).toHaveURL(`${baseURL}/en/p/${slug}`);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('combobox', { name: 'Search' })).toBeVisible();
  await expect(page.getByText('Availability in store')).toBeVisible();
  // The same browser on the unprefixed URL: French, its own language.
  await page.goto(`/p/${slug}`);
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  await context.close();
});

test('the switch goes to the same page in the other language, query kept', async ({ page, baseURL }) => {
  const slug = e2eData().browseProductSlug;
  await page.goto(`/en/p/${slug}`);
  // Another size: the query is part of the page.
  const other = page.locator('button[type="submit"][name="sku"][aria-pressed="false"]').first();
  const skuId = await other.getAttribute('value');
  await page.goto(`/en/p/${slug}?sku=${skuId}`);
  await page.getByRole('link', { name: 'Français' }).click();
  await expect(page).toHaveURL(`${baseURL}/p/${slug}?sku=${skuId}`);
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  await expect(page.getByText('Disponibilité en magasin')).toBeVisible();
});

test('the choice is remembered: an unprefixed URL is in the language last chosen', async ({ page, baseURL }) => {
  test.skip(test.info().project.name !== 'desktop', 'A cookie, whatever the width (the switch itself is used at both widths above): one project is enough');
  const slug = e2eData().browseProductSlug;
  // French chosen: an unprefixed URL stays French for this shopper although the browser prefers English.
  await page.goto('/en/stores');
  await page.getByRole('link', { name: 'Français' }).click();
  await expect(page).toHaveURL(`${baseURL}/stores`);
  await page.goto('/stores');
  await expect(page).toHaveURL(`${baseURL}/stores`);
  await expect(page.getByRole('heading', { level: 1, name: 'Nos magasins' })).toBeVisible();
  await page.getByRole('link', { name: 'English' }).click();
  await expect(page).toHaveURL(`${baseURL}/en/stores`);
  await expect(page.getByRole('heading', { level: 1, name: 'Our stores' })).toBeVisible();
  // Now English is the choice: an unprefixed URL takes this shopper to its English twin, query kept.
  await page.goto(`/p/${slug}?sku=2`);
  await expect(page).toHaveURL(`${baseURL}/en/p/${slug}?sku=2`);
});

test('the switch works without JavaScript', async ({ browser, baseURL }) => {
  test.skip(test.info().project.name !== 'desktop', 'A form post, whatever the width (the switch is seen at both widths above): one project is enough');
  const context = await browser.newContext({ baseURL, javaScriptEnabled: false, locale: 'en-GB' });
  const page = await context.newPage();
  const { lyon } = e2eData();
  await page.goto(`/en/stores/${lyon.slug}`);
  await page.getByRole('link', { name: 'Français' }).click();
  await expect(page).toHaveURL(`${baseURL}/stores/${lyon.slug}`);
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  await context.close();
});

test('a link clicked on an English page stays in English', async ({ page, baseURL }) => {
  test.skip(test.info().project.name !== 'desktop', "A link's address does not depend on the width: one project is enough");
  await page.goto(`/en/p/${e2eData().browseProductSlug}`);
  const crumb = page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link').nth(1);
  await expect(crumb).toHaveAttribute('href', /^\/en\/c\//);
  await crumb.click();
  await expect(page).toHaveURL(new RegExp(`^${baseURL}/en/c/`));
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.getByRole('combobox', { name: 'Search' }).fill('chaussures');
  await page.getByRole('combobox', { name: 'Search' }).press('Enter');
  await expect(page).toHaveURL(`${baseURL}/en/search?q=chaussures`);
  await page.locator('main li a[href^="/en/p/"]').first().click();
  await expect(page).toHaveURL(new RegExp(`^${baseURL}/en/p/`));
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
});

/** Where a redirect sends: its path and query (Location may be absolute). */
const target = (res: APIResponse) => {
  const url = new URL(res.headers()['location'] ?? '', 'http://any.invalid');
  return `${url.pathname}${url.search}`;
};

test('/fr/… is sent to the unprefixed URL for good, the cookie and the browser to the English twin, /api is left alone', async ({ request }) => {
  test.skip(test.info().project.name !== 'desktop', 'HTTP only: no viewport is involved, one project is enough');
  const slug = e2eData().browseProductSlug;
  const fr = await request.get(`/fr/p/${slug}?sku=1`, { maxRedirects: 0 });
  expect(fr.status()).toBe(308);
  expect(target(fr)).toBe(`/p/${slug}?sku=1`);
  const byCookie = await request.get(`/c/chaussures?page=1`, { maxRedirects: 0, headers: { cookie: 'locale=en', 'accept-language': 'fr-FR' } });
  expect(byCookie.status()).toBe(307);
  expect(target(byCookie)).toBe('/en/c/chaussures?page=1');
  const byBrowser = await request.get('/', { maxRedirects: 0, headers: { 'accept-language': 'en-GB,en;q=0.9' } });
  expect(byBrowser.status()).toBe(307);
  expect(target(byBrowser)).toBe('/en');
  // A crawler (no cookie, no Accept-Language) reads the French page where it asked.
  expect((await request.get(`/p/${slug}`, { maxRedirects: 0 })).status()).toBe(200);
  // Route handlers have one URL for every language.
  const api = await request.get('/api/availability/product?sku=1', { maxRedirects: 0, headers: { cookie: 'locale=en' } });
  expect([200, 404]).toContain(api.status());
  // The switch itself: back to the twin of the page named, never off the site.
  const sw = await request.get(`/api/locale?to=en&back=${encodeURIComponent(`/p/${slug}?sku=1`)}`, { maxRedirects: 0 });
  expect(sw.status()).toBe(303);
  expect(target(sw)).toBe(`/en/p/${slug}?sku=1`);
  expect(sw.headers()['set-cookie']).toContain('locale=en');
  const away = await request.get(`/api/locale?to=fr&back=${encodeURIComponent('//evil.example/x')}`, { maxRedirects: 0 });
  expect(target(away)).toBe('/');
});

test('product, department and store pages name their twin in the other language (hreflang)', async ({ request, baseURL }) => {
  test.skip(test.info().project.name !== 'desktop', 'HTTP only: no viewport is involved, one project is enough');
  const { browseProductSlug, lyon } = e2eData();
  for (const path of [`/p/${browseProductSlug}`, '/c/chaussures', `/stores/${lyon.slug}`, '/']) {
    for (const prefix of ['', '/en']) {
      const url = `${prefix}${path === '/' && prefix ? '' : path}`;
      const res = await request.get(url, { maxRedirects: 0 });
      expect(res.status(), url).toBe(200);
      const twins = hreflangs(await res.text());
      const fr = `${baseURL}${path}`;
      const en = `${baseURL}/en${path === '/' ? '' : path}`;
      expect(twins, url).toEqual({ fr, en, 'x-default': fr });
    }
  }
});
