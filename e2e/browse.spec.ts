import { expect, test, type APIRequestContext } from '@playwright/test';
import { e2eData } from './support/data';

test('browse a department, search in French and English, open a product and choose a size', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('navigation', { name: 'Departments' }).getByRole('link', { name: 'Shoes' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Shoes' })).toBeVisible();
  // An English browser: the English pages, whose links stay in English.
  await expect(page).toHaveURL(/\/en\/c\/chaussures$/);
  const shoesInDepartment = await page.locator('main li a[href^="/en/p/"]').count();
  expect(shoesInDepartment).toBeGreaterThan(5);

  // French and English words find the same shoes.
  const search = page.getByRole('combobox', { name: 'Search' });
  await search.fill('chaussures');
  await search.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('chaussures');
  const fr = await page.locator('main li a[href^="/en/p/"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')).sort());
  await page.getByRole('combobox', { name: 'Search' }).fill('shoes');
  await page.getByRole('combobox', { name: 'Search' }).press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('shoes');
  const en = await page.locator('main li a[href^="/en/p/"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')).sort());
  expect(fr.length).toBeGreaterThan(5);
  expect(en).toEqual(fr);

  // Product page: price, options, availability with its time.
  await page.goto(`/p/${e2eData().browseProductSlug}`);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByTestId('price')).toContainText('€');
  const sizes = page.getByRole('group', { name: 'Size' }).getByRole('button');
  const second = sizes.nth(1);
  const label = (await second.textContent())!.trim();
  await second.click();
  await expect(page).toHaveURL(/\?sku=\d+/);
  await expect(second).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByRole('group', { name: 'Size' }).getByRole('button', { name: label, pressed: true })).toBeVisible();
  // Next.js keeps the page just left (the first size) hidden for Back: the visible article is this one.
  const availability = page.getByRole('article').getByTestId('availability');
  await expect(availability.getByText('Home delivery')).toBeVisible();
  await expect(availability.getByRole('link', { name: 'Find a store' })).toBeVisible();
});

test('a size tapped before the page has started its script still chooses it (the cached shell is on screen first)', async ({ browser, baseURL, page }) => {
  // Without JavaScript: what a tap on the shell's options does before hydration — it loads ?sku=.
  const context = await browser.newContext({ baseURL, javaScriptEnabled: false, locale: 'en-GB' });
  const early = await context.newPage();
  await early.goto(`/p/${e2eData().browseProductSlug}`);
  const second = early.getByRole('group', { name: 'Size' }).getByRole('button').nth(1);
  const label = (await second.textContent())!.trim();
  await second.click();
  await expect(early).toHaveURL(/\?sku=\d+$/);
  const chosen = early.url();
  await context.close();
  // The page it loaded, once its script runs, shows that size chosen.
  await page.goto(chosen);
  await expect(page.getByRole('group', { name: 'Size' }).getByRole('button', { name: label, pressed: true })).toBeVisible();
});

/**
 * A page's first answer served from Next's cache (x-nextjs-cache: HIT), asked again until it is: the
 * first visits make the page, and another worker's journey may expire it meanwhile (a price change
 * expires every page showing the departments).
 */
async function kept(request: APIRequestContext, url: string): Promise<string> {
  let html = '';
  await expect
    .poll(
      async () => {
        const res = await request.get(url);
        html = await res.text();
        return res.headers()['x-nextjs-cache'];
      },
      { timeout: 15_000 },
    )
    .toBe('HIT');
  return html;
}

test('a product page is kept whole: once made, Next.js serves it from its cache, name, price and main picture included', async ({ request }) => {
  test.skip(test.info().project.name !== 'desktop', 'HTTP only: no viewport is involved, one project is enough');
  const url = `/p/${e2eData().browseProductSlug}`;
  // The first visits make this product's page (docs/rendering.md); then it is served as kept.
  const html = await kept(request, url);
  // Nothing streamed per request: no hole of the page is filled after its first bytes.
  expect(html).not.toContain('<div hidden id="S:');
  expect(html).toMatch(/<h1[^>]*>[^<]+<\/h1>/);
  expect(html).toMatch(/itemprop="price"[^>]*>[^<]*\d/i);
  // The main picture is in the page itself (a drawn picture, inlined), the thumbnails by address.
  expect(html).toMatch(/<img src="data:image\/svg\+xml,%3Csvg[^"]*" alt="[^"]+"/);
  // A size and colour is a kept page of its own; its path is not a public URL.
  const sku = /<button type="submit" value="(\d+)"[^>]*name="sku"/.exec(html)?.[1];
  expect(sku).toBeDefined();
  await expect.poll(async () => (await request.get(`${url}?sku=${sku}`)).headers()['x-nextjs-cache'], { timeout: 15_000 }).toBe('HIT');
  expect((await request.get(`${url}~${sku}`)).status()).toBe(404);
  expect((await request.get(`${url}/${sku}`)).status()).toBe(404);
});

test('the store list and a store page are kept whole: once made, served from the cache with nothing streamed per request', async ({ request }) => {
  test.skip(test.info().project.name !== 'desktop', 'HTTP only: no viewport is involved, one project is enough');
  const storePage = `/stores/${e2eData().lyon.slug}`;
  // A store page: whole in the document's first bytes, nothing sent after it.
  const storeHtml = await kept(request, storePage);
  expect(storeHtml).not.toContain('<div hidden id="S:');
  expect(storeHtml).toContain(`>${e2eData().lyon.name}</h1>`);
  expect(storeHtml).toContain('data-testid="hours-table"');
  // "Open now" is the browser's: the kept page holds a placeholder, never a time of its making.
  expect(storeHtml).toContain('data-testid="opening-status-pending"');
  expect(storeHtml).not.toContain('data-testid="opening-status"');

  // The list: heading, search form and map picture come first; the only parts React sends after
  // the document (over its chunk size) are the store list and the map's pins, none per request.
  const html = await kept(request, '/stores');
  const firstLater = html.indexOf('<div hidden id="S:');
  for (const early of ['<h1', 'role="search"', 'data-testid="store-map-preview"', 'id="store-results"']) {
    const at = html.indexOf(early);
    expect(at, early).toBeGreaterThan(-1);
    if (firstLater !== -1) expect(at, early).toBeLessThan(firstLater);
  }
  const later = [...html.matchAll(/<div hidden id="S:\d+">(<[a-z]+[^>]*>)/g)].map((m) => m[1]!);
  for (const part of later) expect(part).toMatch(/^<span class="store-marker|^<ul [^>]*data-testid="store-list"/);
  expect(html).toContain('data-store-slug="' + e2eData().lyon.slug + '"');

  // The pages behind the public URLs are not public.
  for (const hidden of ['/stores/list/all', '/stores/near', '/stores/near?near=Lyon', `${storePage}/x`]) {
    expect((await request.get(hidden)).status(), hidden).toBe(404);
  }
});

test('every shopper page waits for one stylesheet before its first paint, the store pages included', async ({ request }) => {
  test.skip(test.info().project.name !== 'desktop', 'HTTP only: no viewport is involved, one project is enough');
  const home = await (await request.get('/')).text();
  const department = /href="(\/c\/[^"?#]+)"/.exec(home)?.[1];
  expect(department).toBeDefined();
  // A component's own CSS file is one more request a phone waits for before anything is drawn: the
  // store list had three, a store page two (components/stores/store-list.css, components/map/store-map.css).
  for (const url of ['/', `/p/${e2eData().browseProductSlug}`, department!, '/stores', `/stores/${e2eData().lyon.slug}`, '/cart', '/search?q=chaussures']) {
    const html = await (await request.get(url)).text();
    const sheets = html.match(/<link rel="stylesheet"[^>]*>/g) ?? [];
    expect(sheets, url).toHaveLength(1);
  }
});

test("a product's stock and click & reserve shops come from one per-visitor answer, per store", async ({ page, request }) => {
  test.skip(test.info().project.name !== 'desktop', 'The answer and its requests do not depend on the width: one project is enough');
  await page.goto(`/p/${e2eData().browseProductSlug}`);
  const sku = await page.locator('[data-testid="add-to-cart"] input[name="skuId"]').inputValue();
  const signedOut = await request.get(`/api/availability/product?sku=${sku}`);
  expect(signedOut.status()).toBe(200);
  expect(signedOut.headers()['cache-control']).toContain('no-store');
  const body = await signedOut.json();
  expect(body).toMatchObject({ myStore: null, nearby: [], signedIn: false });
  expect(body.reserve.nearestFirst).toBe(false);
  for (const bad of ['abc', '0', '1,2', '99999999999', '']) {
    expect((await request.get(`/api/availability/product?sku=${encodeURIComponent(bad)}`)).status(), bad).toBe(400);
  }
  expect((await request.get('/api/availability/product?sku=2000000000')).status()).toBe(404);
});

test('search reads a synonym and a typo, in French and English, and offers « did you mean »', async ({ page }) => {
  test.skip(
    test.info().project.name !== 'desktop',
    'What search finds does not depend on the width (the results grid is walked at both in the first journey): one project is enough',
  );
  const firstResult = page.locator('main li a[href*="/p/"]').first();
  // English site: a French shopper's word and a misspelt one.
  await page.goto('/en/search?q=pull');
  await expect(firstResult).toHaveAttribute('href', /^\/en\/p\/sweat-/);
  await page.goto('/en/search?q=perseuse');
  await expect(firstResult).toHaveAttribute('href', /^\/en\/p\/perceuse-/);
  // French site: an English word, then a word too far from any to correct, and the suggestion it gets.
  await page.getByRole('link', { name: 'Français' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  const search = page.getByRole('combobox', { name: 'Rechercher' });
  await search.fill('jumper');
  await search.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('jumper');
  await expect(firstResult).toHaveAttribute('href', /^\/p\/sweat-/);
  await page.getByRole('combobox', { name: 'Rechercher' }).fill('perceuzzz');
  await page.getByRole('combobox', { name: 'Rechercher' }).press('Enter');
  const status = page.getByRole('status');
  await expect(status).toContainText('Aucun produit');
  await expect(status).toContainText('Vouliez-vous dire');
  await status.getByRole('link', { name: 'perceuse' }).click();
  await expect(page).toHaveURL(/\/search\?q=perceuse$/);
  await expect(firstResult).toHaveAttribute('href', /^\/p\/perceuse-/);
});

test('an empty search and a search with no match say so', async ({ page }) => {
  test.skip(test.info().project.name !== 'desktop', 'A sentence, whatever the width: one project is enough');
  await page.goto('/search?q=zzzqqqxx');
  await expect(page.getByRole('status')).toContainText('No product matches');
});

test('unknown product, store and department pages are proper 404s', async ({ page }) => {
  test.skip(test.info().project.name !== 'desktop', 'Status codes do not depend on the width: one project is enough');
  for (const url of ['/p/no-such-product', '/stores/no-such-store', '/c/no-such-department', '/no/such/page']) {
    const response = await page.goto(url);
    expect(response?.status(), url).toBe(404);
    await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
  }
});

test('the footer switches the whole site to French, and the choice is remembered', async ({ page }) => {
  await page.goto(`/p/${e2eData().browseProductSlug}`);
  await page.getByRole('link', { name: 'Français' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  await expect(page.getByRole('combobox', { name: 'Rechercher' })).toBeVisible();
  await expect(page.getByText('Disponibilité en magasin')).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`/p/${e2eData().browseProductSlug}$`));
  await page.goto('/stores');
  await expect(page.getByRole('heading', { level: 1, name: 'Nos magasins' })).toBeVisible();
  await page.getByRole('link', { name: 'English' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Our stores' })).toBeVisible();
});

test("a product's stock that cannot be loaded says so, and Try again loads it", async ({ page }) => {
  test.skip(test.info().project.name !== 'desktop', 'The retry does not depend on the width: one project is enough');
  let fail = true;
  await page.route('**/api/availability/product?*', (route) => (fail ? route.fulfill({ status: 503, body: 'down' }) : route.continue()));
  await page.goto(`/p/${e2eData().browseProductSlug}`);
  const failed = page.getByRole('article').getByTestId('stock-failed');
  await expect(failed).toContainText('could not be loaded');
  fail = false;
  await failed.getByRole('button', { name: 'Try again' }).click();
  await expect(page.getByRole('article').getByTestId('availability')).toBeVisible();
  await expect(page.getByRole('article').getByTestId('stock-failed')).toHaveCount(0);
});

test('a catalogue page fetches no other page while it loads: its links prefetch once the shopper shows intent', async ({ page }) => {
  // Next prefetches a link on sight; the header's, the breadcrumbs', the hero's and the store
  // filters' wait for a pointer, focus or finger (IntentLink), so nothing competes with the page.
  const prefetched: string[] = [];
  page.on('request', (r) => {
    if (r.headers()['rsc'] === '1' || /[?&]_rsc=/.test(r.url())) prefetched.push(new URL(r.url()).pathname);
  });
  for (const path of ['/', `/p/${e2eData().browseProductSlug}`, '/stores']) {
    await page.goto(path);
    await expect(page.getByTestId('cart-link')).toBeVisible();
    await page.waitForTimeout(3_000); // a link prefetched on sight is asked for by now
  }
  expect(prefetched).toEqual([]);
  await page.getByTestId('cart-link').focus();
  await expect.poll(() => prefetched).toContain('/en/cart');
});
