import { expect, test } from '@playwright/test';
import sharp from 'sharp';
import { e2eData, forAttempt } from './support/data';
import { signInAs } from './support/fixtures';

/** A typo in the check digit: the same item reference, the last digit off by one. */
const typo = (ean: string) => ean.slice(0, 12) + String((Number(ean[12]) + 1) % 10);

const euros = (cents: number) => `€${(cents / 100).toFixed(2)}`;

test('an admin imports a price file with two bad rows, reads the refusals, fixes them, and the product page shows the new price', async ({
  page,
}, testInfo) => {
  // Products per attempt: a first attempt has already imported this price (and the next journey its picture).
  const { product, other } = forAttempt(e2eData().imports, testInfo);
  // A price neither SKU has: the journey sees its own change.
  const newPrice = product.priceCents === 1234 ? 1299 : 1234;

  await signInAs(page, 'admin');
  await page.goto(`/p/${product.productSlug}`);
  await expect(page.getByTestId('price').first()).toContainText(euros(product.priceCents));

  await page.goto('/admin/imports');
  await expect(page.getByRole('heading', { name: 'Imports', level: 1 })).toBeVisible();
  await page.getByLabel('Kind').selectOption('prices');
  const bad = ['ean,price', `${product.ean},douze`, `${typo(other.ean)},${(other.priceCents / 100).toFixed(2)}`].join('\n');
  await page.getByLabel(/^File/).setInputFiles({ name: 'prices.csv', mimeType: 'text/csv', buffer: Buffer.from(bad) });
  await page.getByRole('button', { name: 'Import' }).click();

  await expect(page.getByTestId('import-outcome')).toContainText('File refused, nothing was written: 2 refusals');
  const refusals = page.getByTestId('import-refusals').locator('tbody tr');
  await expect(refusals).toHaveCount(2);
  await expect(refusals.nth(0)).toContainText('2');
  await expect(refusals.nth(0)).toContainText('price');
  await expect(refusals.nth(0)).toContainText('Invalid price');
  await expect(refusals.nth(1)).toContainText('3');
  await expect(refusals.nth(1)).toContainText('ean');
  await expect(refusals.nth(1)).toContainText('Invalid EAN-13');
  await expect(page.getByTestId('import-history-item').first().getByTestId('import-status')).toHaveAttribute('data-status', 'refused');

  // Nothing was written: the page still shows the old price.
  const fixed = ['ean,price', `${product.ean},${(newPrice / 100).toFixed(2)}`, `${other.ean},${(other.priceCents / 100).toFixed(2)}`].join('\n');
  await page.getByLabel(/^File/).setInputFiles({ name: 'prices-fixed.csv', mimeType: 'text/csv', buffer: Buffer.from(fixed) });
  await page.getByRole('button', { name: 'Import' }).click();
  await expect(page.getByTestId('import-outcome')).toContainText('1 row changed of 2.');
  await expect(page.getByTestId('import-refusals')).toHaveCount(0);

  // The refused import keeps its refusals in the history.
  await page.getByTestId('import-history-item').nth(1).getByRole('link').click();
  await expect(page.getByTestId('import-refusals').locator('tbody tr')).toHaveCount(2);

  // The product page (served from the cache) shows the imported price: the import expired it.
  await expect(async () => {
    await page.goto(`/p/${product.productSlug}`);
    await expect(page.getByTestId('price').first()).toContainText(euros(newPrice), { timeout: 1_000 });
  }).toPass({ timeout: 15_000 });

  // The audit log has the change, before → after, with the import that made it.
  await page.goto('/admin/audit');
  // This import's line, by the price it set: other imports (the pictures journey's) may log after it.
  const line = page
    .getByTestId('audit-line')
    .filter({ hasText: 'changed by an import' })
    .filter({ hasText: euros(newPrice) })
    .first();
  await expect(line).toContainText(euros(product.priceCents));
  await expect(line).toContainText(euros(newPrice));
  await line.getByRole('link', { name: /^import #\d+$/ }).click();
  await expect(page.getByText('prices-fixed.csv')).toBeVisible();
});

test('a pictures file comes with its picture: refused while the picture is missing, then the product page shows it', async ({ page }, testInfo) => {
  const { other } = forAttempt(e2eData().imports, testInfo);
  const photo = await sharp({ create: { width: 800, height: 800, channels: 3, background: '#2e86c1' } })
    .png()
    .toBuffer();
  await signInAs(page, 'admin');
  await page.goto('/admin/imports');
  await page.getByLabel('Kind').selectOption('pictures');
  const csv = Buffer.from(`product,position,url\n${other.productSlug},0,front.png\n`);
  await page.getByLabel(/^File/).setInputFiles({ name: 'pictures.csv', mimeType: 'text/csv', buffer: csv });
  await page.getByRole('button', { name: 'Import' }).click();
  await expect(page.getByTestId('import-refusals').locator('tbody tr')).toContainText('No picture sent with the file has this name');

  await page.getByLabel(/^Pictures sent with it/).setInputFiles({ name: 'front.png', mimeType: 'image/png', buffer: photo });
  await page.getByRole('button', { name: 'Import' }).click();
  await expect(page.getByTestId('import-outcome')).toContainText('1 row changed of 1.');
  await expect(async () => {
    await page.goto(`/p/${other.productSlug}`);
    await expect(page.locator('img[src^="/media/p/"]').first()).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
});

test('a shopper and staff cannot reach the imports page', async ({ page }) => {
  await signInAs(page, 'staff');
  await page.goto('/admin/imports');
  await expect(page).not.toHaveURL(/\/admin\/imports/);
  await expect(page.getByLabel('Kind')).toHaveCount(0);
});
