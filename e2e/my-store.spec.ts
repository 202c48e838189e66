import { expect, test } from '@playwright/test';
import { e2eData } from './support/data';
import { signIn } from './support/fixtures';

test('find stores near a postcode, make one my store, and see it first on a product page', async ({ page }) => {
  const { lyon, browseProductSlug } = e2eData();
  await page.goto('/stores');
  await page.getByLabel('Postcode or town').fill('69003');
  await page.getByRole('button', { name: 'Search', exact: true }).last().click();
  await expect(page.getByRole('heading', { name: /Nearest to Lyon/ })).toBeVisible();

  const list = page.getByRole('list', { name: 'Store list' });
  const first = list.getByRole('listitem').first();
  await expect(first).toContainText(lyon.name);
  await first.getByRole('button', { name: 'Make this my store' }).click();
  await expect(page.getByRole('banner').getByRole('link', { name: new RegExp(lyon.name.replace('Comptoir ', '')) })).toBeVisible();

  // Remembered across visits: a new page load still knows it.
  await page.goto(`/p/${browseProductSlug}`);
  const mine = page.getByTestId('my-store-availability');
  await expect(mine).toContainText(lyon.name);
  await expect(mine).toContainText(/In stock|Only \d left|Out of stock|Not sold here/);
  await expect(mine.locator('time')).toContainText('Stock as of');
  const nearby = page.getByTestId('nearby-availability').getByRole('listitem');
  await expect(nearby).toHaveCount(5);
  await expect(nearby.first()).toContainText(/km|m\b/);
});

test('an unknown postcode gets a clear message and the list stays', async ({ page }) => {
  await page.goto('/stores');
  await page.getByLabel('Postcode or town').fill('99999');
  await page.getByRole('button', { name: 'Search', exact: true }).last().click();
  await expect(page.getByRole('alert').filter({ hasText: '99999' })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Store list' }).getByRole('listitem').first()).toBeVisible();
});

test('the kept store pages show "open now", today and my store, worked out in the browser', async ({ page }) => {
  const { lyon, villeurbanne } = e2eData();
  await page.goto(`/stores/${lyon.slug}`);
  const main = page.getByRole('main');
  await expect(main.getByTestId('opening-status')).toHaveText(/^(Open now|Closed)/);
  await expect(main.locator('tr[aria-current="date"]')).toHaveCount(1);
  await main.getByRole('button', { name: 'Make this my store' }).click();
  await expect(main.getByTestId('is-my-store')).toBeVisible();

  // The list, the same page for everyone, knows it too once in the browser; and a new choice moves it.
  await page.goto('/stores');
  const list = page.getByRole('list', { name: 'Store list' });
  const lyonCard = list.locator(`[data-store-slug="${lyon.slug}"]`);
  await expect(lyonCard).toHaveAttribute('data-mine', 'true');
  await expect(lyonCard.getByTestId('opening-status')).toHaveText(/^(Open now|Closed)/);
  await expect(list.getByTestId('is-my-store')).toHaveCount(1);
  await list.locator(`[data-store-slug="${villeurbanne.slug}"]`).getByRole('button', { name: 'Make this my store' }).click();
  await expect(list.locator(`[data-store-slug="${villeurbanne.slug}"]`)).toHaveAttribute('data-mine', 'true');
  await expect(lyonCard).not.toHaveAttribute('data-mine', 'true');
  await expect(lyonCard.getByRole('button', { name: 'Make this my store' })).toBeVisible();
});

test('"make this my store" that never gets its answer says so on the card and on the store page, and can be tried again', async ({ page }) => {
  const { lyon } = e2eData();
  // The first post of the action is cut off, as a dropped connection would; the next goes through.
  let cut = 0;
  await page.route(
    (url) => /^\/(en\/)?stores/.test(url.pathname),
    async (route) => {
      if (route.request().method() === 'POST' && route.request().headers()['next-action'] && cut++ === 0) return route.abort('connectionreset');
      return route.fallback();
    },
  );
  await page.goto('/stores?near=69003');
  const first = page.getByRole('list', { name: 'Store list' }).getByRole('listitem').first();
  await expect(first).toContainText(lyon.name);
  await first.getByRole('button', { name: 'Make this my store' }).click();
  await expect(first.getByText('Your store could not be saved: the connection dropped. Please try again.')).toBeVisible();
  await first.getByRole('button', { name: 'Make this my store' }).click();
  await expect(first.getByText('My store', { exact: true })).toBeVisible();

  cut = 0;
  await first.getByRole('link', { name: lyon.name }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: lyon.name })).toBeVisible();
  // Lyon is my store now: choose it again from another one's page.
  await page.goto('/stores?near=75011');
  const paris = page.getByRole('list', { name: 'Store list' }).getByRole('listitem').first();
  const parisName = (await paris.getByRole('heading').first().innerText()).trim();
  await paris.getByRole('link', { name: parisName }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: parisName })).toBeVisible();
  await page.getByRole('button', { name: /Make this my store/ }).click();
  await expect(page.getByText('Your store could not be saved: the connection dropped. Please try again.')).toBeVisible();
  await page.getByRole('button', { name: /Make this my store/ }).click();
  const pageHeader = page.locator('header', { has: page.getByRole('heading', { level: 1, name: parisName }) });
  await expect(pageHeader.getByTestId('is-my-store')).toBeVisible();
  await expect(page.getByRole('button', { name: /Make this my store/ })).toHaveCount(0);
});

test('before the page’s scripts have loaded, "make this my store" on the store list is a plain form that sets my store', async ({ browser, baseURL }) => {
  // The page's own inline scripts run (they put the streamed list in place); its bundles never
  // arrive, so nothing hydrates: what a tap does on a slow phone before the scripts have loaded.
  const context = await browser.newContext({ baseURL, locale: 'en-GB' });
  const page = await context.newPage();
  await page.route(/\/_next\/static\/.*\.js(\?|$)/, (route) => route.abort());
  await page.goto('/stores');
  const card = page.getByTestId('store-card').nth(2);
  const storeId = await card.getAttribute('data-store-id');
  expect(storeId).toMatch(/^\d+$/);
  // The cards are HTML React never hydrates (store-cards-html.ts): their form posts to a route, which
  // sends the browser back to the list.
  const posted = page.waitForResponse((res) => res.request().method() === 'POST' && new URL(res.url()).pathname === '/api/my-store');
  await card.getByRole('button', { name: /Make this my store/ }).click();
  expect((await posted).status()).toBe(303);
  await expect(page).toHaveURL(/\/en\/stores$/);
  expect((await context.cookies()).find((c) => c.name === 'my_store')?.value).toBe(storeId);
  await context.close();
});

test('the locator filters by service: links that keep the search, can be shared, and list only stores offering it', async ({ page, browser, baseURL }) => {
  await page.goto('/stores?near=69003');
  const filters = page.getByRole('navigation', { name: 'Filter by service' });
  await expect(filters.getByRole('link', { name: 'All stores' })).toHaveAttribute('aria-current', 'page');
  const allCount = await page.getByTestId('store-card').count();
  await filters.getByRole('link', { name: 'Drive' }).click();
  await expect(page).toHaveURL(/\/stores\?near=69003&service=drive$/);
  await expect(filters.getByRole('link', { name: 'Drive' })).toHaveAttribute('aria-current', 'page');
  await expect(page.getByRole('heading', { name: /Nearest to Lyon/ })).toBeVisible();
  const cards = page.getByTestId('store-card');
  const driveCount = await cards.count();
  expect(driveCount).toBeGreaterThan(0);
  expect(driveCount).toBeLessThan(allCount);
  for (const card of await cards.all()) await expect(card.getByRole('list', { name: 'Services' })).toContainText('Drive');
  const firstDrive = (await cards.first().getByRole('heading').innerText()).trim();

  // A search from there keeps the filter.
  await page.getByLabel('Postcode or town').fill('75011');
  await page.getByRole('button', { name: 'Search', exact: true }).last().click();
  await expect(page).toHaveURL((url) => url.searchParams.get('near') === '75011' && url.searchParams.get('service') === 'drive');
  await expect(page.getByRole('heading', { name: /Nearest to Paris/ })).toBeVisible();

  // Shared: the same list in a new browser, before its scripts have loaded; the kept list filters too.
  const other = await browser.newContext({ baseURL, locale: 'en-GB' });
  const shared = await other.newPage();
  await shared.route(/\/_next\/static\/.*\.js(\?|$)/, (route) => route.abort());
  await shared.goto('/stores?near=69003&service=drive');
  await expect(shared.getByTestId('store-card')).toHaveCount(driveCount);
  await expect(shared.getByTestId('store-card').first().getByRole('heading')).toHaveText(firstDrive);
  await shared.goto('/stores?service=returns-desk');
  const desks = shared.getByTestId('store-card');
  expect(await desks.count()).toBeGreaterThan(0);
  for (const card of await desks.all()) await expect(card.getByRole('list', { name: 'Services' })).toContainText('Returns desk');
  await other.close();
});

test('my store follows the account: chosen signed in on a laptop, it is there on the phone after signing in', async ({ browser, baseURL }, testInfo) => {
  const { lyon } = e2eData();
  const email = `e2e-store-${testInfo.project.name}-${Date.now()}@example.com`;
  const password = 'long-enough-42';
  const lyonLink = (page: import('@playwright/test').Page) =>
    page.getByRole('banner').getByRole('link', { name: new RegExp(lyon.name.replace('Comptoir ', '')) });

  // The laptop: a new account, then a store chosen while signed in.
  const laptop = await browser.newContext({ baseURL, locale: 'en-GB' });
  const onLaptop = await laptop.newPage();
  await onLaptop.goto('/sign-up');
  await onLaptop.getByLabel('Name').fill('Alex Durand');
  await onLaptop.getByLabel('Email').fill(email);
  await onLaptop.getByLabel('Password', { exact: true }).fill(password);
  await onLaptop.getByRole('button', { name: 'Create my account' }).click();
  await expect(onLaptop).toHaveURL(/\/account/);
  await onLaptop.goto('/stores?near=69003');
  const first = onLaptop.getByRole('list', { name: 'Store list' }).getByRole('listitem').first();
  await expect(first).toContainText(lyon.name);
  await first.getByRole('button', { name: 'Make this my store' }).click();
  await expect(lyonLink(onLaptop)).toBeVisible();

  // The phone: never chose a store; signing in brings the account's.
  const phone = await browser.newContext({ baseURL, locale: 'en-GB' });
  const onPhone = await phone.newPage();
  await onPhone.goto('/');
  await expect(onPhone.getByRole('banner').getByRole('link', { name: /choose my store/i })).toBeVisible();
  await signIn(onPhone, email, password);
  await expect(lyonLink(onPhone)).toBeVisible();
  expect((await phone.cookies()).find((c) => c.name === 'my_store')?.value).toBe(String(lyon.id));

  // Signed out, the phone keeps its store (a cookie, as for anyone signed out).
  await onPhone.goto('/account');
  await onPhone.getByRole('button', { name: 'Sign out', exact: true }).click();
  await expect(onPhone.getByRole('banner').getByRole('link', { name: 'Sign in' })).toBeVisible();
  await onPhone.goto('/');
  await expect(lyonLink(onPhone)).toBeVisible();
  await laptop.close();
  await phone.close();
});
