import { expect, test, type Page, type TestInfo } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './support/axe';
import { e2eData } from './support/data';
import { loseNextAnswer } from './support/lose-answer';

/*
 * Home delivery with the built-in test provider: a refused field and a declined card make no
 * order (the cart stays full), 4242 4242 4242 4242 places one with the amount held on the card,
 * and another shopper gets a 404 for it. One journey on the desktop project (the drive journey
 * covers the phone), on a SKU of the web warehouse no other journey orders.
 */
const only = (testInfo: TestInfo) => test.skip(testInfo.project.name !== 'desktop', 'The delivery journey runs once, on the desktop project');

const PASSWORD = 'delivery-journey-4242';

async function signUp(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  await page.goto('/sign-up');
  await page.getByLabel('Name').fill(name);
  await page.getByLabel('Email').fill(`deliv-${testInfo.project.name}-${Date.now()}-${Math.random().toString(36).slice(2, 7)}@example.com`);
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Create my account' }).click();
  await expect(page).toHaveURL(/\/account$/);
}

async function fillCard(page: Page, number: string) {
  await page.getByLabel('Card number').fill(number);
  await page.getByLabel('Expiry date').fill('12/34');
  await page.getByLabel('Security code (CVC)').fill('123');
  await page.getByLabel('Name on card').fill('Lou Colis');
}

test('home delivery: a declined card makes no order, a test card places one, and only its shopper can open it', async ({ page, browser }, testInfo) => {
  only(testInfo);
  test.setTimeout(120_000);
  const { deliverySku } = e2eData().orders;
  await signUp(page, testInfo, 'Lou Colis');
  await page.goto(`/p/${deliverySku.productSlug}?sku=${deliverySku.skuId}`);
  await page.getByTestId('add-to-cart').getByRole('button', { name: 'Add to cart' }).click();
  await expect(page.getByRole('banner').getByTestId('cart-count')).toHaveText('1');

  await page.goto('/checkout');
  await expect(page.getByRole('heading', { name: 'Checkout' })).toBeVisible();
  await expect(page.getByTestId('payment-test-mode')).toContainText('TEST MODE');
  await expect(page.getByTestId('summary-lines')).toContainText(deliverySku.productName);
  await expect(page.getByTestId('summary-delivery')).toHaveText('€4.90'); // under 50 €
  await expect(page.getByText('Free delivery from €50.00.')).toBeVisible();
  const pay = page.getByTestId('place-order');
  await expect(pay).toHaveText(/^Pay €\d+\.\d{2}$/);

  await page.getByLabel('Full name').fill('Lou Colis');
  await page.getByLabel('Address').fill('12 rue des Lilas');
  await page.getByLabel('Postcode').fill('6900');
  await page.getByLabel('Town').fill('Lyon');
  await fillCard(page, '4000 0000 0000 0002');
  await pay.click();
  await expect(page.getByTestId('form-message')).toHaveText('Fix the fields marked below.');
  await expect(page.getByLabel('Postcode')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('A 5-digit postcode.')).toBeVisible();
  await expect(page.getByLabel('Address')).toHaveValue('12 rue des Lilas'); // kept
  await expectNoSeriousA11yViolations(page, { include: 'main' });

  await page.getByLabel('Postcode').fill('69003');
  await fillCard(page, '4000 0000 0000 0002');
  await pay.click();
  await expect(page.getByTestId('form-message')).toHaveText('Your bank declined the payment. Try another card. No order was placed and nothing was charged.');
  await expect(page).toHaveURL(/\/checkout$/);
  await page.goto('/account/orders');
  await expect(page.getByTestId('orders-empty')).toBeVisible();
  await expect(page.getByRole('banner').getByTestId('cart-count')).toHaveText('1');

  await page.goto('/checkout');
  await page.getByLabel('Full name').fill('Lou Colis');
  await page.getByLabel('Address').fill('12 rue des Lilas');
  await page.getByLabel('Postcode').fill('69003');
  await page.getByLabel('Town').fill('Lyon');
  await page.getByLabel('Phone').fill('06 12 34 56 78');
  await fillCard(page, '4242 4242 4242 4242');
  // The order is placed but the answer is lost (connection reset): the page's retry asks again
  // with the key this tab kept, and lands on the order (one order, counted below), not an empty cart.
  await loseNextAnswer(page, '**/checkout');
  await page.getByTestId('place-order').click();
  await page.getByRole('button', { name: 'Try again now' }).click();
  await expect(page).toHaveURL(/\/account\/orders\/CMD-[A-Z2-9]{8}$/);
  const orderPath = new URL(page.url()).pathname;
  const number = orderPath.split('/').pop()!;
  await expect(page.getByRole('heading', { name: `Order ${number}` })).toBeVisible();
  await expect(page.getByTestId('order-status')).toHaveText('Ordered');
  await expect(page.getByTestId('payment-status')).toHaveText('Amount held on your card');
  await expect(page.getByTestId('order-payment')).toContainText('Card ending 4242');
  await expect(page.getByTestId('order-delivery')).toContainText('12 rue des Lilas, 69003 Lyon');
  await expect(page.getByRole('banner').getByTestId('cart-count')).toHaveCount(0);
  await expectNoSeriousA11yViolations(page, { include: 'main' });

  await page.goto('/account');
  await page.getByRole('link', { name: /My orders/ }).click();
  const cards = page.getByTestId('order-card');
  await expect(cards).toHaveCount(1);
  await expect(cards.first()).toContainText(number);
  await expect(cards.first().getByTestId('order-status')).toHaveText('Ordered');

  const other = await browser.newContext({ locale: 'en-GB' });
  try {
    const otherPage = await other.newPage();
    await signUp(otherPage, testInfo, 'Max Autre');
    const response = await otherPage.goto(orderPath);
    expect(response?.status()).toBe(404);
    await expect(otherPage.getByRole('heading', { name: 'Page not found' })).toBeVisible();
    await expect(otherPage.getByText('12 rue des Lilas')).toHaveCount(0);
  } finally {
    await other.close();
  }
});

test('an account that remembers: the last delivery address is offered at the next checkout, and edited or removed on the account', async ({
  page,
  browser,
}, testInfo) => {
  only(testInfo);
  test.setTimeout(120_000);
  const { deliverySku } = e2eData().orders;
  const addToCart = async () => {
    await page.goto(`/p/${deliverySku.productSlug}?sku=${deliverySku.skuId}`);
    await page.getByTestId('add-to-cart').getByRole('button', { name: 'Add to cart' }).click();
    await expect(page.getByRole('banner').getByTestId('cart-count')).toHaveText('1');
  };
  await signUp(page, testInfo, 'Inès Retour');
  await page.goto('/account/addresses');
  await expect(page.getByTestId('addresses-empty')).toBeVisible();

  // First order: no saved address yet, the fields are typed.
  await addToCart();
  await page.goto('/checkout');
  await expect(page.getByTestId('saved-addresses')).toHaveCount(0);
  await page.getByLabel('Full name').fill('Inès Retour');
  await page.getByLabel('Address').fill('3 quai Saint-Antoine');
  await page.getByLabel('Postcode').fill('69002');
  await page.getByLabel('Town').fill('Lyon');
  await fillCard(page, '4242 4242 4242 4242');
  await page.getByTestId('place-order').click();
  await expect(page).toHaveURL(/\/account\/orders\/CMD-/);

  // Second order: the address is offered, chosen, and the fields stay closed until "another address".
  await addToCart();
  await page.goto('/checkout');
  const saved = page.getByTestId('saved-addresses');
  const quai = saved.getByRole('radio', { name: /Inès Retour\s*3 quai Saint-Antoine, 69002 Lyon/ });
  await expect(quai).toBeChecked();
  await expect(page.getByLabel('Full name')).toHaveCount(0);
  await saved.getByRole('radio', { name: 'Another address' }).check();
  await expect(page.getByLabel('Full name')).toBeVisible();
  await quai.check();
  await expectNoSeriousA11yViolations(page, { include: 'main' });
  await fillCard(page, '4242 4242 4242 4242');
  await page.getByTestId('place-order').click();
  await expect(page).toHaveURL(/\/account\/orders\/CMD-/);
  await expect(page.getByTestId('order-delivery')).toContainText('3 quai Saint-Antoine, 69002 Lyon');

  // The account: one address (the same place twice), edited, then removed.
  await page.goto('/account');
  await page.getByRole('link', { name: /My delivery addresses/ }).click();
  await expect(page.getByTestId('saved-address')).toHaveCount(1);
  await page.getByRole('link', { name: 'Edit the address 3 quai Saint-Antoine, 69002 Lyon' }).click();
  await expect(page).toHaveURL(/\/account\/addresses\/\d+$/);
  const editPath = new URL(page.url()).pathname;
  await page.getByLabel('Phone').fill('06 11 22 33 44');
  await page.getByLabel('Postcode').fill('6900');
  await page.getByRole('button', { name: 'Save the address' }).click();
  await expect(page.getByText('A 5-digit postcode.')).toBeVisible();
  await page.getByLabel('Postcode').fill('69002');
  await page.getByRole('button', { name: 'Save the address' }).click();
  await expect(page.getByTestId('form-message')).toHaveText('Address saved.');
  await page.goto('/account/addresses');
  await expect(page.getByTestId('saved-address')).toContainText('0611223344');

  // Someone else's address is a 404, its details nowhere.
  const other = await browser.newContext({ locale: 'en-GB' });
  try {
    const otherPage = await other.newPage();
    await signUp(otherPage, testInfo, 'Max Autre');
    const response = await otherPage.goto(editPath);
    expect(response?.status()).toBe(404);
    await expect(otherPage.getByText('3 quai Saint-Antoine')).toHaveCount(0);
  } finally {
    await other.close();
  }

  await page.getByRole('button', { name: 'Remove the address 3 quai Saint-Antoine, 69002 Lyon' }).click();
  await expect(page.getByTestId('addresses-empty')).toBeVisible();
});
