import { expect, test, type Page, type TestInfo } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './support/axe';
import { e2eData, forAttempt } from './support/data';
import { signIn, signInAs } from './support/fixtures';

/*
 * Issue 19.1, the wallet: one store credit spent in two channels (part at the till on the scanned
 * card, the rest online with a card for the rest of the order), and a gift card bought online then
 * scanned at the till. Once, on the desktop project (the till is a desk).
 */
const only = (testInfo: TestInfo) => test.skip(testInfo.project.name !== 'desktop', 'The wallet journeys run once, on the desktop project');
const euros = (cents: number) => new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'EUR' }).format(cents / 100);

async function ringUp(page: Page, storeId: number, ean: string): Promise<void> {
  await page.goto(`/staff/stores/${storeId}/till`);
  const itemField = page.getByLabel('Item: barcode or name');
  await itemField.fill(ean);
  await itemField.press('Enter');
  await expect(page.getByTestId('till-ticket').getByTestId('till-line')).toHaveCount(1);
}

test('store credit spent at the till on the scanned card, the rest of it online with a card for the rest', async ({ page, browser }, testInfo) => {
  only(testInfo);
  test.setTimeout(150_000);
  const { store, tillSku, webSku, members } = e2eData().wallet;
  // The first attempt spends its member's credit: a member per attempt.
  const member = forAttempt(members, testInfo);

  // At the till: the member's card, one item; the store credit pays all of it.
  await signInAs(page, 'staff');
  await ringUp(page, store.id, tillSku.ean);
  const customerField = page.getByLabel('Loyalty card or email');
  await customerField.fill(member.cardNumber);
  await customerField.press('Enter');
  await expect(page.getByTestId('till-customer-name')).toHaveText(member.name);
  const ticket = page.getByTestId('till-ticket');
  await ticket.getByRole('button', { name: `Take payment ${euros(tillSku.priceCents)}` }).click();
  await ticket.getByLabel(`Customer’s store credit (${euros(member.creditCents)})`).check();
  await expect(ticket.getByTestId('till-wallet-part')).toContainText(`Wallet: −${euros(tillSku.priceCents)}`);
  await expect(ticket.getByTestId('till-wallet-part')).toContainText('Left to pay: €0.00');
  await expectNoSeriousA11yViolations(page);
  await page.screenshot({ path: testInfo.outputPath('till-wallet-1280.png'), fullPage: true });
  await ticket.getByRole('button', { name: 'Confirm payment from the wallet' }).click();
  await expect(page).toHaveURL(/\/staff\/till\/receipts\/\d+$/);
  const receipt = page.getByTestId('receipt');
  await expect(receipt.getByTestId('receipt-payments')).toContainText('Store credit');
  await expect(receipt.getByTestId('receipt-total')).toHaveText(euros(tillSku.priceCents));

  // Online: what is left of the credit (€5) pays part of a delivery order, the card the rest.
  const shopperContext = await browser.newContext({ locale: 'en-GB', timezoneId: 'Europe/Paris' });
  try {
    const shopper = await shopperContext.newPage();
    await signIn(shopper, member.email, member.password);
    await shopper.goto('/account');
    await expect(shopper.getByTestId('store-credit-balance')).toHaveText(euros(500));
    await shopper.goto(`/p/${webSku.productSlug}?sku=${webSku.skuId}`);
    await shopper.getByTestId('add-to-cart').getByRole('button', { name: 'Add to cart' }).click();
    await expect(shopper.getByRole('banner').getByTestId('cart-count')).toHaveText('1');
    await shopper.goto('/checkout');
    await shopper.getByLabel('Full name').fill(member.name);
    await shopper.getByLabel('Address').fill('8 rue Mercière');
    await shopper.getByLabel('Postcode').fill('69002');
    await shopper.getByLabel('Town').fill('Lyon');
    await shopper.getByLabel('Card number').fill('4242 4242 4242 4242');
    await shopper.getByLabel('Expiry date').fill('12/34');
    await shopper.getByLabel('Security code (CVC)').fill('123');
    await shopper.getByLabel('Name on card').fill(member.name);
    const pay = shopper.getByTestId('place-order');
    const total = Number((await pay.textContent())!.replace(/[^\d]/g, ''));
    await shopper.getByLabel('Use my store credit (€5.00)').check();
    await expect(pay).toHaveText(`Pay ${euros(total - 500)}`);
    await expectNoSeriousA11yViolations(shopper, { include: 'main' });
    await pay.click();
    await expect(shopper).toHaveURL(/\/account\/orders\/CMD-[A-Z2-9]{8}$/);
    await expect(shopper.getByTestId('order-paid-from-wallet')).toHaveText('Paid from the wallet: €5.00');
    await expect(shopper.getByTestId('order-payment')).toContainText('Card ending 4242');

    await shopper.goto('/account');
    await expect(shopper.getByTestId('store-credit-balance')).toHaveText('€0.00');
    await expect(shopper.getByTestId('wallet')).toContainText(`Spent · `);
  } finally {
    await shopperContext.close();
  }
});

test('a gift card bought online, then paid with at the till', async ({ page, browser }, testInfo) => {
  only(testInfo);
  test.setTimeout(150_000);
  const { store, giftSku, buyers } = e2eData().wallet;
  // The first attempt leaves its buyer a gift card in the wallet: a buyer per attempt.
  const buyer = forAttempt(buyers, testInfo);

  // Online: the buyer pays €20 by card and gets the code at once; it is in their wallet.
  const buyerContext = await browser.newContext({ locale: 'en-GB', timezoneId: 'Europe/Paris' });
  let code: string;
  try {
    const shopper = await buyerContext.newPage();
    await signIn(shopper, buyer.email, buyer.password);
    await shopper.goto('/account');
    await shopper.getByTestId('account-gift-cards-link').click();
    await expect(shopper.getByRole('heading', { name: 'Gift cards', level: 1 })).toBeVisible();
    const form = shopper.getByTestId('buy-gift-card');
    await form.getByLabel('Amount (€)').fill('20');
    await form.getByLabel('Card number').fill('4242 4242 4242 4242');
    await form.getByLabel('Expiry date').fill('12/34');
    await form.getByLabel('Security code (CVC)').fill('123');
    await form.getByLabel('Name on card').fill(buyer.name);
    await form.getByRole('button', { name: 'Buy the gift card' }).click();
    await expect(form.getByTestId('gift-card-code')).toHaveText(/^GC(-[A-HJ-NP-Z2-9]{4}){4}$/);
    code = (await form.getByTestId('gift-card-code').textContent())!;
    await expect(form.getByTestId('form-message')).toContainText(`Your €20.00 gift card: ${code}.`);
    await expectNoSeriousA11yViolations(shopper, { include: 'main' });
    await shopper.reload();
    await expect(shopper.getByTestId('gift-cards-wallet').getByTestId('wallet-gift-card-code')).toHaveText(code);

    // At the till, anyone holding the code pays with it: the card covers €20, cash the rest.
    await signInAs(page, 'staff');
    await ringUp(page, store.id, giftSku.ean);
    const ticket = page.getByTestId('till-ticket');
    await ticket.getByRole('button', { name: `Take payment ${euros(giftSku.priceCents)}` }).click();
    await ticket.getByLabel('Gift card code').fill(code.toLowerCase().replace(/-/g, ' '));
    await ticket.getByRole('button', { name: 'Check', exact: true }).click();
    await expect(ticket.getByTestId('till-gift-card-status')).toHaveText(`Card •••• ${code.slice(-4)}: €20.00 left`);
    const gift = Math.min(2000, giftSku.priceCents);
    const rest = giftSku.priceCents - gift;
    await expect(ticket.getByTestId('till-wallet-part')).toContainText(`Left to pay: ${euros(rest)}`);
    await page.screenshot({ path: testInfo.outputPath('till-gift-card-1280.png'), fullPage: true });
    if (rest > 0) {
      await ticket.getByLabel('Amount given').fill((rest / 100).toFixed(2));
      await ticket.getByRole('button', { name: `Confirm payment of ${euros(rest)}` }).click();
    } else {
      await ticket.getByRole('button', { name: 'Confirm payment from the wallet' }).click();
    }
    await expect(page).toHaveURL(/\/staff\/till\/receipts\/\d+$/);
    await expect(page.getByTestId('receipt-payments')).toContainText(`Gift card •••• ${code.slice(-4)}`);

    // The buyer's wallet shows what is left on it.
    await shopper.goto('/account');
    await expect(shopper.getByTestId('wallet-total')).toHaveText(`Available: ${euros(2000 - gift)}`);
    await expect(shopper.getByTestId('wallet')).toContainText(`Gift card •••• ${code.slice(-4)} spent`);
  } finally {
    await buyerContext.close();
  }
});
