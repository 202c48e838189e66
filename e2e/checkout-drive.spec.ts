import { expect, test, type Page, type TestInfo } from '@playwright/test';
import { e2eData } from './support/data';
import { signIn } from './support/fixtures';

/*
 * Drive, on a phone: cart → drive store → checkout → slot → order → "I'm here" → staff handover.
 * The store is the journey's own (e2e/support/orders-data.ts): cut-off 0 and a slot every quarter
 * hour, so the earliest slot starts within the hour and "I'm here" is open at once.
 */
test.describe.configure({ mode: 'serial' });
const only = (testInfo: TestInfo) => test.skip(testInfo.project.name !== 'phone', 'The drive journey is a phone journey');

const PASSWORD = 'drive-journey-shopper-42';
let orderPath = '';
let shopperEmail = '';

async function signUp(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  shopperEmail = `drive-${testInfo.project.name}-${Date.now()}-${Math.random().toString(36).slice(2, 7)}@example.com`;
  await page.goto('/sign-up');
  await page.getByLabel('Name').fill(name);
  await page.getByLabel('Email').fill(shopperEmail);
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Create my account' }).click();
  await expect(page).toHaveURL(/\/account$/);
}

test('a shopper orders for drive pickup on a phone, picks a slot and says "I\'m here"', async ({ page }, testInfo) => {
  only(testInfo);
  test.setTimeout(120_000);
  const { driveStore, driveSku } = e2eData().orders;
  await signUp(page, testInfo, 'Jeanne Drive');

  await page.goto(`/p/${driveSku.productSlug}?sku=${driveSku.skuId}`);
  await page.getByTestId('add-to-cart').getByRole('button', { name: 'Add to cart' }).click();
  await expect(page.getByRole('banner').getByTestId('cart-count')).toHaveText('1');

  await page.goto('/cart');
  await page.getByLabel('Drive pickup').check();
  await expect(page.getByTestId('checkout-blocked')).toBeVisible(); // drive, and no store yet
  await page.getByLabel('Drive store').selectOption(String(driveStore.id));
  await expect(page.getByTestId('checkout-blocked')).toHaveCount(0);
  await expect(page.getByLabel('Drive store')).toHaveValue(String(driveStore.id));
  await page.getByTestId('checkout-link').click();

  await expect(page).toHaveURL(/\/checkout$/);
  await expect(page.getByTestId('checkout-store')).toContainText(driveStore.name);
  await expect(page.getByTestId('summary-lines')).toContainText(driveSku.productName);
  // Placing without a slot says so, on the slot.
  await page.getByRole('button', { name: 'Place order' }).click();
  await expect(page.getByTestId('slot-error')).toHaveText('Choose a pickup slot.');

  const slot = page.locator('[data-testid="drive-slot"][data-state="open"]').first();
  const slotLabel = (await slot.locator('span').first().textContent())?.trim() ?? '';
  await slot.click();
  await expect(slot).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('slot-held')).toContainText(/Slot kept for you until \d{2}:\d{2}/);
  await page.getByRole('button', { name: 'Place order' }).click();

  await expect(page).toHaveURL(/\/account\/orders\/CMD-[A-Z2-9]{8}$/);
  orderPath = new URL(page.url()).pathname;
  await expect(page.getByTestId('order-status')).toHaveText('Ordered');
  await expect(page.getByTestId('payment-status')).toHaveText('To pay at pickup');
  await expect(page.getByTestId('order-pickup')).toContainText(driveStore.name);
  await expect(page.getByTestId('order-slot')).toContainText(slotLabel.split(' – ')[0]!);
  await expect(page.getByTestId('order-changeable')).toContainText('You can change or cancel it until');
  await expect(page.getByRole('button', { name: 'Cancel order' })).toBeVisible();
  await expect(page.getByRole('banner').getByTestId('cart-count')).toHaveCount(0); // the cart became the order

  const arrival = page.getByTestId('order-arrival');
  await arrival.getByLabel('Bay number (optional)').fill('7');
  await arrival.getByRole('button', { name: 'I’m here' }).click();
  await expect(page.getByTestId('arrival-sent')).toContainText(/Arrival sent at \d{2}:\d{2}\. The team is on its way\. · Bay 7/);
  await expect(page.getByTestId('order-history')).toContainText('Customer arrived');
  await expect(arrival.getByRole('button', { name: 'Update bay' })).toBeVisible();
});

test("staff at the drive hand the order over, and the shopper's page follows", async ({ page, browser }, testInfo) => {
  only(testInfo);
  test.setTimeout(90_000);
  const { driveStore, staff } = e2eData().orders;
  expect(orderPath, 'the shopper journey placed an order').not.toBe('');
  const number = orderPath.split('/').pop()!;
  await signIn(page, shopperEmail, PASSWORD);
  await page.goto(orderPath);
  await expect(page.getByTestId('order-status')).toHaveText('Ordered');

  const staffContext = await browser.newContext({ locale: 'en-GB', timezoneId: 'Europe/Paris' });
  try {
    const desk = await staffContext.newPage();
    await signIn(desk, staff.email, staff.password);
    const screen = await desk.goto(`/staff/stores/${driveStore.id}/drive`);
    // The staff drive screen is being built alongside this journey (issue 4, staff side).
    test.fixme(screen?.status() === 404, 'The staff drive screen /staff/stores/<id>/drive is not there yet');
    // The arrival shows live, with its bay; then Ready and Hand over (drive-desk.spec.ts covers the screen itself).
    const card = desk.getByTestId('section-arrived').getByTestId(`order-${number}`);
    await expect(card).toContainText('Bay 7');
    await card.getByRole('button', { name: `Ready: order ${number}`, exact: true }).click();
    await expect(card.getByTestId('order-status')).toHaveText('Ready at the drive');
    await card.getByRole('button', { name: `Hand over: order ${number}`, exact: true }).click();
    await card.getByRole('button', { name: 'Payment taken, hand over' }).click();
    await expect(desk.getByTestId('section-done-today').getByTestId(`order-${number}`)).toBeVisible();
  } finally {
    await staffContext.close();
  }
  // The order page re-reads itself every 10 s while the shopper is at the drive.
  await expect(page.getByTestId('order-status')).toHaveText('Collected', { timeout: 25_000 });
  await expect(page.getByTestId('payment-status')).toHaveText('Paid at pickup');
  await expect(page.getByTestId('order-history')).toContainText('Handed over');
});
