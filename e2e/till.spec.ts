import { expect, test } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './support/axe';
import { e2eData } from './support/data';
import { signInAs } from './support/fixtures';

const euros = (cents: number) => new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'EUR' }).format(cents / 100);

/** The stock page's figure for one SKU at one store, as staff read it. */
async function onHandAt(page: import('@playwright/test').Page, storeId: number, ean: string, skuId: number): Promise<number> {
  await page.goto(`/staff/stores/${storeId}?q=${ean}`);
  const figure = page.getByTestId(`stock-row-${skuId}`).getByTestId('on-hand');
  await expect(figure).toHaveText(/^\d+$/);
  return Number(await figure.textContent());
}

test('the till: the card is scanned, a barcode rung up, 100 points redeemed, the sale paid; the receipt prints and the shelf goes down', async ({ page }) => {
  test.setTimeout(90_000);
  const { store, sku, member } = e2eData().till;

  // The camera, as a phone or tablet at the counter would have it: a stream, and a BarcodeDetector
  // that reads the customer's card (headless Chromium has neither camera nor detector).
  await page.addInitScript((cardNumber) => {
    const canvas = Object.assign(document.createElement('canvas'), { width: 64, height: 48 });
    const paint = () => canvas.getContext('2d')?.fillRect(0, 0, 64, 48);
    // A canvas stream has frames (and the video plays) only while something is drawn on it.
    const stream = () => {
      paint();
      window.setInterval(paint, 100);
      return canvas.captureStream(10);
    };
    Object.defineProperty(navigator, 'mediaDevices', { value: { getUserMedia: async () => stream() } });
    (window as unknown as { BarcodeDetector: unknown }).BarcodeDetector = class {
      constructor(readonly options: { formats: string[] }) {}
      async detect() {
        return this.options.formats.includes('ean_13') ? [{ rawValue: cardNumber }] : [];
      }
    };
  }, member.cardNumber);

  await signInAs(page, 'staff');
  const before = await onHandAt(page, store.id, sku.ean, sku.skuId);
  await page.getByRole('link', { name: 'Till', exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/staff/stores/${store.id}/till$`));

  // A mistyped card number is refused on the field, with the reason.
  const customerField = page.getByLabel('Loyalty card or email');
  const wrong = member.cardNumber.slice(0, 12) + String((Number(member.cardNumber[12]) + 1) % 10);
  await customerField.fill(wrong);
  await customerField.press('Enter');
  await expect(page.getByTestId('till-customer-error')).toHaveText(/mistyped/);

  // The camera reads the card.
  await page.getByTestId('till-scan-card').click();
  const customer = page.getByTestId('till-customer');
  await expect(customer.getByTestId('till-customer-name')).toHaveText(member.name);
  await expect(customer.getByTestId('till-customer-tier')).toHaveText('Member');
  const balance = Number((await customer.getByTestId('till-customer-balance').textContent())?.replace(/\D/g, ''));
  expect(balance).toBeGreaterThanOrEqual(100);

  // A USB scanner types the barcode and presses Enter: straight onto the ticket.
  const itemField = page.getByLabel('Item: barcode or name');
  await itemField.fill(sku.ean);
  await itemField.press('Enter');
  const ticket = page.getByTestId('till-ticket');
  await expect(ticket.getByTestId('till-line')).toHaveCount(1);
  await expect(ticket.getByTestId('till-total')).toHaveText(euros(sku.priceCents));
  await expect(itemField).toHaveValue('');

  await ticket.getByRole('button', { name: '100 points more' }).click();
  await expect(ticket.getByTestId('till-discount')).toContainText(euros(500));
  const total = euros(sku.priceCents - 500);
  await expect(ticket.getByTestId('till-total')).toHaveText(total);
  await expectNoSeriousA11yViolations(page);

  await ticket.getByRole('button', { name: `Take payment ${total}` }).click();
  await expect(page).toHaveURL(/\/staff\/till\/receipts\/\d+$/);
  const receipt = page.getByTestId('receipt');
  await expect(receipt).toContainText(store.name);
  await expect(receipt.getByTestId('receipt-customer')).toContainText(member.name);
  await expect(receipt.getByTestId('receipt-line')).toContainText(sku.ean);
  await expect(receipt.getByTestId('receipt-discount')).toContainText(euros(500));
  await expect(receipt.getByTestId('receipt-total')).toHaveText(total);
  await expect(receipt).toContainText('Points redeemed: 100');
  await expect(page.getByRole('button', { name: 'Print' })).toBeVisible();

  expect(await onHandAt(page, store.id, sku.ean, sku.skuId)).toBe(before - 1);
});
