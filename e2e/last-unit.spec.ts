import { expect, test, type Browser, type Page, type TestInfo } from '@playwright/test';
import { e2eData, forProjectAttempt } from './support/data';
import { signInAs } from './support/fixtures';

/*
 * The journey end to end: shopper A reserves the last unit while shopper B already has the
 * product page open; B's page says "Out of stock" without a reload; the desk prepares and hands it
 * over; B can neither see nor act on A's reservation.
 */

async function newShopper(browser: Browser, baseURL: string, storeId: number, testInfo: TestInfo, name: string): Promise<Page> {
  const context = await browser.newContext({ ...testInfo.project.use, locale: 'en-GB' });
  await context.addCookies([{ name: 'my_store', value: String(storeId), url: baseURL }]);
  const page = await context.newPage();
  await page.goto('/sign-up');
  await page.getByLabel('Name').fill(name);
  await page.getByLabel('Email').fill(`last-${testInfo.project.name}-${Date.now()}-${Math.random().toString(36).slice(2, 7)}@example.com`);
  await page.getByLabel('Password', { exact: true }).fill('last-unit-journey-7');
  await page.getByRole('button', { name: 'Create my account' }).click();
  await expect(page).toHaveURL(/\/account$/);
  return page;
}

test('A reserves the last unit: B’s open page shows "Out of stock" live; the desk hands it over; B gets 404', async ({ browser, baseURL }, testInfo) => {
  test.setTimeout(120_000);
  const { lyon, lastUnitSkus } = e2eData();
  const sku = forProjectAttempt(lastUnitSkus, testInfo); // its last unit still on the shelf on a retry
  const productUrl = `/p/${sku.productSlug}?sku=${sku.skuId}`;

  const a = await newShopper(browser, baseURL!, lyon.id, testInfo, 'Shopper A');
  const b = await newShopper(browser, baseURL!, lyon.id, testInfo, 'Shopper B');
  await b.goto(productUrl);
  const bMyStore = b.getByTestId('my-store-availability');
  await expect(bMyStore).toContainText('Only 1 left');
  await expect(b.getByTestId('availability')).toHaveAttribute('data-live-status', 'live'); // the stream is open

  await a.goto(productUrl);
  const panel = a.getByTestId('reserve-in-store');
  await expect(panel.getByLabel('Shop')).toHaveValue(String(lyon.id));
  await panel.getByRole('button', { name: 'Reserve', exact: true }).click();
  await expect(a).toHaveURL(/\/account\/reservations\/\d+$/);
  const reservationUrl = new URL(a.url()).pathname;
  const code = (await a.getByTestId('pickup-code').textContent())?.trim() ?? '';

  // Committed before A was redirected: B's figure must follow within a second, without a reload.
  await expect(bMyStore).toContainText('Out of stock', { timeout: 1_000 });

  // B cannot open A's reservation, by URL or anything else: the same 404 as for no reservation.
  const response = await b.goto(reservationUrl);
  expect(response?.status()).toBe(404);
  await expect(b.getByText(code)).toHaveCount(0);
  await b.goto('/account/reservations');
  await expect(b.getByTestId('reservation-card')).toHaveCount(0);

  // The desk prepares it and hands it over.
  const staffContext = await browser.newContext({ locale: 'en-GB' });
  const staff = await staffContext.newPage();
  await signInAs(staff, 'staff');
  await staff.goto(`/staff/stores/${lyon.id}/pickup`);
  const field = staff.getByLabel('Pickup code');
  await field.fill(code);
  await field.press('Enter');
  const opened = staff.getByTestId('opened-reservation');
  await opened.getByRole('button', { name: 'Mark ready' }).click();
  await expect(opened.getByTestId('reservation-status')).toHaveText('Ready');
  await opened.getByRole('button', { name: 'Hand over' }).click();
  await opened.getByRole('button', { name: 'Payment taken, hand over' }).click();
  await expect(opened.getByTestId('reservation-status')).toHaveText('Collected');

  await a.reload();
  await expect(a.getByTestId('reservation-status')).toHaveText('Collected');
  // Handed over: the shelf is empty for real now (on hand 0, nothing held), and B reads it so.
  await b.goto(productUrl);
  await expect(bMyStore).toContainText('Out of stock');

  await Promise.all([a.context().close(), b.context().close(), staffContext.close()]);
});
