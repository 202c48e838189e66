import { expect, test } from '@playwright/test';
import { e2eData, forProjectAttempt } from './support/data';
import { signInAs } from './support/fixtures';

test('staff records a delivery; the shopper sees the new figure after a reload', async ({ browser, baseURL }, testInfo) => {
  const { lyon, deliverySkus } = e2eData();
  const sku = forProjectAttempt(deliverySkus, testInfo); // still out of stock on a retry

  const shopperContext = await browser.newContext({ locale: 'en-GB' });
  await shopperContext.addCookies([{ name: 'my_store', value: String(lyon.id), url: baseURL! }]);
  const shopper = await shopperContext.newPage();
  await shopper.goto(`/p/${sku.productSlug}?sku=${sku.skuId}`);
  await expect(shopper.getByTestId('my-store-availability')).toContainText('Out of stock');

  const staffContext = await browser.newContext({ locale: 'en-GB' });
  const staff = await staffContext.newPage();
  await signInAs(staff, 'staff');
  await staff.goto('/staff');
  await staff.getByRole('link', { name: new RegExp(lyon.name) }).click();
  await staff.getByLabel('Barcode or product name').fill(sku.ean);
  await staff.getByLabel('Barcode or product name').press('Enter');
  const row = staff.getByTestId(`stock-row-${sku.skuId}`);
  await expect(row).toContainText(sku.ean);
  await row.getByLabel('Delivery received (quantity)').fill('2');
  await row.getByRole('button', { name: 'Record delivery' }).click();
  await expect(row.getByText(/Received 2 × .* now 2 on hand/)).toBeVisible();

  await shopper.reload();
  await expect(shopper.getByTestId('my-store-availability')).toContainText('Only 2 left');
  await shopperContext.close();
  await staffContext.close();
});

test('a count below the reserved units is refused with the reason', async ({ page }) => {
  const { lyon, reservedSku } = e2eData();
  await signInAs(page, 'staff');
  await page.goto(`/staff/stores/${lyon.id}`);
  await page.getByLabel('Barcode or product name').fill(reservedSku.ean);
  await page.getByLabel('Barcode or product name').press('Enter');
  const row = page.getByTestId(`stock-row-${reservedSku.skuId}`);
  await row.getByLabel('Count (units on the shelf)').fill('0');
  // The field and button of every row name the row's item.
  const product = reservedSku.productName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  await row.getByRole('button', { name: new RegExp(`^Correct count: ${product}`) }).click();
  const units = reservedSku.reserved === 1 ? '1 unit is' : `${reservedSku.reserved} units are`;
  await expect(page.getByText(`${units} reserved for customers`)).toBeVisible();
});

test('staff of one store cannot open another store, and shoppers cannot open the console', async ({ page, browser }) => {
  const { paris } = e2eData();
  await signInAs(page, 'staff');
  const response = await page.goto(`/staff/stores/${paris.id}`);
  expect(response?.status()).toBe(404);
  await expect(page.getByText('On hand')).toHaveCount(0);

  // A separate browser context: no session cookie can linger from the staff member's requests.
  const shopperContext = await browser.newContext({ locale: 'en-GB' });
  const shopper = await shopperContext.newPage();
  await signInAs(shopper, 'shopper');
  await shopper.goto('/staff');
  await expect(shopper).not.toHaveURL(/\/staff/);
  await shopperContext.close();
});

test('the console asks for a sign-in first', async ({ page }) => {
  await page.goto('/staff');
  // An English browser: the console's English address, and back to it after signing in.
  await expect(page).toHaveURL(/\/en\/sign-in\?callbackUrl=%2Fen%2Fstaff/);
});
