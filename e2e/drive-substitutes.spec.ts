import { expect, test, type Locator, type Page } from '@playwright/test';
import { formatPrice } from '../lib/i18n/format';
import { e2eData } from './support/data';
import { signIn } from './support/fixtures';

/*
 * A drive order paid online with one substitution accepted and one refused (issue 19, part 3): the
 * shopper pays by card at checkout (authorised), staff pick the order (one unit of the first line
 * found and the other replaced, none of the second and a substitute proposed), the shopper sees the
 * proposal arrive live and answers, staff hand over, and the card is captured for what was handed
 * over; the stock desk shows what left the shelf. The shopper is on a phone, staff on a desktop.
 * Screens are saved at 390 and 1280 px (test-results/drive-substitutes/).
 */
test.describe.configure({ mode: 'serial' });

const price = (cents: number) => formatPrice(cents, 'en');
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const SHOTS = 'test-results/drive-substitutes';

async function shoot(page: Page, name: string, target: Locator): Promise<void> {
  const size = page.viewportSize();
  for (const width of [390, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    await expect(target).toBeVisible();
    // From the top: a sticky header scrolled along would be drawn over the page.
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: `${SHOTS}/${name}-${width}.png`, fullPage: true });
  }
  if (size) await page.setViewportSize(size);
}

async function addToCart(page: Page, sku: { productSlug: string; skuId: number }, expected: number): Promise<void> {
  await page.goto(`/p/${sku.productSlug}?sku=${sku.skuId}`);
  await page.getByTestId('add-to-cart').getByRole('button', { name: 'Add to cart' }).click();
  await expect(page.getByRole('banner').getByTestId('cart-count')).toHaveText(String(expected));
}

async function stockOf(desk: Page, storeId: number, sku: { ean: string; skuId: number }): Promise<{ onHand: number; reserved: number }> {
  await desk.goto(`/staff/stores/${storeId}`);
  await desk.getByLabel('Barcode or product name').fill(sku.ean);
  await desk.getByLabel('Barcode or product name').press('Enter');
  const row = desk.getByTestId(`stock-row-${sku.skuId}`).first();
  await expect(row).toBeVisible();
  return { onHand: Number(await row.getByTestId('on-hand').textContent()), reserved: Number(await row.getByTestId('reserved').textContent()) };
}

test('a drive order paid online: one substitute accepted, one refused, handed over for the right total', async ({ page, browser }, testInfo) => {
  test.skip(testInfo.project.name !== 'phone', 'The shopper side of this journey is lived on a phone');
  test.setTimeout(180_000);
  const { store, lines } = e2eData().substitutes;
  const [first, second] = lines;
  const { staff } = e2eData().orders;

  // The shopper: an account, two of the first item and one of the second, drive, paid by card now.
  await page.goto('/sign-up');
  await page.getByLabel('Name').fill('Sacha Remplace');
  await page.getByLabel('Email').fill(`subs-${Date.now()}-${Math.random().toString(36).slice(2, 7)}@example.com`);
  await page.getByLabel('Password', { exact: true }).fill('drive-substitutes-42');
  await page.getByRole('button', { name: 'Create my account' }).click();
  await expect(page).toHaveURL(/\/account$/);
  await addToCart(page, first.sku, 1);
  await addToCart(page, first.sku, 2);
  await addToCart(page, second.sku, 3);
  await page.goto('/cart');
  await page.getByLabel('Drive pickup').check();
  await expect(page.getByTestId('checkout-blocked')).toBeVisible(); // drive, and no store yet: the switch is saved
  await page.getByLabel('Drive store').selectOption(String(store.id));
  await expect(page.getByTestId('checkout-blocked')).toHaveCount(0);
  await expect(page.getByLabel('Drive store')).toHaveValue(String(store.id));
  await page.getByTestId('checkout-link').click();
  await expect(page).toHaveURL(/\/checkout$/);
  await page.locator('[data-testid="drive-slot"][data-state="open"]').first().click();
  await expect(page.getByTestId('slot-held')).toBeVisible();
  await page.getByLabel(/Pay now by card/).check();
  await page.getByLabel('Card number').fill('4242424242424242');
  await page.getByLabel('Expiry date').fill('12/34');
  await page.getByLabel('Security code (CVC)').fill('123');
  await page.getByLabel('Name on card').fill('Sacha Remplace');
  await expect(page.getByLabel(/I accept an equivalent substitute/)).toBeChecked();
  await page.getByRole('button', { name: 'Place order' }).click();
  await expect(page).toHaveURL(/\/account\/orders\/CMD-[A-Z2-9]{8}$/);
  const number = new URL(page.url()).pathname.split('/').pop()!;
  const ordered = 2 * first.sku.priceCents + second.sku.priceCents;
  await expect(page.getByTestId('payment-status')).toHaveText('Amount held on your card');
  await expect(page.getByTestId('live-order')).toHaveAttribute('data-live-status', 'live');

  const staffContext = await browser.newContext({ locale: 'en-GB', timezoneId: 'Europe/Paris', viewport: { width: 1280, height: 900 } });
  try {
    const desk = await staffContext.newPage();
    await signIn(desk, staff.email, staff.password);
    const before = {
      first: await stockOf(desk, store.id, first.sku),
      second: await stockOf(desk, store.id, second.sku),
      firstSub: await stockOf(desk, store.id, first.substitute),
      secondSub: await stockOf(desk, store.id, second.substitute),
    };
    expect(before.first.reserved).toBe(2);

    // Staff pick: one of two found, the other replaced; none of the second, a substitute proposed.
    await desk.goto(`/staff/stores/${store.id}/drive`);
    await desk.getByRole('link', { name: `Pick the items: order ${number}` }).click();
    await expect(desk.getByTestId('pick-header')).toContainText(number);
    const pickLine = async (sku: typeof first.sku, found: number, substitute: number) => {
      const line = desk.getByRole('listitem', { name: sku.productName, exact: true });
      await line.getByLabel(/^Found/).fill(String(found));
      await line.getByLabel('Replace the missing ones with').selectOption(String(substitute));
      await line.getByRole('button', { name: new RegExp(`^Save: ${escape(sku.productName)}`) }).click();
      await expect(line.getByTestId('pick-message')).toHaveText(`Line saved on ${number}.`);
      await expect(line.getByTestId('line-pick')).toContainText('Waiting for the shopper');
      // The form starts again from what was saved.
      await expect(line.getByLabel('Replace the missing ones with')).toHaveValue(String(substitute));
    };
    await pickLine(first.sku, 1, first.substitute.skuId);
    await pickLine(second.sku, 0, second.substitute.skuId);
    await expect(desk.getByTestId('order-awaiting')).toHaveText('2 substitutes await the shopper’s answer');
    await shoot(desk, 'picking', desk.getByTestId('pick-header'));
    // The drive screen's card says how each line was picked, and that answers are awaited.
    await desk.goto(`/staff/stores/${store.id}/drive`);
    await expect(desk.getByTestId(`order-${number}`).first().getByTestId('order-awaiting')).toBeVisible();
    await shoot(desk, 'drive-screen', desk.getByTestId(`order-${number}`).first());
    await desk.goBack();

    // The shopper's page hears it (no reload) and answers each proposal.
    const proposal = page.getByTestId('order-substitutes');
    await expect(proposal).toBeVisible({ timeout: 15_000 });
    const firstCharged = Math.min(first.substitute.priceCents, first.sku.priceCents);
    const secondCharged = Math.min(second.substitute.priceCents, second.sku.priceCents);
    await expect(page.getByTestId('proposal-total')).toHaveText(price(first.sku.priceCents + firstCharged + secondCharged)); // substitutes welcome
    await shoot(page, 'proposal', proposal);
    await proposal.getByRole('button', { name: new RegExp(`^Accept: ${escape(first.substitute.productName)}`) }).click();
    await expect(proposal.getByText('Substitute accepted.')).toBeVisible();
    await proposal.getByRole('button', { name: new RegExp(`^Refuse: ${escape(second.substitute.productName)}`) }).click();
    await expect(proposal.getByText('Substitute refused: it will not be charged.')).toBeVisible();
    const final = first.sku.priceCents + firstCharged;
    await expect(page.getByTestId('proposal-total')).toHaveText(price(final));
    expect(final).toBeLessThan(ordered);

    // Staff see the answers arrive, mark it ready and hand it over: the card is charged the final total.
    await expect(desk.getByTestId('order-awaiting')).toHaveCount(0, { timeout: 15_000 });
    await expect(desk.getByRole('listitem', { name: first.sku.productName, exact: true }).getByTestId('line-pick')).toContainText('Accepted by the shopper');
    await expect(desk.getByRole('listitem', { name: second.sku.productName, exact: true }).getByTestId('line-pick')).toContainText('Refused by the shopper');
    await expect(desk.getByTestId('pick-total')).toHaveText(price(final));
    await desk.getByRole('button', { name: `Ready: order ${number}` }).click();
    await expect(desk.getByTestId('pick-header').getByTestId('order-status')).toHaveText('Ready at the drive');
    await desk.goto(`/staff/stores/${store.id}/drive`);
    const card = desk.getByTestId(`order-${number}`).first();
    await card.getByRole('button', { name: `Hand over: order ${number}`, exact: true }).click();
    await expect(card).toContainText(`Paid online: ${price(final)} will be taken from the card.`);
    await card.getByRole('button', { name: 'Payment taken, hand over' }).click();
    await expect(desk.getByTestId('section-done-today').getByTestId(`order-${number}`)).toBeVisible();

    // The shopper's page follows: collected, paid, the receipt lists what was handed over.
    await expect(page.getByTestId('order-status')).toHaveText('Collected', { timeout: 15_000 });
    await expect(page.getByTestId('payment-status')).toHaveText('Paid');
    // (The checkout just left may stay mounted, hidden: the receipt is the visible "Items" region.)
    const receipt = page.getByRole('region', { name: 'Items' });
    await expect(receipt.getByTestId('summary-total')).toHaveText(price(final));
    await expect(receipt.getByTestId('summary-lines')).toContainText(first.substitute.productName);
    await expect(receipt.getByTestId('summary-lines')).not.toContainText(second.substitute.productName);

    // Stock: what left the shelf (one of the first item, its substitute); every hold given back.
    expect(await stockOf(desk, store.id, first.sku)).toEqual({ onHand: before.first.onHand - 1, reserved: 0 });
    expect(await stockOf(desk, store.id, second.sku)).toEqual({ onHand: before.second.onHand, reserved: 0 });
    expect(await stockOf(desk, store.id, first.substitute)).toEqual({ onHand: before.firstSub.onHand - 1, reserved: before.firstSub.reserved });
    expect(await stockOf(desk, store.id, second.substitute)).toEqual(before.secondSub);
  } finally {
    await staffContext.close();
  }
});
