import { expect, test, type Page, type TestInfo } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './support/axe';
import { e2eData } from './support/data';
import { loseNextAnswer } from './support/lose-answer';

/*
 * Click & reserve, shopper side. Every test signs up its own shoppers: the demo shopper's
 * reservations are the pickup desk journey's, and the per-account limits would make the two
 * journeys depend on each other. Each project reserves its own SKU at Paris Les Halles
 * (e2e/support/reserve-data.ts), and figures are read before they are compared, so a retry
 * starts from whatever the shelf holds.
 */
const PASSWORD = 'reserve-journey-42';

function journey(testInfo: TestInfo) {
  const { reserve } = e2eData();
  const sku = reserve.skus[testInfo.project.name === 'phone' ? 'phone' : 'desktop'];
  return { store: reserve.store, sku, productUrl: `/p/${sku.productSlug}?sku=${sku.skuId}` };
}

async function signUp(page: Page, testInfo: TestInfo, name: string): Promise<string> {
  const email = `resv-${testInfo.project.name}-${Date.now()}-${Math.random().toString(36).slice(2, 7)}@example.com`;
  await page.goto('/sign-up');
  await page.getByLabel('Name').fill(name);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Create my account' }).click();
  await expect(page).toHaveURL(/\/account$/);
  return email;
}

async function availableHere(page: Page): Promise<number> {
  return Number(await page.getByTestId('reserve-store-hint').getAttribute('data-available'));
}

test('a shopper reserves at a shop, gets a code and a QR code, finds it in My reservations, cancels, and the units are back', async ({
  page,
  context,
  baseURL,
}, testInfo) => {
  test.setTimeout(120_000); // five pages, three axe scans, on a machine shared with the server
  const { store, sku, productUrl } = journey(testInfo);
  await context.addCookies([{ name: 'my_store', value: String(store.id), url: baseURL! }]);
  await signUp(page, testInfo, 'Léa Martin');

  await page.goto(productUrl);
  const panel = page.getByTestId('reserve-in-store');
  await expect(panel.getByRole('heading', { name: /Reserve in store/ })).toBeVisible();
  await expect(panel.getByLabel('Shop')).toHaveValue(String(store.id)); // my store, since it qualifies
  const before = await availableHere(page);
  expect(before).toBeGreaterThanOrEqual(3);
  // The − and + buttons name what they count.
  const productName = (await page.getByRole('heading', { level: 1 }).innerText()).trim();
  await panel.getByRole('button', { name: `One more: ${productName}`, exact: true }).click();
  await expect(panel.getByLabel('Quantity')).toHaveValue('2');
  await expect(panel.getByRole('button', { name: `One fewer: ${productName}`, exact: true })).toBeVisible();
  await expectNoSeriousA11yViolations(page, { include: '[data-testid="reserve-in-store"]' });

  // The form sent twice (a double-click, a flaky network): its idempotency key makes it one reservation.
  await panel.locator('form').evaluate((form: HTMLFormElement) => {
    form.requestSubmit();
    form.requestSubmit();
  });
  await expect(page).toHaveURL(/\/account\/reservations\/\d+$/);
  const detailUrl = page.url();
  const code = (await page.getByTestId('pickup-code').textContent())?.trim() ?? '';
  expect(code).toMatch(/^[A-Z2-9]{6}$/);
  await expect(page.getByRole('img', { name: `QR code of pickup code ${code}` })).toBeVisible();
  await expect(page.getByTestId('reservation-status')).toHaveText('Being prepared');
  await expect(page.getByTestId('reservation-deadline')).toContainText(/^Held until \w{3} \d{1,2} \w{3}, \d{2}:\d{2}$/);
  await expect(page.getByTestId('reservation-time-left')).toContainText(/^(1 day|2 days).* left$/);
  await expect(page.getByTestId('reservation-store')).toContainText(store.name);
  await expect(page.getByTestId('reservation-store').getByRole('link', { name: /View shop/ })).toHaveAttribute('href', `/en/stores/${store.slug}`);
  await expect(page.getByTestId('reservation-lines')).toContainText(sku.productName);
  await expect(page.getByTestId('reservation-lines')).toContainText('Qty 2');
  await expectNoSeriousA11yViolations(page);

  await page.goto('/account');
  await page.getByRole('link', { name: /My reservations/ }).click();
  await expect(page.getByRole('heading', { name: 'My reservations' })).toBeVisible();
  const cards = page.getByTestId('reservation-card');
  await expect(cards).toHaveCount(1);
  await expect(cards.first()).toContainText(code);
  await expect(cards.first()).toContainText(store.name);
  await expect(cards.first().getByTestId('reservation-status')).toHaveText('Being prepared');
  await expectNoSeriousA11yViolations(page);

  await page.goto(productUrl);
  await expect(page.getByTestId('reserve-store-hint')).toHaveAttribute('data-available', String(before - 2));

  await page.goto(detailUrl);
  await page.getByRole('button', { name: 'Cancel reservation' }).click();
  await expect(page.getByRole('button', { name: 'No, keep it' })).toBeFocused();
  await page.getByRole('button', { name: 'Yes, cancel it' }).click();
  await expect(page.getByText('Reservation cancelled: the items are back on sale.')).toBeVisible();
  await expect(page.getByTestId('reservation-status')).toHaveText('Cancelled');
  await expect(page.getByRole('button', { name: 'Cancel reservation' })).toHaveCount(0);
  await expect(page.getByTestId('pickup-code')).toHaveCount(0);

  await page.goto(productUrl);
  await expect(page.getByTestId('reserve-store-hint')).toHaveAttribute('data-available', String(before));
});

test('signed out, "Sign in to reserve" goes to sign in and back; crafted input and a quantity above the limit are refused', async ({ page }, testInfo) => {
  test.setTimeout(90_000);
  const { sku, productUrl } = journey(testInfo);
  const email = await signUp(page, testInfo, 'Noé Petit');
  await page.getByRole('button', { name: 'Sign out', exact: true }).click();
  await expect(page.getByRole('banner').getByRole('link', { name: 'Sign in' })).toBeVisible();

  await page.goto(productUrl);
  const panel = page.getByTestId('reserve-in-store');
  await expect(panel.getByRole('button', { name: 'Reserve', exact: true })).toHaveCount(0);
  await panel.getByRole('link', { name: 'Sign in to reserve' }).click();
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=/);
  // On this very page: the form carries the way back.
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: /^sign in$/i }).click();
  await expect(page).toHaveURL(new RegExp(`/p/${sku.productSlug}\\?sku=${sku.skuId}$`));

  const before = await availableHere(page);
  const reserveButton = panel.getByRole('button', { name: 'Reserve', exact: true });
  // Crafted forms are refused with a sentence, never a crash: a shop that takes no reservations…
  await panel.getByLabel('Shop').evaluate((select: HTMLSelectElement) => {
    select.add(new Option('Elsewhere', '2147483000'));
    select.value = '2147483000';
  });
  await reserveButton.click();
  await expect(panel.getByTestId('form-message')).toHaveText('This shop does not offer click & reserve. Choose another shop.');
  // …and a key that is not one the page made.
  await page.reload();
  await panel.locator('input[name="idempotencyKey"]').evaluate((input: HTMLInputElement) => (input.value = 'not-a-key'));
  await reserveButton.click();
  await expect(panel.getByTestId('form-message')).toHaveText('This request is not valid. Reload the page and try again.');

  await page.reload();
  await panel.getByLabel('Quantity').fill('6');
  await reserveButton.click();
  await expect(panel.getByTestId('form-message')).toHaveText('Choose a quantity from 1 to 5, digits only.');
  await expect(panel.getByLabel('Quantity')).toHaveAttribute('aria-invalid', 'true');
  // Nothing else happened: same page, same shelf, no reservation.
  await expect(page).toHaveURL(new RegExp(`/p/${sku.productSlug}\\?sku=${sku.skuId}$`));
  await page.reload();
  expect(await availableHere(page)).toBe(before);
  await page.goto('/account/reservations');
  await expect(page.getByTestId('reservations-empty')).toBeVisible();
});

test("another shopper opening someone's reservation gets a 404", async ({ page, context, browser, baseURL }, testInfo) => {
  test.setTimeout(90_000);
  const { store, productUrl } = journey(testInfo);
  await context.addCookies([{ name: 'my_store', value: String(store.id), url: baseURL! }]);
  await signUp(page, testInfo, 'Inès Roux');
  await page.goto(productUrl);
  // Reserved, but the answer is lost: the retried page asks again with the key this tab kept.
  await loseNextAnswer(page, '**/p/**');
  await page.getByTestId('reserve-in-store').getByRole('button', { name: 'Reserve', exact: true }).click();
  await page.getByRole('button', { name: 'Try again now' }).click();
  await expect(page).toHaveURL(/\/account\/reservations\/\d+$/);
  const detailPath = new URL(page.url()).pathname;

  const other = await browser.newContext({ locale: 'en-GB' });
  try {
    const otherPage = await other.newPage();
    // Signed out: sign in first, then back here.
    const signedOut = await otherPage.goto(detailPath);
    expect(signedOut?.status()).toBe(200);
    await expect(otherPage).toHaveURL(new RegExp(`/sign-in\\?callbackUrl=${encodeURIComponent(detailPath)}$`));

    await signUp(otherPage, testInfo, 'Hugo Blanc');
    const response = await otherPage.goto(detailPath);
    expect(response?.status()).toBe(404);
    await expect(otherPage.getByRole('heading', { name: 'Page not found' })).toBeVisible();
    await expect(otherPage.getByTestId('pickup-code')).toHaveCount(0);
    expect((await otherPage.goto('/account/reservations/999999999'))?.status()).toBe(404);
  } finally {
    await other.close();
  }

  // Leave the shelf as it was for a retry.
  await page.getByRole('button', { name: 'Cancel reservation' }).click();
  await page.getByRole('button', { name: 'Yes, cancel it' }).click();
  await expect(page.getByTestId('reservation-status')).toHaveText('Cancelled');
  await page.goto('/account/reservations');
  await expect(page.getByTestId('reservation-card')).toHaveCount(1); // one reservation, for all the lost answer
});
