import { expect, test } from '@playwright/test';
import { e2eData, forProjectAttempt } from './support/data';
import { signInAs } from './support/fixtures';

test('a shopper watching a product sees a delivery recorded by staff arrive without reloading', async ({ browser, baseURL }, testInfo) => {
  test.setTimeout(90_000); // two browser contexts and a staff sign-in, on a machine shared with the server
  const { lyon, liveSkus } = e2eData();
  const sku = forProjectAttempt(liveSkus, testInfo); // still out of stock on a retry

  const shopperContext = await browser.newContext({ locale: 'en-GB' });
  await shopperContext.addCookies([{ name: 'my_store', value: String(lyon.id), url: baseURL! }]);
  const shopper = await shopperContext.newPage();
  await shopper.goto(`/p/${sku.productSlug}?sku=${sku.skuId}`);
  const myStore = shopper.getByTestId('my-store-availability');
  await expect(myStore).toContainText('Out of stock');
  // The stream is open (and the snapshot re-read after it): from here on, only an event can change the figure.
  await expect(shopper.getByTestId('availability')).toHaveAttribute('data-live-status', 'live');
  const asOfBefore = await myStore.locator('time').getAttribute('datetime');
  // A reload or a navigation would lose this.
  await shopper.evaluate(() => ((window as unknown as { __stillHere: boolean }).__stillHere = true));

  const staffContext = await browser.newContext({ locale: 'en-GB' });
  const staff = await staffContext.newPage();
  await signInAs(staff, 'staff');
  await staff.goto(`/staff/stores/${lyon.id}`);
  await staff.getByLabel('Barcode or product name').fill(sku.ean);
  await staff.getByLabel('Barcode or product name').press('Enter');
  const row = staff.getByTestId(`stock-row-${sku.skuId}`);
  await expect(row).toContainText(sku.ean);
  await row.getByLabel('Delivery received (quantity)').fill('3');
  await row.getByRole('button', { name: 'Record delivery' }).click();
  await expect(row.getByText(/Received 3 × .* now 3 on hand/)).toBeVisible();

  // Pushed, not re-read: a few seconds at most even on a loaded machine (polling would take 10 s).
  await expect(myStore).toContainText('Only 3 left', { timeout: 5_000 });
  await expect(myStore.locator('[data-stock-level]')).toHaveAttribute('data-stock-level', 'low');
  await expect(myStore.locator('time')).not.toHaveAttribute('datetime', asOfBefore ?? '');
  await expect(shopper.getByTestId('availability-updated')).toContainText('Availability updated at');
  expect(await shopper.evaluate(() => (window as unknown as { __stillHere?: boolean }).__stillHere)).toBe(true);

  await shopperContext.close();
  await staffContext.close();
});

test('the snapshot endpoint refuses bad input with a clear message', async ({ request }) => {
  for (const query of ['', 'sku=abc&stores=1', 'sku=1&stores=-2', `sku=1&stores=${Array.from({ length: 21 }, (_, i) => i + 1).join(',')}`]) {
    for (const path of ['/api/availability', '/api/availability/stream']) {
      const res = await request.get(`${path}?${query}`);
      expect(res.status(), `${path}?${query}`).toBe(400);
      expect((await res.json()).error).toEqual(expect.any(String));
    }
  }
});

test('without EventSource the figures are polled instead', async ({ browser, baseURL }) => {
  const { lyon, browseProductSlug } = e2eData();
  const context = await browser.newContext({ locale: 'en-GB' });
  await context.addCookies([{ name: 'my_store', value: String(lyon.id), url: baseURL! }]);
  await context.addInitScript(() => Reflect.deleteProperty(window, 'EventSource'));
  const page = await context.newPage();
  await page.goto(`/p/${browseProductSlug}`);
  await expect(page.getByTestId('availability')).toHaveAttribute('data-live-status', 'polling');
  const poll = await page.waitForResponse((r) => new URL(r.url()).pathname === '/api/availability', { timeout: 15_000 });
  expect(poll.status()).toBe(200);
  expect((await poll.json()).items).toContainEqual(expect.objectContaining({ storeId: lyon.id }));
  await context.close();
});
