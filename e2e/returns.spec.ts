import { expect, test } from '@playwright/test';
import { e2eData, forAttempt } from './support/data';
import { signIn, signInAs } from './support/fixtures';

/*
 * Issue 6's journey on a phone: a loyalty member buys online (home delivery, the test card), the
 * web warehouse ships and delivers it (an admin, second browser), the shopper books a return at
 * the nearby shop with a returns desk and gets the pass; that shop's desk (a third browser, its own
 * staff member) checks it in as resellable; the product page the shopper left open shows the
 * shop's stock go up by one without a reload; the order shows the card refund and the points taken
 * back. The shop, SKU and accounts are the journey's own (e2e/support/returns-data.ts); a SKU and
 * a shopper per attempt, as the first attempt leaves its own restocked and its shopper with an order.
 */
test('book a return at a nearby shop, the desk checks it in: stock up live, refund and points reversed', async ({ browser, baseURL }, testInfo) => {
  test.setTimeout(150_000); // three browsers, a checkout, the delivery desk and the returns desk on a busy two-core runner
  const { returns } = e2eData();
  const { store } = returns;
  const { sku, shopper: buyer } = forAttempt(returns.attempts, testInfo);

  const shopperContext = await browser.newContext({ ...testInfo.project.use, locale: 'en-GB' });
  await shopperContext.addCookies([{ name: 'my_store', value: String(store.id), url: baseURL! }]);
  const shopper = await shopperContext.newPage();
  await signIn(shopper, buyer.email, buyer.password);

  // The product page stays open in another tab: my shop's shelf is empty, the web has it.
  const watcher = await shopperContext.newPage();
  await watcher.goto(`/p/${sku.productSlug}?sku=${sku.skuId}`);
  const myStore = watcher.getByTestId('my-store-availability');
  await expect(myStore).toContainText('Out of stock');
  await expect(watcher.getByTestId('availability')).toHaveAttribute('data-live-status', 'live');
  await watcher.getByTestId('add-to-cart').getByRole('button', { name: 'Add to cart' }).click();
  await expect(watcher.getByRole('banner').getByTestId('cart-count')).toHaveText('1');

  await shopper.goto('/checkout');
  await shopper.getByLabel('Full name').fill('Rose Retour');
  await shopper.getByLabel('Address').fill('12 rue de la République');
  await shopper.getByLabel('Postcode').fill('69002');
  await shopper.getByLabel('Town').fill('Lyon');
  await shopper.getByLabel('Card number').fill('4242 4242 4242 4242');
  await shopper.getByLabel('Expiry date').fill('12/34');
  await shopper.getByLabel('Security code (CVC)').fill('123');
  await shopper.getByLabel('Name on card').fill('Rose Retour');
  await shopper.getByTestId('place-order').click();
  await expect(shopper).toHaveURL(/\/account\/orders\/CMD-[A-Z2-9]{8}$/);
  const orderNumber = new URL(shopper.url()).pathname.split('/').pop()!;
  await expect(shopper.getByTestId('order-return-cta')).toHaveCount(0); // not delivered yet

  // The web warehouse ships it and it is delivered.
  const adminContext = await browser.newContext({ locale: 'en-GB', viewport: { width: 1280, height: 800 } });
  const admin = await adminContext.newPage();
  await signInAs(admin, 'admin');
  await admin.goto('/staff/deliveries');
  const toShip = admin.getByTestId('section-to-ship').getByTestId(`order-${orderNumber}`);
  await toShip.getByRole('button', { name: 'Shipped' }).click();
  await toShip.getByRole('button', { name: 'Yes, shipped' }).click();
  await admin.getByTestId('section-shipped').getByTestId(`order-${orderNumber}`).getByRole('button', { name: 'Delivered' }).click();
  await expect(admin.getByTestId('section-done-today').getByTestId(`order-${orderNumber}`).getByTestId('order-status')).toHaveText('Delivered');
  await adminContext.close();

  await shopper.reload();
  await expect(shopper.getByTestId('order-points-earned')).toBeVisible();
  await shopper.getByTestId('order-return-cta').getByRole('link', { name: 'Return items' }).click();
  await expect(shopper).toHaveURL(new RegExp(`/account/orders/${orderNumber}/return$`));
  const form = shopper.getByTestId('return-booking-form');

  // Nothing chosen: refused on the form, nothing booked.
  await form.getByRole('button', { name: 'Book the return' }).click();
  await expect(form.getByTestId('form-message')).toHaveText('Choose at least one item to return.');

  await form.getByLabel('Quantity to return').selectOption('1');
  await form.getByLabel('Reason').selectOption('wrong_size');
  // My store has a returns desk: nearest first, and chosen.
  const desks = form.getByTestId('desk-list');
  await expect(desks.getByRole('radio').first()).toBeChecked();
  await expect(desks.getByRole('listitem').first()).toContainText(store.name);
  const picker = form.getByTestId('drop-off-picker');
  await picker.locator('label:has(input:not([disabled]))').first().click();
  await form.getByRole('button', { name: 'Book the return' }).click();

  await expect(shopper).toHaveURL(/\/account\/returns\/R-[A-HJ-NP-Z2-9]{6}$/);
  const code = (await shopper.getByTestId('pickup-code').textContent())?.trim() ?? '';
  expect(code).toMatch(/^R-[A-HJ-NP-Z2-9]{6}$/);
  await expect(shopper.getByTestId('pickup-qr').locator('svg')).toBeVisible();
  await expect(shopper.getByTestId('return-status').first()).toHaveText('Return booked');

  // The shop's returns desk, on its own computer, with its own staff member.
  const staffContext = await browser.newContext({ locale: 'en-GB', viewport: { width: 1280, height: 800 } });
  const staff = await staffContext.newPage();
  await signIn(staff, returns.staff.email, returns.staff.password);
  // Someone else's order is not there to return: the same 404 as no order.
  expect((await staff.goto(`/account/orders/${orderNumber}/return`))?.status()).toBe(404);
  await staff.goto('/staff/returns');
  await expect(staff).toHaveURL(new RegExp(`/staff/stores/${store.id}/returns$`));
  const field = staff.getByLabel('Return pass');
  await field.fill(code);
  await field.press('Enter');
  const opened = staff.getByTestId('opened-return');
  await expect(opened).toContainText(sku.productName);
  await expect(opened.getByRole('radio', { name: 'Resellable' })).toBeChecked();
  await opened.getByRole('button', { name: 'Check in and refund' }).click();
  await expect(opened.getByTestId('return-status')).toHaveText('Refunded');
  await expect(opened.getByTestId('desk-restocked')).toHaveText('1 unit back in this shop’s stock');
  // The pass is used: it opens, but there is nothing left to check in.
  await expect(opened.getByRole('button', { name: 'Check in and refund' })).toHaveCount(0);

  // Committed before the desk answered: the open page follows without a reload.
  await expect(myStore).toContainText('Only 1 left');

  await shopper.goto(`/account/orders/${orderNumber}`);
  const ret = shopper.getByTestId('order-return');
  await expect(ret.getByTestId('return-status')).toHaveText('Refunded');
  await expect(ret.getByTestId('return-refund')).toContainText('Refund:');
  await expect(ret.getByTestId('return-points')).toContainText(/\d+ points taken back/);
  await shopper.goto('/account/activity');
  await expect(shopper.locator('[data-testid="activity-item"][data-kind="return"]').first().getByTestId('return-status')).toHaveText('Refunded');

  await Promise.all([shopperContext.close(), staffContext.close()]);
});
