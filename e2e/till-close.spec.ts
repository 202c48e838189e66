import { expect, test, type Page } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './support/axe';
import { e2eData, forAttempt } from './support/data';
import { signIn } from './support/fixtures';

const euros = (cents: number) => new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'EUR' }).format(cents / 100);

/** With SHOTS_DIR set, the screen at desktop width (1280×800) and at a Pixel 7's (412×915), full page. */
async function shoot(page: Page, name: string) {
  const dir = process.env.SHOTS_DIR;
  if (!dir) return;
  const desktop = page.viewportSize();
  await page.screenshot({ path: `${dir}/${name}-desktop.png`, fullPage: true });
  await page.setViewportSize({ width: 412, height: 915 });
  await page.screenshot({ path: `${dir}/${name}-phone.png`, fullPage: true });
  if (desktop) await page.setViewportSize(desktop);
}

test('a cash sale with change, a gift card sold and spent, and the day’s close: the change is shown before confirming, the receipt says how it was paid, a second close counts nothing again', async ({
  page,
}, testInfo) => {
  test.setTimeout(120_000);
  // A day closes once per store: the retry sells and closes at a store of its own.
  const { store, sku, staff } = forAttempt(e2eData().till.close, testInfo);
  await signIn(page, staff.email, staff.password);
  await page.goto(`/staff/stores/${store.id}/till`);

  const itemField = page.getByLabel('Item: barcode or name');
  await itemField.fill(sku.ean);
  await itemField.press('Enter');
  const ticket = page.getByTestId('till-ticket');
  await expect(ticket.getByTestId('till-line')).toHaveCount(1);
  const total = euros(sku.priceCents);
  await ticket.getByRole('button', { name: `Take payment ${total}` }).click();

  // Cash by default. Short: said on the field, and it cannot be confirmed.
  const given = ticket.getByLabel('Amount given');
  await given.fill(((sku.priceCents - 100) / 100).toFixed(2));
  await expect(ticket.getByText(`${euros(100)} short`)).toBeVisible();
  const confirm = ticket.getByRole('button', { name: `Confirm payment of ${total}` });
  await expect(confirm).toBeDisabled();
  // A note of the next ten euros up: the change due is shown before confirming.
  const note = (Math.floor(sku.priceCents / 1000) + 1) * 1000;
  const change = euros(note - sku.priceCents);
  await given.fill(String(note / 100));
  await expect(ticket.getByText(`Change due: ${change}`)).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await shoot(page, 'till-tender-cash');
  await ticket.getByRole('radio', { name: 'Cash + card' }).check();
  await expect(ticket.getByLabel('Card number')).toBeVisible();
  await shoot(page, 'till-tender-split');
  // A declined card records nothing and says why; the same ticket then pays cash.
  await ticket.getByRole('radio', { name: 'Card', exact: true }).check();
  await ticket.getByLabel('Card number').fill('4000 0000 0000 0002');
  await ticket.getByLabel('Expiry date').fill('12/34');
  await ticket.getByLabel('Security code (CVC)').fill('123');
  await ticket.getByLabel('Name on card').fill('Camille Martin');
  await confirm.click();
  await expect(page.getByTestId('till-error')).toHaveText('Your bank declined the payment. Try another card. No sale was recorded: try another card or cash.');
  await shoot(page, 'till-card-declined');
  await ticket.getByRole('radio', { name: 'Cash', exact: true }).check();
  await given.fill(String(note / 100));
  await expect(ticket.getByText(`Change due: ${change}`)).toBeVisible();
  await confirm.click();

  await expect(page).toHaveURL(/\/staff\/till\/receipts\/\d+$/);
  const receipt = page.getByTestId('receipt');
  await expect(receipt.getByTestId('receipt-total')).toHaveText(total);
  const payments = receipt.getByTestId('receipt-payments');
  await expect(payments).toContainText(`Paid · Cash${total}`);
  await expect(payments).toContainText(`Given${euros(note)}`);
  await expect(receipt.getByTestId('receipt-change')).toContainText(change);
  await shoot(page, 'till-receipt-cash');

  // A gift card sold at the till, paid in cash: its code on the receipt.
  await page.goto(`/staff/stores/${store.id}/till`);
  await page.getByTestId('till-gift-card-link').click();
  await expect(page.getByRole('heading', { name: 'Sell a gift card' })).toBeVisible();
  await page.getByLabel('Amount (€)').fill('5');
  await page.getByTestId('gift-card-continue').click();
  await expect(page.getByLabel('Amount (€)')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('A gift card is worth from €10.00 to €500.00.')).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await shoot(page, 'till-gift-card-amount');
  await page.getByLabel('Amount (€)').fill('20');
  await page.getByRole('button', { name: `Take payment ${euros(2000)}` }).click();
  await page.getByLabel('Amount given').fill('20');
  await page.getByRole('button', { name: `Confirm payment of ${euros(2000)}` }).click();
  await expect(page).toHaveURL(/\/staff\/till\/receipts\/\d+$/);
  const giftReceipt = page.getByTestId('receipt');
  await expect(giftReceipt.getByTestId('receipt-gift-card-code')).toHaveText(/^GC(-[A-HJ-NP-Z2-9]{4}){4}$/);
  const code = (await giftReceipt.getByTestId('receipt-gift-card-code').textContent())!;
  await expect(giftReceipt.getByTestId('receipt-total')).toHaveText(euros(2000));
  await expect(giftReceipt.getByTestId('receipt-payments')).toContainText(`Paid · Cash${euros(2000)}`);
  await shoot(page, 'till-gift-card-receipt');

  // The same item again, paid from that gift card first and the rest in cash.
  await page.goto(`/staff/stores/${store.id}/till`);
  await itemField.fill(sku.ean);
  await itemField.press('Enter');
  await expect(ticket.getByTestId('till-line')).toHaveCount(1);
  await ticket.getByRole('button', { name: `Take payment ${total}` }).click();
  await ticket.getByLabel('Gift card code').fill(code);
  await ticket.getByRole('button', { name: 'Check', exact: true }).click();
  await expect(ticket.getByTestId('till-gift-card-status')).toHaveText(`Card •••• ${code.slice(-4)}: €20.00 left`);
  const gift = Math.min(2000, sku.priceCents);
  const rest = sku.priceCents - gift;
  if (rest > 0) {
    await ticket.getByLabel('Amount given').fill((rest / 100).toFixed(2));
    await ticket.getByRole('button', { name: `Confirm payment of ${euros(rest)}` }).click();
  } else {
    await ticket.getByRole('button', { name: 'Confirm payment from the wallet' }).click();
  }
  await expect(page).toHaveURL(/\/staff\/till\/receipts\/\d+$/);

  // The day's close, from the till: each method on its own line, adding up to the total.
  const dayTotal = euros(2 * sku.priceCents + 2000);
  await page.goto(`/staff/stores/${store.id}/till`);
  await page.getByTestId('till-close-link').click();
  await expect(page).toHaveURL(new RegExp(`/staff/stores/${store.id}/till/close$`));
  await expect(page.getByRole('heading', { name: 'Till close' })).toBeVisible();
  await page.getByRole('button', { name: 'Close the day' }).click();
  const result = page.getByTestId('till-close-result');
  await expect(result).toContainText(/Day .* closed\./);
  const cash = result.getByTestId('close-cash');
  await expect(cash).toContainText(`Cash${rest > 0 ? 3 : 2}${euros(sku.priceCents + 2000 + rest)}`);
  await expect(result.getByTestId('close-card')).toContainText(`Card0${euros(0)}`);
  await expect(result.getByTestId('close-gift-card')).toContainText(`Gift card1${euros(gift)}`);
  await expect(result.getByTestId('close-store-credit')).toContainText(`Store credit0${euros(0)}`);
  await expect(result.getByTestId('close-total')).toHaveText(dayTotal);
  await expect(page.getByTestId('till-close')).toHaveCount(2); // the result, and the same close in the list
  await expectNoSeriousA11yViolations(page);
  await shoot(page, 'till-close');

  // Closing the same day again answers the first close: the totals are not doubled.
  await page.getByRole('button', { name: 'Close the day' }).click();
  await expect(result).toContainText('This day was already closed: here is the recorded close.');
  await expect(result.getByTestId('close-total')).toHaveText(dayTotal);
  await page.reload();
  await expect(page.getByTestId('till-close')).toHaveCount(1);
  await expect(page.getByTestId('till-close').getByTestId('close-total')).toHaveText(dayTotal);
});
