import { expect, test } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './support/axe';
import { e2eData, forAttempt } from './support/data';
import { signIn, signInAs } from './support/fixtures';
import { loseNextAnswer } from './support/lose-answer';

const euros = (cents: number) => new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'EUR' }).format(cents / 100);

/** The stock page's figure for one SKU at one store, as staff read it. */
async function onHandAt(page: import('@playwright/test').Page, storeId: number, ean: string, skuId: number): Promise<number> {
  await page.goto(`/staff/stores/${storeId}?q=${ean}`);
  const figure = page.getByTestId(`stock-row-${skuId}`).getByTestId('on-hand');
  await expect(figure).toHaveText(/^\d+$/);
  return Number(await figure.textContent());
}

test('the till: the card is scanned, a barcode rung up, 100 points redeemed, the sale paid; the receipt prints and the shelf goes down', async ({
  page,
  browser,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const { store, sku, member } = e2eData().till;

  // A shopper has the product open with this shop as "my store": the sale reaches the page live.
  const watcherContext = await browser.newContext({ locale: 'en-GB' });
  await watcherContext.addCookies([{ name: 'my_store', value: String(store.id), url: baseURL! }]);
  const watcher = await watcherContext.newPage();
  await watcher.goto(`/p/${sku.productSlug}?sku=${sku.skuId}`);
  await expect(watcher.getByTestId('availability')).toHaveAttribute('data-live-status', 'live');
  const watched = watcher.getByTestId('my-store-availability');
  await expect(watched).toContainText(store.name);
  const asOfBefore = await watched.locator('time').getAttribute('datetime');
  expect(asOfBefore).toMatch(/^\d{4}-/);

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

  // The sale is recorded but its answer is lost: the ticket stays on screen, and a reload asks by its
  // key and shows the recorded sale's receipt (sold once: the shelf goes down by one, below).
  await loseNextAnswer(page, `**/staff/stores/${store.id}/till`, (body) => body.includes('redeemPoints'));
  await ticket.getByRole('button', { name: `Take payment ${total}` }).click();
  await ticket.getByLabel('Amount given').fill(((sku.priceCents - 500) / 100).toFixed(2));
  await expect(ticket.getByText('Change due: €0.00')).toBeVisible();
  await ticket.getByRole('button', { name: `Confirm payment of ${total}` }).click();
  await expect(page.getByTestId('till-error')).toHaveText(/connection dropped/);
  await expect(ticket.getByTestId('till-line')).toHaveCount(1);
  await page.reload();
  await expect(page).toHaveURL(/\/staff\/till\/receipts\/\d+$/);
  const receipt = page.getByTestId('receipt');
  await expect(receipt).toContainText(store.name);
  await expect(receipt.getByTestId('receipt-customer')).toContainText(member.name);
  await expect(receipt.getByTestId('receipt-line')).toContainText(sku.ean);
  await expect(receipt.getByTestId('receipt-discount')).toContainText(euros(500));
  await expect(receipt.getByTestId('receipt-total')).toHaveText(total);
  await expect(receipt).toContainText('Points redeemed: 100');
  await expect(page.getByRole('button', { name: 'Print' })).toBeVisible();

  // "New ticket": an empty ticket with no customer (the till screen kept for "back" is a new one,
  // never the last sale's lines, which "Take payment" would sell again).
  await page.getByTestId('till-new-ticket').click();
  await expect(page).toHaveURL(new RegExp(`/staff/stores/${store.id}/till$`));
  await expect(ticket.getByText('Scan an item to start the ticket.')).toBeVisible();
  await expect(ticket.getByTestId('till-line')).toHaveCount(0);
  await expect(page.getByTestId('till-customer-name')).toHaveCount(0);
  await expect(ticket.getByTestId('till-complete')).toBeDisabled();

  expect(await onHandAt(page, store.id, sku.ean, sku.skuId)).toBe(before - 1);
  // No reload on the shopper's side: the sale's stock change was pushed to the open page.
  await expect(watched.locator('time')).not.toHaveAttribute('datetime', asOfBefore!);
  await expect(watcher.getByTestId('availability-updated')).toContainText('Availability updated at');
  await watcherContext.close();
});

test('one account across channels: points earned on a web order are spent at the till, and the shopper’s timeline shows both', async ({
  page,
  browser,
}, testInfo) => {
  test.setTimeout(150_000);
  const { store, sku, webMembers, homeSku } = e2eData().till;
  // The first attempt leaves its member with points, a saved address and a store purchase: a member per attempt.
  const webMember = forAttempt(webMembers, testInfo);
  const { deliverySku } = e2eData().orders;

  // Online: the member (99 points, one short of a redemption) orders for home delivery.
  const shopperContext = await browser.newContext({ locale: 'en-GB', timezoneId: 'Europe/Paris' });
  const adminContext = await browser.newContext({ locale: 'en-GB', timezoneId: 'Europe/Paris' });
  try {
    const shopper = await shopperContext.newPage();
    await signIn(shopper, webMember.email, webMember.password);
    await shopper.goto(`/p/${deliverySku.productSlug}?sku=${deliverySku.skuId}`);
    await shopper.getByTestId('add-to-cart').getByRole('button', { name: 'Add to cart' }).click();
    await expect(shopper.getByRole('banner').getByTestId('cart-count')).toHaveText('1');
    await shopper.goto('/checkout');
    await shopper.getByLabel('Full name').fill(webMember.name);
    await shopper.getByLabel('Address').fill('3 quai Saint-Vincent');
    await shopper.getByLabel('Postcode').fill('69001');
    await shopper.getByLabel('Town').fill('Lyon');
    await shopper.getByLabel('Card number').fill('4242 4242 4242 4242');
    await shopper.getByLabel('Expiry date').fill('12/34');
    await shopper.getByLabel('Security code (CVC)').fill('123');
    await shopper.getByLabel('Name on card').fill(webMember.name);
    await shopper.getByTestId('place-order').click();
    await expect(shopper).toHaveURL(/\/account\/orders\/CMD-[A-Z2-9]{8}$/);
    const number = new URL(shopper.url()).pathname.split('/').pop()!;

    // Points come when the order is complete: the admin ships it and confirms it delivered.
    const admin = await adminContext.newPage();
    await signInAs(admin, 'admin');
    await admin.goto('/staff/deliveries');
    const toShip = admin.getByTestId('section-to-ship').getByTestId(`order-${number}`);
    await toShip.getByRole('button', { name: 'Shipped' }).click();
    await toShip.getByRole('button', { name: 'Yes, shipped' }).click();
    await expect(admin.getByTestId('delivery-message')).toHaveText(`${number} shipped.`);
    await admin.getByTestId('section-shipped').getByTestId(`order-${number}`).getByRole('button', { name: 'Delivered' }).click();
    await expect(admin.getByTestId('delivery-message')).toHaveText(`${number} delivered.`);

    await shopper.goto('/account/card');
    const balanceText = async () => Number((await shopper.getByTestId('card-balance').textContent())?.replace(/\D/g, ''));
    await expect.poll(balanceText).toBeGreaterThan(webMember.points);
    const afterWeb = await balanceText();
    const earnedOnline = afterWeb - webMember.points;
    expect((await shopper.getByTestId('card-number').textContent())?.replace(/\s/g, '')).toBe(webMember.cardNumber);

    // In the shop: the card is typed at the till (as shown on the phone), 100 points come off.
    await signInAs(page, 'staff');
    await page.goto(`/staff/stores/${store.id}/till`);
    const customerField = page.getByLabel('Loyalty card or email');
    await customerField.fill(webMember.cardNumber);
    await customerField.press('Enter');
    const customer = page.getByTestId('till-customer');
    await expect(customer.getByTestId('till-customer-name')).toHaveText(webMember.name);
    await expect(customer.getByTestId('till-customer-balance')).toContainText(String(afterWeb));
    const itemField = page.getByLabel('Item: barcode or name');
    await itemField.fill(sku.ean);
    await itemField.press('Enter');
    const ticket = page.getByTestId('till-ticket');
    await ticket.getByRole('button', { name: '100 points more' }).click();
    const total = euros(sku.priceCents - 500);
    await expect(ticket.getByTestId('till-total')).toHaveText(total);
    await ticket.getByRole('button', { name: `Take payment ${total}` }).click();
    await ticket.getByRole('radio', { name: 'Card', exact: true }).check();
    await ticket.getByLabel('Card number').fill('4242 4242 4242 4242');
    await ticket.getByLabel('Expiry date').fill('12/34');
    await ticket.getByLabel('Security code (CVC)').fill('123');
    await ticket.getByLabel('Name on card').fill(webMember.name);
    await ticket.getByRole('button', { name: `Confirm payment of ${total}` }).click();
    await expect(page).toHaveURL(/\/staff\/till\/receipts\/\d+$/);
    await expect(page.getByTestId('receipt-payments')).toContainText('Card •••• 4242');
    await expect(page.getByTestId('receipt')).toContainText('Points redeemed: 100');

    // Back on the phone: one timeline, both channels, every points movement.
    await shopper.goto('/account/activity');
    const items = shopper.getByTestId('activity-item');
    const sale = items.filter({ hasText: 'Store purchase' }).filter({ hasText: store.name });
    await expect(sale).toHaveCount(1);
    await expect(sale).toContainText(total);
    await expect(sale.getByTestId('activity-points')).toContainText(['+', '−100 pts']);
    const order = items.filter({ hasText: number });
    await expect(order.first().getByTestId('activity-points')).toHaveText(`+${earnedOnline} pts`);
    await expect(items.filter({ hasText: 'Points adjusted' })).toContainText(`+${webMember.points} pts`);
    // The purchase in the shop opens its receipt, as the till printed it; only for this shopper.
    await sale.getByRole('link', { name: 'Store purchase' }).click();
    await expect(shopper).toHaveURL(/\/account\/activity\/receipts\/\d+$/);
    const shopperReceipt = shopper.getByTestId('receipt');
    await expect(shopperReceipt).toContainText(store.name);
    await expect(shopperReceipt.getByTestId('receipt-total')).toHaveText(total);
    await expect(shopperReceipt.getByTestId('receipt-payments')).toContainText('Card •••• 4242');
    expect((await page.request.get(new URL(shopper.url()).pathname)).status()).toBe(404); // the staff member is not this shopper
    await shopper.goto('/account/card');
    const earnedInStore = Math.floor((sku.priceCents - 500) / 100);
    await expect(shopper.getByTestId('card-balance')).toContainText(String(afterWeb - 100 + earnedInStore));

    // An item this shop lacks: ordered at the till for home delivery, paid at the counter.
    await page.goto(`/staff/stores/${store.id}/till`);
    await customerField.fill(webMember.cardNumber);
    await customerField.press('Enter');
    await expect(customer.getByTestId('till-customer-name')).toHaveText(webMember.name);
    await itemField.fill(homeSku.ean);
    await itemField.press('Enter');
    await page.getByTestId('till-see-elsewhere').click();
    const elsewhere = page.getByTestId('till-elsewhere');
    await elsewhere.getByRole('button', { name: 'Deliver to their home' }).click();
    const form = elsewhere.getByTestId('till-home-delivery');
    await expect(form.getByLabel('Recipient’s name')).toHaveValue(webMember.name);
    await form.getByLabel('Address').fill('3 quai Saint-Vincent');
    await form.getByLabel('Postcode').fill('6900');
    await form.getByLabel('Town').fill('Lyon');
    await form.getByRole('button', { name: /^Payment of €[\d.]+ taken: place the order$/ }).click();
    await expect(page.getByTestId('till-elsewhere-message')).toHaveText('Fix the delivery address (fields marked).');
    await expect(form.getByLabel('Postcode')).toHaveAttribute('aria-invalid', 'true');
    await form.getByLabel('Postcode').fill('69001');
    // The wallet, as on a ticket: a gift card's code is checked before it pays a part.
    await form.getByLabel('Gift card code').fill('GC-AAAA-BBBB-CCCC-DDDD');
    await form.getByRole('button', { name: 'Check', exact: true }).click();
    await expect(form.getByTestId('till-home-gift-card-status')).toHaveText('No gift card has this code. Check the code on the back of the card.');
    if (process.env.SHOTS_DIR) await page.screenshot({ path: `${process.env.SHOTS_DIR}/till-home-delivery-wallet-desktop.png`, fullPage: true });
    await form.getByLabel('Gift card code').fill('');
    await form.getByRole('button', { name: /^Payment of €[\d.]+ taken: place the order$/ }).click();
    await expect(page.getByTestId('till-elsewhere-message')).toContainText(/^Order CMD-[A-Z2-9]{8} placed and paid/);
    const homeNumber = /CMD-[A-Z2-9]{8}/.exec((await page.getByTestId('till-elsewhere-message').textContent())!)![0];

    await shopper.goto(`/account/orders/${homeNumber}`);
    await expect(shopper.getByTestId('payment-status')).toHaveText(`Ordered and paid in store (${store.name})`);
    await expect(shopper.getByTestId('order-delivery')).toContainText('3 quai Saint-Vincent, 69001 Lyon');
    await expect(shopper.getByTestId('summary-lines')).toContainText(homeSku.productName);
    await expect(shopper.getByRole('button', { name: /Cancel/ })).toHaveCount(0);
  } finally {
    await shopperContext.close();
    await adminContext.close();
  }
});

test('a name typed at the till lists items whose buttons each name their item, counted in a real plural', async ({ page }) => {
  const { store, sku } = e2eData().till;
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  await signInAs(page, 'staff');
  await page.goto(`/staff/stores/${store.id}/till`);
  const itemField = page.getByLabel('Item: barcode or name');
  await itemField.fill(sku.productName);
  await itemField.press('Enter');
  const results = page.getByTestId('till-item-results');
  const rows = results.getByRole('listitem');
  await expect(rows.first()).toBeVisible();
  const n = await rows.count();
  await expect(page.getByRole('status').filter({ hasText: 'for “' })).toHaveText(`${n} ${n === 1 ? 'item' : 'items'} for “${sku.productName}”: pick one.`);

  // Not one "Add" per row: each button says which item (size and colour included) it puts on the ticket.
  await expect(results.getByRole('button', { name: 'Add', exact: true })).toHaveCount(0);
  const names: string[] = [];
  for (let i = 0; i < n; i++) {
    const row = rows.nth(i);
    const item = escape((await row.locator('p').first().textContent())!);
    const button = row.getByRole('button');
    await expect(button).toHaveAccessibleName(new RegExp(`^(Add ${item}( \\(.+\\))? to the ticket|See elsewhere: ${item}( \\(.+\\))?)$`));
    names.push((await button.getAttribute('aria-label'))!);
  }
  expect(new Set(names).size).toBe(n);

  const add = results.getByRole('button', { name: /^Add .+ to the ticket$/ }).first();
  const product = (await add.getAttribute('aria-label'))!.replace(/^Add (.+) to the ticket$/, '$1');
  await add.click();
  const ticket = page.getByTestId('till-ticket');
  await expect(ticket.getByTestId('till-line')).toHaveCount(1);
  await expect(ticket.getByRole('button', { name: `One more: ${product}`, exact: true })).toBeVisible();
  await expect(ticket.getByRole('button', { name: `Remove ${product}`, exact: true })).toBeVisible();
});
