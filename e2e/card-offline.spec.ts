import { expect, test } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './support/axe';
import { e2eData } from './support/data';
import { signIn } from './support/fixtures';

/**
 * Issue 5: the loyalty card at the till with no network. A member opens the card once online; the
 * service worker keeps that copy; with the phone offline, the card page still shows the barcode
 * and the balance, saying it is offline and as of when. A page never kept shows the offline page.
 */
test('the loyalty card opens offline, with its balance and the time of it', async ({ page, context }) => {
  // The worker installs by fetching the offline page and its assets: on a busy two-core runner that
  // alone took most of the default 45 s once.
  test.setTimeout(90_000);
  const { card } = e2eData();
  await signIn(page, card.email, card.password);

  // From the account page, as a shopper would: a move within the site, which the worker does not
  // see go by, so the card page itself asks it to keep a copy.
  await page.goto('/account');
  await page.getByTestId('account-card-link').click();
  await expect(page.getByRole('heading', { name: 'My loyalty card' })).toBeVisible();
  await expect(page.getByTestId('card-barcode')).toHaveAttribute('data-value', card.cardNumber);
  await expect(page.getByTestId('card-number')).toHaveText(card.grouped);
  await expect(page.getByTestId('card-balance')).toHaveText('612 points');
  await expect(page.getByTestId('card-balance-value')).toHaveText('worth €30.00 off');
  await expect(page.getByTestId('card-tier')).toHaveText('Silver');
  await expect(page.getByTestId('card-expiring')).toContainText('450 points expire on');
  await expect(page.getByTestId('card-offline-notice')).toHaveCount(0);
  // The wallet is on the card too (issue 19.1), dated like the balance: the copy kept offline says as of when.
  await expect(page.getByTestId('card-wallet').getByTestId('wallet-total')).toHaveText('Available: €0.00');
  await expect(page.getByTestId('card-wallet').getByTestId('wallet-as-of')).toContainText('Balance as of');
  await expectNoSeriousA11yViolations(page, { include: 'main' });

  // The worker takes control and keeps this page.
  await page.waitForFunction(() => Boolean(navigator.serviceWorker?.controller), undefined, { timeout: 45_000 });
  await expect
    .poll(() => page.evaluate(async () => Boolean(await (await caches.open('comptoir-card-v1')).match('/account/card'))), { timeout: 15_000 })
    .toBe(true);

  await context.setOffline(true);
  try {
    await page.reload();
    await expect(page.getByTestId('card-barcode')).toHaveAttribute('data-value', card.cardNumber);
    await expect(page.getByTestId('card-balance')).toHaveText('612 points');
    await expect(page.getByTestId('card-wallet').getByTestId('wallet-total')).toHaveText('Available: €0.00');
    await expect(page.getByTestId('card-wallet').getByTestId('wallet-as-of')).toContainText('Balance as of');
    // The notice gives the time of the figures on screen (those of the copy kept, which may be a
    // minute later than the page first seen: the worker fetched its own).
    const asOf = (await page.getByTestId('card-as-of').textContent())!.replace(/^Balance/, 'balance');
    await expect(page.getByTestId('card-offline-notice')).toContainText(`Offline — ${asOf}`);
    await expectNoSeriousA11yViolations(page, { include: 'main' });

    // A page the worker never kept: the offline page, with the way back to the card.
    await page.goto('/stores');
    await expect(page.getByRole('heading', { name: 'You’re offline' })).toBeVisible();
    await expectNoSeriousA11yViolations(page, { include: 'main' });
    await page.getByRole('link', { name: 'Show my card' }).click();
    await expect(page.getByTestId('card-balance')).toHaveText('612 points');
  } finally {
    await context.setOffline(false);
  }
});

test('the service worker is registered once the page has settled, not while it loads', async ({ page }) => {
  // Installing it fetches the offline page and every asset again: not while the page's own first
  // paint and pictures are on their way (components/pwa/service-worker-registration.tsx).
  const registered = () => page.evaluate(async () => Boolean(await navigator.serviceWorker.getRegistration('/')));
  await page.goto('/');
  await page.waitForTimeout(1_500); // a worker registered at `load` is registered by now
  expect(await registered()).toBe(false);
  await expect.poll(registered, { timeout: 20_000 }).toBe(true);
});
