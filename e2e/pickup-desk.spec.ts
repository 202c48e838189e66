import { expect, test, type Page } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './support/axe';
import { e2eData, forProjectAttempt } from './support/data';
import { signInAs } from './support/fixtures';

const euros = (cents: number) => new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'EUR' }).format(cents / 100);

async function openByCode(page: Page, typed: string) {
  const field = page.getByLabel('Pickup code');
  await expect(field).toBeFocused(); // a USB scanner types straight into it
  await field.fill(typed);
  await field.press('Enter');
}

test('a shopper reserves; the desk finds it by code, marks it ready and hands it over; the shelf count goes down', async ({
  page,
  browser,
  context,
  baseURL,
}, testInfo) => {
  test.setTimeout(180_000); // two browsers and a dozen round trips: slow on a busy two-core machine
  const { lyon, pickupDesk } = e2eData();
  const { sku } = forProjectAttempt(pickupDesk, testInfo);
  const total = euros(2 * sku.priceCents);

  // The demo shopper reserves 2 units at Lyon Part-Dieu through the product page.
  const shopperContext = await browser.newContext({ locale: 'en-GB' });
  await shopperContext.addCookies([{ name: 'my_store', value: String(lyon.id), url: baseURL! }]);
  const shopper = await shopperContext.newPage();
  await signInAs(shopper, 'shopper');
  await shopper.goto(`/p/${sku.productSlug}?sku=${sku.skuId}`);
  const panel = shopper.getByTestId('reserve-in-store');
  await panel.getByLabel('Shop').selectOption(String(lyon.id));
  await panel.getByRole('button', { name: 'One more' }).click();
  await expect(panel.getByLabel('Quantity')).toHaveValue('2');
  await panel.getByRole('button', { name: 'Reserve', exact: true }).click();
  await expect(shopper).toHaveURL(/\/account\/reservations\/\d+$/);
  const code = (await shopper.getByTestId('pickup-code').textContent())?.trim() ?? '';
  expect(code).toMatch(/^[A-Z2-9]{6}$/);

  await signInAs(page, 'staff');
  await page.goto(`/staff/stores/${lyon.id}`);
  await page.getByRole('link', { name: 'Pickup desk' }).click();
  await expect(page.getByRole('heading', { name: 'To prepare' })).toBeVisible();
  await expect(page.getByTestId('desk-to-prepare').getByTestId(`reservation-${code}`)).toBeVisible();

  // As a customer reads it out: lower case, with a dash.
  await openByCode(page, `${code.slice(0, 3).toLowerCase()}-${code.slice(3).toLowerCase()}`);
  await expect(page).toHaveURL(new RegExp(`/staff/stores/${lyon.id}/pickup\\?code=${code.slice(0, 3).toLowerCase()}-`));
  const opened = page.getByTestId('opened-reservation');
  await expect(opened).toContainText(code);
  await expect(opened).toContainText('Camille Martin');
  await expect(opened.getByText(sku.ean)).toBeVisible();
  await expect(opened.getByText('× 2')).toBeVisible();
  await expect(opened.getByTestId('reservation-total')).toHaveText(total);
  await expect(opened.getByTestId('reservation-status')).toHaveText('To prepare');

  await opened.getByRole('button', { name: 'Mark ready' }).click();
  await expect(opened.getByTestId('pickup-message')).toContainText('Ready for pickup. The customer has until');
  await expect(opened.getByTestId('reservation-status')).toHaveText('Ready');
  await expect(page.getByTestId('desk-ready').getByTestId(`reservation-${code}`)).toBeVisible();
  await shopper.reload();
  await expect(shopper.getByTestId('reservation-status')).toHaveText('Ready for pickup');

  // A colleague's tab, opened before the hand-over: it will be out of date.
  const stale = await context.newPage();
  await stale.goto(`/staff/stores/${lyon.id}/pickup?code=${code}`);
  await expect(stale.getByTestId('opened-reservation').getByTestId('reservation-status')).toHaveText('Ready');

  await opened.getByRole('button', { name: 'Hand over' }).click();
  await expect(opened.getByText(`Take ${total} payment, then hand over.`)).toBeVisible();
  await opened.getByRole('button', { name: 'Payment taken, hand over' }).click();
  await expect(opened.getByTestId('pickup-message')).toContainText(`Handed over: ${total} taken`);
  await expect(opened.getByTestId('reservation-status')).toHaveText('Collected');
  await expect(opened.getByRole('button', { name: 'Hand over' })).toHaveCount(0);
  await expect(page.getByTestId('desk-done-today').getByTestId(`reservation-${code}`)).toBeVisible();
  await shopper.reload();
  await expect(shopper.getByTestId('reservation-status')).toHaveText('Collected');
  await shopperContext.close();

  // The stale tab tries the same hand-over: refused with the reason, and it catches up.
  const staleCard = stale.getByTestId('opened-reservation');
  await staleCard.getByRole('button', { name: 'Hand over' }).click();
  await staleCard.getByRole('button', { name: 'Payment taken, hand over' }).click();
  await expect(staleCard.getByTestId('pickup-message')).toHaveText('This reservation has already been collected.');
  await expect(staleCard.getByTestId('reservation-status')).toHaveText('Collected');
  await stale.close();

  // The units left the shelf: on hand went down by the 2 handed over, and none is held.
  await page.getByRole('link', { name: 'Stock' }).click();
  await page.getByLabel('Barcode or product name').fill(sku.ean);
  await page.getByLabel('Barcode or product name').press('Enter');
  const row = page.getByTestId(`stock-row-${sku.skuId}`);
  await expect(row.getByTestId('on-hand')).toHaveText(String(sku.onHand - 2));
  await expect(row.getByTestId('reserved')).toHaveText('0');
});

test('unknown codes and other stores’ codes read the same; cancelling asks first; a tampered store id is refused', async ({ page }, testInfo) => {
  test.setTimeout(180_000); // the accessibility scan of a full desk is slow on a busy machine
  const { lyon, villeurbanne, paris, pickupDesk } = e2eData();
  // A reservation of its own per attempt: the first attempt may have cancelled its own already.
  const reservation = forProjectAttempt(pickupDesk, testInfo).cancel;

  await signInAs(page, 'staff');
  await page.goto(`/staff/stores/${lyon.id}/pickup`);
  await openByCode(page, 'ZZZZ99');
  await expect(page.getByTestId('pickup-not-found')).toHaveText('No reservation with code ZZZZ99 at this store.');

  // Sam works at Villeurbanne too: a Lyon code there is simply unknown.
  await page.goto(`/staff/stores/${villeurbanne.id}/pickup`);
  await openByCode(page, reservation.code);
  await expect(page.getByTestId('pickup-not-found')).toHaveText(`No reservation with code ${reservation.code} at this store.`);

  await page.goto(`/staff/stores/${lyon.id}/pickup?code=${reservation.code}`);
  const opened = page.getByTestId('opened-reservation');
  await expect(opened.getByTestId('reservation-status')).toHaveText('To prepare');
  await expect(opened).toContainText(reservation.customerName);
  await expectNoSeriousA11yViolations(page);

  // A crafted request: the form posted for a store Sam does not work at, then for his other store.
  const storeField = opened.locator('form:has(button:text-is("Mark ready")) input[name="storeId"]');
  await storeField.evaluate((el, id) => ((el as HTMLInputElement).value = String(id)), paris.id);
  await opened.getByRole('button', { name: 'Mark ready' }).click();
  await expect(opened.getByTestId('pickup-message')).toHaveText('You do not work at this store.');
  await storeField.evaluate((el, id) => ((el as HTMLInputElement).value = String(id)), villeurbanne.id);
  await opened.getByRole('button', { name: 'Mark ready' }).click();
  await expect(opened.getByTestId('pickup-message')).toHaveText('This reservation does not exist at this store.');
  await page.reload();
  await expect(opened.getByTestId('reservation-status')).toHaveText('To prepare');

  await opened.getByRole('button', { name: 'Cancel reservation' }).click();
  await expect(opened.getByText(`Cancel reservation ${reservation.code}? The items go back on sale.`)).toBeVisible();
  await expect(opened.getByRole('button', { name: 'Back' })).toBeFocused();
  await opened.getByRole('button', { name: 'Back' }).click();
  await expect(opened.getByRole('button', { name: 'Mark ready' })).toBeVisible();
  await opened.getByRole('button', { name: 'Cancel reservation' }).click();
  await opened.getByRole('button', { name: 'Yes, cancel it' }).click();
  await expect(opened.getByTestId('pickup-message')).toHaveText('Reservation cancelled: the items are back on sale.');
  await expect(opened.getByTestId('reservation-status')).toHaveText('Cancelled');
});

test('with a camera and BarcodeDetector, a scanned QR code opens the reservation; without, no scan button', async ({ page }, testInfo) => {
  const { lyon, pickupDesk } = e2eData();
  const { code } = forProjectAttempt(pickupDesk, testInfo).cancel;
  await signInAs(page, 'staff');
  await page.goto(`/staff/stores/${lyon.id}/pickup`);
  await expect(page.getByLabel('Pickup code')).toBeFocused();
  const native = await page.evaluate(() => 'BarcodeDetector' in window);
  await expect(page.getByRole('button', { name: 'Scan QR code' })).toHaveCount(native ? 1 : 0);

  // A phone's camera and detector, stood in for: a canvas as the camera, a detector that reads
  // the customer's QR code (a link carrying the code) once the video plays.
  await page.addInitScript((qr) => {
    Object.defineProperty(window, 'BarcodeDetector', {
      configurable: true,
      value: class {
        constructor(readonly options: { formats: string[] }) {}
        async detect(video: HTMLVideoElement) {
          return video.readyState >= 2 && this.options.formats.includes('qr_code') ? [{ rawValue: qr }] : [];
        }
      },
    });
    navigator.mediaDevices.getUserMedia = async () => {
      const canvas = Object.assign(document.createElement('canvas'), { width: 320, height: 240 });
      canvas.getContext('2d')!.fillRect(0, 0, 320, 240);
      return canvas.captureStream(10);
    };
  }, `https://comptoir.example/account/reservations/1?code=${code}`);
  await page.reload();
  await page.getByRole('button', { name: 'Scan QR code' }).click();
  await expect(page).toHaveURL(new RegExp(`/pickup\\?code=${code}$`));
  await expect(page.getByTestId('opened-reservation')).toContainText(code);
});

test('another store’s desk is a 404', async ({ page }) => {
  const { paris } = e2eData();
  await signInAs(page, 'staff');
  const response = await page.goto(`/staff/stores/${paris.id}/pickup`);
  expect(response?.status()).toBe(404);
  await expect(page.getByLabel('Pickup code')).toHaveCount(0);
});
