import { expect, test, type Page } from '@playwright/test';

/*
 * Suggestions as you type in the header's search box: an ARIA combobox over a listbox, fed by
 * GET /api/search/suggest. Typed slowly, key by key, as a shopper does; chosen with the keyboard.
 */

const box = (page: Page, name: string) => page.getByRole('combobox', { name });

async function typeSlowly(page: Page, name: string, text: string) {
  await box(page, name).click();
  await box(page, name).pressSequentially(text, { delay: 120 });
}

for (const lang of [
  { locale: 'en-GB', search: 'Search', typed: 'fry', wants: /frying pan/i, count: /^\d+ suggestions?$/, department: 'Kitchen department' },
  { locale: 'fr-FR', search: 'Rechercher', typed: 'poê', wants: /Poêle/, count: /^\d+ suggestions?$/, department: 'Rayon Cuisine' },
] as const) {
  test.describe(lang.locale, () => {
    test.use({ locale: lang.locale });

    test(`typed slowly, the suggestions come; the keyboard opens the second; Escape closes (${lang.locale})`, async ({ page }) => {
      test.setTimeout(90_000); // a product page's first visit is made at the end; two cores share the server and two browsers
      await page.goto('/c/chaussures');
      await typeSlowly(page, lang.search, lang.typed);
      const input = box(page, lang.search);
      const list = page.getByRole('listbox', { name: 'Suggestions' });
      await expect(list).toBeVisible();
      await expect(input).toHaveAttribute('aria-expanded', 'true');
      await expect(input).toHaveAttribute('aria-controls', 'site-search-suggestions');
      const options = list.getByRole('option');
      await expect(options.first()).toContainText(lang.wants);
      const n = await options.count();
      expect(n).toBeGreaterThan(1);
      expect(n).toBeLessThanOrEqual(10);
      // The count is announced.
      await expect(page.locator('#site-search-suggestions-count')).toHaveText(lang.count);

      // Down, Down: the second option is the active one; Home and End jump to the ends; Up from the first wraps to the last.
      await input.press('ArrowDown');
      await expect(options.nth(0)).toHaveAttribute('aria-selected', 'true');
      await expect(input).toHaveAttribute('aria-activedescendant', 'site-search-suggestions-0');
      await input.press('End');
      await expect(options.nth(n - 1)).toHaveAttribute('aria-selected', 'true');
      await input.press('Home');
      await expect(options.nth(0)).toHaveAttribute('aria-selected', 'true');
      await input.press('ArrowUp');
      await expect(options.nth(n - 1)).toHaveAttribute('aria-selected', 'true');
      await input.press('ArrowDown');
      await input.press('ArrowDown');
      await expect(options.nth(1)).toHaveAttribute('aria-selected', 'true');
      await expect(input).toHaveAttribute('aria-activedescendant', 'site-search-suggestions-1');
      await expect(options.nth(0)).toHaveAttribute('aria-selected', 'false');

      // Escape closes the list and keeps what was typed.
      await input.press('Escape');
      await expect(list).toBeHidden();
      await expect(input).toHaveAttribute('aria-expanded', 'false');
      await expect(input).not.toHaveAttribute('aria-activedescendant');
      await expect(input).toHaveValue(lang.typed);

      // Down opens it again; Enter on the second opens that product.
      await input.press('ArrowDown');
      await input.press('ArrowDown');
      const second = options.nth(1);
      const href = await second.getAttribute('data-href');
      const name = (await second.locator('[data-name]').textContent())!.trim();
      // An English page's links stay under /en/ (a URL per language).
      expect(href).toMatch(lang.locale === 'en-GB' ? /^\/en\/p\// : /^\/p\//);
      await input.press('Enter');
      await expect(page).toHaveURL(new RegExp(`${href!.replace(/[?]/g, '\\$&')}$`));
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
    });

    test(`with nothing chosen, Enter searches; a department is offered by name (${lang.locale})`, async ({ page }) => {
      await page.goto('/');
      const name = lang.locale === 'fr-FR' ? 'cuis' : 'kitch';
      await typeSlowly(page, lang.search, name);
      await expect(page.getByRole('option', { name: lang.department })).toBeVisible();
      await box(page, lang.search).press('Enter');
      await expect(page).toHaveURL(new RegExp(`/search\\?q=${name}$`));
      await expect(page.getByRole('heading', { level: 1 })).toContainText(name);
    });
  });
}

test('a stale answer never replaces a newer one: the list is for what the box holds', async ({ page }) => {
  test.skip(test.info().project.name !== 'desktop', 'The order of answers does not depend on the width: one project is enough');
  await page.goto('/');
  // The first word's answer is held back until after the second's has come.
  let release: () => void = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/api/search/suggest?*', async (route) => {
    if (new URL(route.request().url()).searchParams.get('q') === 'perceuse') await held;
    await route.continue().catch(() => {}); // cancelled by the page meanwhile
  });
  const input = box(page, 'Search');
  await input.click();
  await input.fill('perceuse');
  await page.waitForRequest((r) => r.url().includes('q=perceuse'));
  await input.fill('fry');
  const list = page.getByRole('listbox', { name: 'Suggestions' });
  await expect(list.getByRole('option').first()).toContainText(/frying pan/i);
  release();
  await page.waitForTimeout(500); // the held answer arrives (or was cancelled): nothing changes
  await expect(list.getByRole('option').first()).toContainText(/frying pan/i);
  await expect(list).not.toContainText(/drill/i);
});

test('the search form still works without JavaScript', async ({ browser, baseURL }) => {
  test.skip(test.info().project.name !== 'desktop', 'A GET form, whatever the width: one project is enough');
  const context = await browser.newContext({ baseURL, javaScriptEnabled: false, locale: 'en-GB' });
  const page = await context.newPage();
  await page.goto('/');
  await page.getByRole('combobox', { name: 'Search' }).fill('frying pan');
  await page.getByRole('combobox', { name: 'Search' }).press('Enter');
  await expect(page).toHaveURL(/\/en\/search\?q=frying\+pan$/);
  // The results are in the page as sent, visible: not streamed behind a skeleton a script would reveal.
  await expect(page.locator('a[href^="/en/p/poele-"]').first()).toBeVisible();
  await context.close();
});

test('GET /api/search/suggest over HTTP: junk, unicode, a 10 kB query, repeated parameters — a 200 or a 400, never a 500', async ({ request }) => {
  test.skip(test.info().project.name !== 'desktop', 'HTTP only: no viewport is involved, one project is enough');
  const ok = await request.get('/api/search/suggest?q=poe&locale=fr');
  expect(ok.status()).toBe(200);
  expect(ok.headers()['cache-control']).toBe('public, max-age=60, stale-while-revalidate=300');
  const body = (await ok.json()) as { suggestions: { kind: string; name: string; href: string }[] };
  expect(body.suggestions.length).toBeGreaterThan(0);
  expect(body.suggestions[0]).toMatchObject({
    kind: 'product',
    name: expect.stringMatching(/Poêle/) as unknown as string,
    href: expect.stringMatching(/^\/p\//) as unknown as string,
  });

  for (const q of ['%F0%9F%8D%B3%F0%9F%8D%B3', '%E6%97%A5%E6%9C%AC%E8%AA%9E', "'%3B--", '%25%25', '%5C', 'a', '%20', 'p%C3%B4%C3%AA%CC%82le']) {
    const res = await request.get(`/api/search/suggest?q=${q}&locale=en`);
    expect(res.status(), q).toBe(200);
  }
  const refused: [string, RegExp][] = [
    [`?q=${'x'.repeat(10_240)}&locale=fr`, /too long/],
    ['?q=poe&q=cas&locale=fr', /given once/],
    ['?q=poe&locale=fr&locale=fr', /given once/],
    ['?locale=fr', /q is required/],
    ['?q=poe&locale=xx', /locale must be/],
  ];
  for (const [query, message] of refused) {
    const res = await request.get(`/api/search/suggest${query}`);
    expect(res.status(), query).toBe(400);
    expect(((await res.json()) as { error: string }).error, query).toMatch(message);
  }
  // A control character is refused before the handler (proxy.ts).
  expect((await request.get('/api/search/suggest?q=po%00e&locale=fr')).status()).toBe(400);
});
