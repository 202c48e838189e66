import { expect, test, type BrowserContext, type Locator, type Page } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './support/axe';
import { e2eData } from './support/data';

/*
 * Facets and sort on the search and department pages (issue 18): links that keep working without
 * JavaScript and that a shopper can share. On a phone the facets sit behind "Filters (n)".
 */

// Visible only: Next.js keeps the page just left in the document, hidden, for Back.
// Product links, in either language (French /p/…, English /en/p/…).
const cards = (page: Page) => page.locator('main li a[href^="/p/"]:visible, main li a[href^="/en/p/"]:visible');
const resultCount = (page: Page) => page.locator('main [data-testid="result-count"]:visible');
const hrefs = (page: Page) => cards(page).evaluateAll((as) => as.map((a) => a.getAttribute('href')));

/** The facets on screen: the phone's disclosure, opened, or the desktop's sidebar. */
async function facets(page: Page): Promise<Locator> {
  const disclosure = page.getByTestId('filters-disclosure');
  if (await disclosure.isVisible()) {
    if ((await disclosure.getAttribute('open')) === null) await disclosure.locator('summary').click();
    return disclosure;
  }
  return page.locator('aside');
}

async function chooseLyon(page: Page, button: string) {
  const { lyon } = e2eData();
  await page.goto(`/stores/${lyon.slug}`);
  const main = page.getByRole('main');
  await main.getByRole('button', { name: button }).click();
  await expect(main.getByTestId('is-my-store')).toBeVisible();
  // The header has heard of it too: the action's refresh is over, the next navigation is ours.
  await expect(page.getByRole('banner').getByRole('link', { name: new RegExp(lyon.name.replace('Comptoir ', '')) })).toBeVisible();
}

/**
 * A new browser with this one's cookies (my store, the language), as a shared link opens on the
 * same phone; `scripts: false` blocks the page's bundles, so nothing hydrates: every tap is the
 * browser's own (a link, a GET form), as before the scripts have loaded. (The page's inline
 * scripts still run: they put the streamed list in place, which a browser with JavaScript turned
 * off never shows — docs/features.md, "Facets and sort".)
 */
async function sameVisitor(page: Page, browser: import('@playwright/test').Browser, baseURL: string | undefined, scripts = true): Promise<BrowserContext> {
  // Without scripts: JavaScript off altogether, not only the bundles blocked — a list streamed
  // behind a skeleton would still be revealed by React's inline script and hide the gap.
  const context = await browser.newContext({ baseURL, locale: 'en-GB', javaScriptEnabled: scripts });
  await context.addCookies(await page.context().cookies());
  return context;
}

type Words = {
  chosen: string;
  inStockAt: string;
  size: string;
  show: RegExp;
  remove: string;
  filters: RegExp;
  sortCheap: string;
  priceForm: string;
  min: string;
  max: string;
  products: RegExp;
  /** The language's path prefix: English pages and their links live under /en/. */
  prefix: '' | '/en';
};
const EN: Words = {
  chosen: 'Chosen filters',
  inStockAt: 'In stock at',
  size: 'Size',
  show: /: show/,
  remove: 'remove this filter',
  filters: /^Filters \(2\)/,
  sortCheap: 'Price, low to high',
  priceForm: 'Filter by price',
  min: 'Min price (€)',
  max: 'Max price (€)',
  products: /^\d+ products?$/,
  prefix: '/en',
};
const FR: Words = {
  chosen: 'Filtres choisis',
  inStockAt: 'En stock à',
  size: 'Taille',
  show: / : afficher/,
  remove: 'retirer ce filtre',
  filters: /^Filtres \(2\)/,
  sortCheap: 'Prix croissant',
  priceForm: 'Filtrer par prix',
  min: 'Prix min (€)',
  max: 'Prix max (€)',
  products: /^\d+ produits?$/,
  prefix: '',
};

async function journey(page: Page, browser: import('@playwright/test').Browser, baseURL: string | undefined, w: Words) {
  const { lyon } = e2eData();
  // A synonym: « pull » finds the sweatshirts; a typo: « perseuse » finds the drills.
  await page.goto('/search?q=perseuse');
  await expect(cards(page).first()).toHaveAttribute('href', new RegExp(`^${w.prefix}/p/perceuse-`));
  await page.goto('/search?q=pull');
  await expect(cards(page).first()).toHaveAttribute('href', new RegExp(`^${w.prefix}/p/sweat-`));
  const everything = (await hrefs(page)).length;

  // In stock at my store.
  let panel = await facets(page);
  await panel.getByRole('link', { name: new RegExp(`^${w.inStockAt} ${lyon.name}${w.show.source}`) }).click();
  await expect(page).toHaveURL(/\/search\?q=pull&stock=store$/);
  await expect(resultCount(page)).toHaveText(w.products);
  await expect(page.getByRole('region', { name: w.chosen }).getByRole('link', { name: new RegExp(`${w.inStockAt} ${lyon.name}.*${w.remove}`) })).toBeVisible();
  const inStock = await hrefs(page);
  expect(inStock.length).toBeGreaterThan(0);
  expect(inStock.length).toBeLessThanOrEqual(everything);
  for (const card of await cards(page).all()) await expect(card).toContainText(/In stock|Only \d+ left|En stock|Plus qu/);

  // A size, then the cheapest first: each a link, the URL in its one order.
  panel = await facets(page);
  const size = panel.getByRole('link', { name: new RegExp(`^${w.size} M${w.show.source}`) });
  await size.click();
  await expect(page).toHaveURL(/\/search\?q=pull&size=M&stock=store$/);
  await page
    .getByRole('navigation', { name: /Sort by|Trier par/ })
    .getByRole('link', { name: w.sortCheap })
    .click();
  await expect(page).toHaveURL(/\/search\?q=pull&size=M&stock=store&sort=price-asc$/);
  await expect(page.getByRole('link', { name: w.sortCheap })).toHaveAttribute('aria-current', 'true');
  if (await page.getByTestId('filters-disclosure').isVisible()) await expect(page.getByTestId('filters-disclosure').locator('summary')).toHaveText(w.filters);
  await expect(resultCount(page)).toHaveText(w.products);
  const shared = page.url();
  const results = await hrefs(page);
  const count = await resultCount(page).innerText();
  expect(results.length).toBeGreaterThan(0);

  // Shared: the same results in a new browser of the same visitor, with its scripts and before them.
  for (const js of [true, false]) {
    const context = await sameVisitor(page, browser, baseURL, js);
    const other = await context.newPage();
    await other.goto(shared);
    // A new browser's first visit streams the list in; the machine is shared, so give it time.
    await expect(resultCount(other)).toHaveText(count, { timeout: 30_000 });
    await expect(resultCount(other)).toBeVisible();
    await expect(cards(other)).toHaveCount(results.length);
    await expect(cards(other).first()).toBeVisible();
    expect(await hrefs(other)).toEqual(results);
    await context.close();
  }

  // Before the scripts, the links and the price form work: a chip removes its filter, the form sets a range.
  const context = await sameVisitor(page, browser, baseURL, false);
  const nojs = await context.newPage();
  await nojs.goto(shared);
  await nojs
    .getByRole('link', { name: new RegExp(`^${w.size} M.*${w.remove}`) })
    .first()
    .click();
  await expect(nojs).toHaveURL(/\/search\?q=pull&stock=store&sort=price-asc$/);
  await expect(cards(nojs)).toHaveCount(inStock.length);
  await expect(cards(nojs).last()).toBeVisible();
  expect([...(await hrefs(nojs))].sort()).toEqual([...inStock].sort());
  const form = (await facets(nojs)).getByRole('button', { name: w.priceForm }).locator('xpath=ancestor::form');
  await form.getByLabel(w.min).fill('30');
  await form.getByLabel(w.max).fill('45');
  await form.getByRole('button', { name: w.priceForm }).click();
  await expect(nojs).toHaveURL(
    (url) => url.searchParams.get('min') === '30' && url.searchParams.get('max') === '45' && url.searchParams.get('stock') === 'store',
  );
  await expect(nojs.getByRole('link', { name: new RegExp(w.remove) }).first()).toBeVisible();
  await context.close();
}

test('search with a synonym and a typo, filter "in stock at my store", share the URL: the same results, with its scripts and before them (English)', async ({
  page,
  browser,
  baseURL,
}) => {
  test.setTimeout(90_000);
  await chooseLyon(page, 'Make this my store');
  await journey(page, browser, baseURL, EN);
});

test('the same journey in French', async ({ page, browser, baseURL }) => {
  test.skip(test.info().project.name !== 'desktop', 'The facets at phone width are walked in the English journey; the French words at one width are enough');
  test.setTimeout(90_000);
  await page.goto('/stores');
  await page.getByRole('link', { name: 'Français' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  await chooseLyon(page, 'Choisir ce magasin');
  await journey(page, browser, baseURL, FR);
});

test('without a store, the availability facet offers the store locator; a department filters by brand', async ({ page }) => {
  test.setTimeout(90_000);
  await page.goto('/search?q=pull');
  const panel = await facets(page);
  await expect(panel.getByRole('link', { name: 'Choose my store' })).toHaveAttribute('href', '/en/stores');
  // A shared URL asking for my store's stock, opened without a store: the whole list, and the locator.
  await page.goto('/search?q=pull&stock=store');
  await expect(resultCount(page)).toHaveText(EN.products);

  await page.goto('/c/vetements');
  const brand = (await facets(page)).getByRole('link', { name: /^Brand Cotonnier: show (the )?\d+ products?$/ });
  const expected = Number(/(\d+) products?$/.exec((await brand.getAttribute('aria-label'))!)?.[1]);
  expect(expected).toBeGreaterThan(0);
  await brand.click();
  await expect(page).toHaveURL(/\/c\/vetements\?brand=Cotonnier$/);
  await expect(cards(page)).toHaveCount(expected);
  for (const card of await cards(page).all()) await expect(card).toContainText('Cotonnier');
  await expectNoSeriousA11yViolations(page);
});

test('with JavaScript off, a department lists its products and its facet links filter it', async ({ browser, baseURL }) => {
  test.skip(test.info().project.name !== 'desktop', 'Server HTML and links, whatever the width: one project is enough');
  const context = await browser.newContext({ baseURL, locale: 'en-GB', javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/c/vetements');
  await expect(resultCount(page)).toBeVisible();
  await expect(cards(page).first()).toBeVisible();
  // The department bar too: in the page as sent, not behind a boundary a script reveals.
  await expect(page.getByRole('navigation', { name: 'Departments' }).getByRole('link', { name: 'Shoes' })).toBeVisible();
  const brand = (await facets(page)).getByRole('link', { name: /^Brand Cotonnier: show (the )?\d+ products?$/ });
  const expected = Number(/(\d+) products?$/.exec((await brand.getAttribute('aria-label'))!)?.[1]);
  await brand.click();
  await expect(page).toHaveURL(/\/c\/vetements\?brand=Cotonnier$/);
  await expect(cards(page)).toHaveCount(expected);
  await context.close();
});

test('a filtered page points search engines at the unfiltered one, and junk in the URL never fails the page', async ({ request }) => {
  test.skip(test.info().project.name !== 'desktop', 'HTTP only: no viewport is involved, one project is enough');
  const search = await (await request.get('/search?q=pull&size=M&sort=newest')).text();
  expect(search).toMatch(/<link rel="canonical" href="[^"]*\/search\?q=pull"/);
  const department = await (await request.get('/c/vetements?brand=Cotonnier&sort=price-desc')).text();
  expect(department).toMatch(/<link rel="canonical" href="[^"]*\/c\/vetements"/);
  const junk = [
    'min=abc&max=-1&sort=%27%3BDROP&page=-4',
    'min=50&max=10&page=99999999999999999999',
    `brand=${'x'.repeat(3000)}&size=%25&colour=%22%5C`,
    'colour=%EF%BF%BF&stock=warehouse&sort[]=x&size=%F0%9F%91%95',
    'brand=a&brand=b&brand=c&brand=d&brand=e&brand=f&brand=g&brand=h&brand=i&brand=j&brand=k&brand=l&brand=m&brand=n',
    'min=1e308&max=NaN&instock=2&stock=store&stock=drive',
  ];
  for (const q of junk) {
    for (const path of ['/search?q=pull&', '/c/vetements?']) {
      const res = await request.get(path + q);
      expect(res.status(), path + q).toBe(200);
      expect(await res.text(), path + q).toContain('data-testid="result-count"');
    }
  }
  // A control character is refused before the page, with a 400 that says which parameter holds it.
  const control = await request.get('/c/vetements?size=%1B');
  expect(control.status()).toBe(400);
  expect(await control.text()).toContain('size');
});

test('the facets have no serious accessibility violations, open on a phone', async ({ page }) => {
  test.setTimeout(90_000); // a full axe scan on a two-core machine
  await page.goto('/search?q=pull&size=M&sort=price-asc');
  await facets(page);
  await expectNoSeriousA11yViolations(page);
});
