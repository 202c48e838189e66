import { expect, test, type Page, type TestInfo } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './support/axe';
import { e2eData } from './support/data';
import { signIn } from './support/fixtures';

/*
 * The cart: anonymous visitors (cookie) and signed-in shoppers, merged at sign-in; home delivery or
 * drive, with unavailable lines marked and the nearest drive store holding everything suggested.
 * The cart changes no stock, so these journeys share SKUs with nobody's figures.
 */
const PASSWORD = 'cart-journey-4242';

const productUrl = (sku: { productSlug: string; skuId: number }) => `/p/${sku.productSlug}?sku=${sku.skuId}`;

async function addToCart(page: Page, sku: { productSlug: string; skuId: number }, expectedCount: number) {
  await page.goto(productUrl(sku));
  const form = page.getByTestId('add-to-cart');
  await form.getByRole('button', { name: 'Add to cart' }).click();
  await expect(form.getByTestId('form-message')).toContainText(`Added to your cart (${expectedCount} in your cart)`);
  await expect(page.getByRole('banner').getByTestId('cart-count')).toHaveText(String(expectedCount));
}

function uniqueEmail(testInfo: TestInfo): string {
  return `cart-${testInfo.project.name}-${Date.now()}-${Math.random().toString(36).slice(2, 7)}@example.com`;
}

test('an anonymous visitor adds to the cart, changes the quantity and removes the line', async ({ page, context }) => {
  test.setTimeout(90_000);
  const { anySku } = e2eData().cart;
  await page.goto('/cart');
  await expect(page.getByTestId('cart-empty')).toContainText('Your cart is empty.');
  await expect(page.getByRole('banner').locator('[data-visitor="ready"]')).toHaveCount(1); // the header has read the visitor
  await expect(page.getByRole('banner').getByTestId('cart-count')).toHaveCount(0);

  await addToCart(page, anySku, 1);
  // The header's cart link says how many, a real plural ("1 item", not "1 item(s)").
  await expect(page.getByRole('banner').getByRole('link', { name: 'Cart, 1 item', exact: true })).toBeVisible();
  // The anonymous cart is found by an httpOnly cookie that page scripts cannot read.
  const cookie = (await context.cookies()).find((c) => c.name === 'cart');
  expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
  expect(cookie!.value).toMatch(/^[A-Za-z0-9_-]{32,}$/);
  expect(await page.evaluate(() => document.cookie)).not.toContain('cart=');
  // A crafted request for an item that does not exist gets a sentence, not an error page.
  await page.getByTestId('add-to-cart').evaluate((form: HTMLFormElement) => {
    (form.querySelector('input[name="skuId"]') as HTMLInputElement).value = '99999999';
    form.requestSubmit();
  });
  await expect(page.getByTestId('add-to-cart').getByTestId('form-message')).toHaveText('This item no longer exists. Reload the page.');
  await expect(page.getByRole('banner').getByTestId('cart-count')).toHaveText('1');
  await addToCart(page, anySku, 2);
  await page.getByTestId('add-to-cart').getByRole('link', { name: 'View cart' }).click();
  await expect(page).toHaveURL(/\/cart$/);
  // One heading, read with its count: "Your cart (2 items)", not "Your cart(2 items)".
  await expect(page.getByRole('heading', { level: 1, name: 'Your cart (2 items)', exact: true })).toBeVisible();
  await expect(page.getByRole('banner').getByRole('link', { name: 'Cart, 2 items', exact: true })).toBeVisible();
  const line = page.getByTestId('cart-line');
  await expect(line).toHaveCount(1);
  await expect(line.getByTestId('cart-line-name')).toHaveText(anySku.productName);
  // Each control names the line it acts on, size and colour included (two sizes of one product are two lines).
  const variant = (await line.getByTestId('cart-line-variant').allTextContents())[0];
  const item = variant ? `${anySku.productName} (${variant})` : anySku.productName;
  await expect(line.getByTestId('cart-quantity')).toHaveText('2');
  const subtotalOfTwo = await page.getByTestId('cart-subtotal').textContent();
  await expectNoSeriousA11yViolations(page, { include: 'main' });

  await expect(line.getByRole('group', { name: `Quantity of ${item}`, exact: true })).toBeVisible();
  await line.getByRole('button', { name: `One more: ${item}`, exact: true }).click();
  await expect(line.getByTestId('cart-quantity')).toHaveText('3');
  await expect(page.getByRole('banner').getByTestId('cart-count')).toHaveText('3'); // the header, once the server confirmed
  await expect(page.getByTestId('cart-subtotal')).not.toHaveText(subtotalOfTwo ?? '');
  await page.reload();
  await expect(page.getByTestId('cart-line').getByTestId('cart-quantity')).toHaveText('3');

  await page
    .getByTestId('cart-line')
    .getByRole('button', { name: `One fewer: ${item}`, exact: true })
    .click();
  await expect(page.getByRole('banner').getByTestId('cart-count')).toHaveText('2');
  await expect(page.getByTestId('cart-subtotal')).toHaveText(subtotalOfTwo ?? '');
  // Home delivery from the warehouse, which has it: checkout is open.
  await expect(page.getByTestId('checkout-link')).toHaveAttribute('href', '/en/checkout');

  await page
    .getByTestId('cart-line')
    .getByRole('button', { name: `Remove ${item} from the cart`, exact: true })
    .click();
  await expect(page.getByTestId('cart-empty')).toBeVisible();
  await expect(page.getByRole('banner').getByTestId('cart-count')).toHaveCount(0);
  await page.reload();
  await expect(page.getByTestId('cart-empty')).toBeVisible();
});

test('a change refused by the server rolls back with the reason (the line was removed in another tab)', async ({ page, context }) => {
  test.setTimeout(90_000);
  const { anySku, otherSku } = e2eData().cart;
  await addToCart(page, anySku, 1);
  await addToCart(page, otherSku, 2); // one unit each: 2 in the cart
  await page.goto('/cart');
  const other = await context.newPage();
  await other.goto('/cart');
  await other.locator(`[data-testid="cart-line"][data-sku="${anySku.skuId}"]`).getByTestId('cart-remove').click();
  await expect(other.getByTestId('cart-line')).toHaveCount(1);

  // This tab still shows the removed line; its stepper is refused, and the page comes back to the truth.
  await page
    .locator(`[data-testid="cart-line"][data-sku="${anySku.skuId}"]`)
    .getByRole('button', { name: /^One more: / })
    .click();
  await expect(page.getByTestId('cart-message')).toHaveText('This item is no longer in your cart.');
  await expect(page.getByTestId('cart-line')).toHaveCount(1);
  await expect(page.getByTestId('cart-line')).toHaveAttribute('data-sku', String(otherSku.skuId));
  await expect(page.getByRole('banner').getByTestId('cart-count')).toHaveText('1');
});

test('a cart filled before signing up or in follows the shopper into their account', async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  const { anySku, otherSku } = e2eData().cart;
  const email = uniqueEmail(testInfo);

  await addToCart(page, anySku, 1);
  await page.goto('/sign-up');
  await page.getByLabel('Name').fill('Noé Garnier');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Create my account' }).click();
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByRole('banner').getByTestId('cart-count')).toHaveText('1');

  await page.getByRole('button', { name: 'Sign out', exact: true }).click();
  await expect(page.getByRole('banner').getByRole('link', { name: 'Sign in' })).toBeVisible();
  // Signed out, the visitor's cart is a new, empty one; the account's cart waits for them.
  await expect(page.getByRole('banner').getByTestId('cart-count')).toHaveCount(0);
  await addToCart(page, otherSku, 1);
  await addToCart(page, anySku, 2);

  await signIn(page, email, PASSWORD);
  await page.goto('/cart');
  const lines = page.getByTestId('cart-line');
  await expect(lines).toHaveCount(2);
  await expect(page.locator(`[data-testid="cart-line"][data-sku="${anySku.skuId}"]`).getByTestId('cart-quantity')).toHaveText('2');
  await expect(page.locator(`[data-testid="cart-line"][data-sku="${otherSku.skuId}"]`).getByTestId('cart-quantity')).toHaveText('1');
  await expect(page.getByRole('banner').getByTestId('cart-count')).toHaveText('3');
});

test('choosing drive marks what my store lacks and switches to the nearest drive store that has everything', async ({ page, context, baseURL }) => {
  test.setTimeout(90_000);
  const { driveSku, myDriveStore, suggestedStore } = e2eData().cart;
  await context.addCookies([{ name: 'my_store', value: String(myDriveStore.id), url: baseURL! }]);
  await addToCart(page, driveSku, 1);
  await page.goto('/cart');
  const line = page.getByTestId('cart-line');
  await expect(line.getByTestId('cart-line-mark')).toHaveCount(0); // the warehouse ships it

  await page.getByLabel('Drive pickup').check();
  const select = page.getByLabel('Drive store');
  await expect(select).toHaveValue(String(myDriveStore.id)); // my store, since it has drive
  await expect(line.getByTestId('cart-line-mark')).toContainText(`Not available for drive at ${myDriveStore.name}`);
  await expect(page.getByTestId('checkout-link')).toBeDisabled();
  await expect(page.getByTestId('checkout-blocked')).toBeVisible();
  const suggestion = page.getByTestId('drive-suggestion');
  await expect(suggestion).toContainText(new RegExp(`All items available at ${suggestedStore.name}, [\\d.]+ k?m`));
  await expectNoSeriousA11yViolations(page, { include: 'main' });

  await suggestion.getByRole('button', { name: 'Switch' }).click();
  await expect(page.getByLabel('Drive store')).toHaveValue(String(suggestedStore.id));
  await expect(line.getByTestId('cart-line-mark')).toHaveCount(0);
  await expect(page.getByTestId('drive-suggestion')).toHaveCount(0);
  await expect(page.getByTestId('checkout-link')).toHaveAttribute('href', '/en/checkout');

  // Back to home delivery: the choice is saved with the cart.
  await page.getByLabel('Home delivery').check();
  await expect(page.getByLabel('Drive store')).toHaveCount(0);
  // The form shows the choice at once and saves it in the background: reload once it is saved
  // (a reload before the save's answer lost the race once on CI).
  await expect(page.getByTestId('fulfilment-form')).toHaveAttribute('aria-busy', 'false');
  await page.reload();
  await expect(page.getByLabel('Home delivery')).toBeChecked();
});

test('with no store of mine and no position, drive asks for a store instead of proposing the first one by name', async ({ page }) => {
  test.setTimeout(90_000);
  const { driveSku } = e2eData().cart;
  await addToCart(page, driveSku, 1);
  await page.goto('/cart');
  await page.getByLabel('Drive pickup').check();
  await expect(page.getByTestId('drive-choose-store')).toHaveText('Choose a drive store, or enter your postcode to see the nearest one with everything.');
  await expect(page.getByTestId('drive-suggestion')).toHaveCount(0);
  await expectNoSeriousA11yViolations(page, { include: 'main' });
  if (process.env.SHOTS_DIR) {
    await page.screenshot({ path: `${process.env.SHOTS_DIR}/cart-choose-drive-store-phone.png`, fullPage: true });
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.screenshot({ path: `${process.env.SHOTS_DIR}/cart-choose-drive-store-desktop.png`, fullPage: true });
  }
});
