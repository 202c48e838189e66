import { randomUUID } from 'node:crypto';
import { expect, test } from '@playwright/test';
import sharp from 'sharp';
import { signInAs } from './support/fixtures';

/*
 * The back office (/admin): the catalogue team changes a price and the product page shows it at
 * once in both languages (its cached pages are expired by the database's announcement); uploads a
 * picture and the product page shows it; shop staff never reach it. Desktop only (a desk screen).
 */

const PRICE = /data-testid="price"[^>]*>([^<]*)</;

/** The product page's price as a server answers it, in one language, until it shows `expected` (5 s at most). */
async function priceShown(baseURL: string, path: string, language: string, expected: string): Promise<string | null> {
  let price: string | null = null;
  for (const deadline = Date.now() + 5_000; Date.now() < deadline;) {
    const html = await (await fetch(`${baseURL}${path}`, { headers: { 'accept-language': language } })).text();
    price = PRICE.exec(html)?.[1]?.replace(/\u202f|\u00a0/g, ' ') ?? null;
    if (price === expected) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  return price;
}

/** A price as the product page shows it, in one language (its narrow spaces as plain ones, as priceShown reads them). */
const shown = (cents: number, language: 'en-GB' | 'fr-FR') =>
  new Intl.NumberFormat(language, { style: 'currency', currency: 'EUR' }).format(cents / 100).replace(/\u202f|\u00a0/g, ' ');
/** A price as the back office's price field holds it (English: a decimal point). */
const field = (cents: number) => (cents / 100).toFixed(2);

test('catalogue staff change a price: the product page shows it in French and English at once', async ({ page, baseURL }) => {
  await signInAs(page, 'catalogue');
  await expect(page).toHaveURL(/\/en\/admin$/);
  await page.getByRole('link', { name: 'Products', exact: true }).first().click();
  await page.getByLabel('Name, brand or EAN').fill('Batteur');
  await page.getByRole('button', { name: 'Search' }).click();
  await page.getByTestId('admin-product-row').filter({ hasText: 'Electric kettle Batteur' }).click();
  const shopPath = await page.getByRole('link', { name: 'View the product page' }).getAttribute('href');
  const slug = shopPath!.replace(/^\/en\/p\//, '');
  const row = page.getByTestId('admin-sku-form').first();
  // From the price it has now (seeded €45.99; a retry finds what its first attempt saved), to two
  // prices it has not.
  const start = await row.getByRole('textbox', { name: /^Price \(€\)/ }).inputValue();
  expect(start).toMatch(/^\d+\.\d{2}$/);
  const startCents = Math.round(Number(start) * 100);
  const [changed, later] = [3990, 4100, 3750].filter((cents) => cents !== startCents) as [number, number];
  // Both pages are made and kept first, so what follows is the cache being expired, not a first render.
  expect(await priceShown(baseURL!, `/en/p/${slug}`, 'en-GB', shown(startCents, 'en-GB'))).toBe(shown(startCents, 'en-GB'));
  expect(await priceShown(baseURL!, `/p/${slug}`, 'fr-FR', shown(startCents, 'fr-FR'))).toBe(shown(startCents, 'fr-FR'));

  const skuPage = `/en/p/${slug}?sku=${await row.getAttribute('data-sku')}`;
  expect(await priceShown(baseURL!, skuPage, 'en-GB', shown(startCents, 'en-GB'))).toBe(shown(startCents, 'en-GB'));
  await row.getByRole('textbox', { name: /^Price \(€\)/ }).fill(field(changed));
  await row.getByRole('button', { name: /^Save/ }).click();
  await expect(row.getByTestId('admin-sku-message')).toHaveText('Saved.');

  expect(await priceShown(baseURL!, `/en/p/${slug}`, 'en-GB', shown(changed, 'en-GB'))).toBe(shown(changed, 'en-GB'));
  expect(await priceShown(baseURL!, `/p/${slug}`, 'fr-FR', shown(changed, 'fr-FR'))).toBe(shown(changed, 'fr-FR'));
  expect(await priceShown(baseURL!, skuPage, 'en-GB', shown(changed, 'en-GB'))).toBe(shown(changed, 'en-GB'));

  // A second tab still showing the old price cannot overwrite it silently.
  const stale = await page.context().newPage();
  await stale.goto(page.url());
  await row.getByRole('textbox', { name: /^Price \(€\)/ }).fill(field(later));
  await row.getByRole('button', { name: /^Save/ }).click();
  await expect(row.getByTestId('admin-sku-message')).toHaveText('Saved.');
  const staleRow = stale.getByTestId('admin-sku-form').first();
  await staleRow.getByRole('textbox', { name: /^Price \(€\)/ }).fill('29.90');
  await staleRow.getByRole('button', { name: /^Save/ }).click();
  await expect(staleRow.getByTestId('admin-sku-message')).toContainText('Someone changed this since you opened it');
  await expect(staleRow.getByRole('textbox', { name: /^Price \(€\)/ })).toHaveValue(field(later));
  expect(await priceShown(baseURL!, `/en/p/${slug}`, 'en-GB', shown(later, 'en-GB'))).toBe(shown(later, 'en-GB'));

  // The audit log says who changed what.
  await page.getByRole('link', { name: 'Audit log', exact: true }).first().click();
  const latest = page.getByTestId('audit-line').first();
  await expect(latest).toContainText('Claire Dubois');
  // Staff read the field's name and the price in euros, not the record's key and its cents.
  const price = latest.getByTestId('audit-field').filter({ hasText: 'Price' });
  await expect(price).toContainText(shown(changed, 'en-GB'));
  await expect(price).toContainText(shown(later, 'en-GB'));
  await expect(latest).not.toContainText('priceCents');
  await expect(latest).not.toContainText(String(later));
});

test('catalogue staff upload a picture: the product page shows it', async ({ page, baseURL }) => {
  await signInAs(page, 'catalogue');
  await page.goto('/en/admin/products?q=Lumio');
  await page.getByTestId('admin-product-row').filter({ hasText: 'Electric kettle Lumio' }).click();
  const shopPath = await page.getByRole('link', { name: 'View the product page' }).getAttribute('href');
  const before = await page.getByTestId('admin-pictures').getByRole('listitem').count();
  // A picture of its own per attempt: a retry uploading the same bytes would add nothing (a
  // picture is stored once by its content), and the count below would not move. A random colour
  // is not enough (nearby reds make the same JPEG): the file carries a unique description.
  const photo = await sharp({ create: { width: 900, height: 700, channels: 3, background: { r: 0xc0, g: 0x39, b: 0x2b } } })
    .jpeg()
    .withExif({ IFD0: { ImageDescription: `e2e ${randomUUID()}` } })
    .toBuffer();
  await page.getByLabel('Add a picture').setInputFiles({ name: 'kettle.jpg', mimeType: 'image/jpeg', buffer: photo });
  await page.getByRole('button', { name: 'Upload' }).click();
  await expect(page.getByTestId('admin-picture-message')).toHaveText('Picture added.');
  await expect(page.getByTestId('admin-pictures').getByRole('listitem')).toHaveCount(before + 1);
  // The new picture's folder (/media/p/<its hash>/): the one to find on the shop's page.
  const added = await page.getByTestId('admin-pictures').getByRole('listitem').last().locator('img').getAttribute('src');
  const folder = /^\/media\/p\/[0-9a-f]+\//.exec(added ?? '')?.[0];
  expect(folder, `the new picture's address: ${added}`).toBeTruthy();
  // A file that is not a picture is refused, saying so.
  await page.getByLabel('Add a picture').setInputFiles({ name: 'notes.png', mimeType: 'image/png', buffer: Buffer.from('not a picture') });
  await page.getByRole('button', { name: 'Upload' }).click();
  await expect(page.getByText('This file is not a JPEG, PNG or WebP image.')).toBeVisible();

  const shop = await page.context().browser()!.newContext({ locale: 'en-GB' });
  const shopper = await shop.newPage();
  // Until the document has the picture (not the whole load: on a slow machine the page's other
  // pictures can hold the load event past the budget); the bench times how soon a change shows.
  await expect(async () => {
    await shopper.goto(shopPath!, { waitUntil: 'domcontentloaded' });
    await expect(shopper.locator(`img[src^="${folder}"]`)).toHaveCount(1, { timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
  const src = await shopper.locator(`img[src^="${folder}"]`).getAttribute('src');
  expect(await shopper.locator(`img[src^="${folder}"]`).getAttribute('srcset')).toContain('1280w');
  const res = await fetch(`${baseURL}${src}`);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toBe('image/webp');
  expect(res.headers.get('cache-control')).toContain('immutable');
  await shop.close();
});

test('catalogue staff and admins find the back office in the shop header', async ({ browser }) => {
  for (const who of ['catalogue', 'admin'] as const) {
    const context = await browser.newContext({ locale: 'en-GB' });
    const page = await context.newPage();
    await signInAs(page, who);
    await page.goto('/en');
    await page.getByRole('banner').getByRole('link', { name: 'Back office', exact: true }).click();
    await expect(page, who).toHaveURL(/\/en\/admin$/);
    await context.close();
  }
});

test('a page link of the delivery log, the audit log or the import history that cannot be read gives the newest page', async ({ page }) => {
  await signInAs(page, 'admin');
  for (const [path, heading] of [
    ['/en/admin/webhooks', 'Delivery log'],
    ['/en/admin/audit', 'Audit log'],
    ['/en/admin/imports', 'History'],
  ] as const) {
    for (const before of ['abc', '-1', '1e3', '99999999999999999999', '']) {
      const response = await page.goto(`${path}?before=${encodeURIComponent(before)}`);
      expect(response?.status(), `${path}?before=${before}`).toBe(200);
      await expect(page.getByRole('heading', { name: heading, exact: true })).toBeVisible();
    }
  }
});

test('shop staff and shoppers cannot reach the back office', async ({ browser }) => {
  for (const who of ['staff', 'shopper'] as const) {
    const context = await browser.newContext({ locale: 'en-GB' });
    const page = await context.newPage();
    await signInAs(page, who);
    // No way in from the shop header either.
    await page.goto('/en');
    await expect(page.getByRole('banner').getByRole('link', { name: /^Account: / })).toBeVisible();
    await expect(page.getByRole('banner').getByRole('link', { name: 'Back office', exact: true })).toHaveCount(0);
    for (const path of ['/en/admin', '/en/admin/products', '/en/admin/audit']) {
      await page.goto(path);
      await expect(page, `${who} at ${path}`).toHaveURL(/\/en$/);
    }
    await context.close();
  }
});
