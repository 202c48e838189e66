import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { expect, test, type APIRequestContext, type Page, type TestInfo } from '@playwright/test';
import { verifyWebhookSignature } from '../lib/webhooks/signature';
import { expectNoSeriousA11yViolations } from './support/axe';
import { e2eData } from './support/data';
import { signInAs } from './support/fixtures';

/*
 * The retailer's systems: an admin makes an API key in the back office, a till system posts a
 * stock count with it and a shopper sees the figure on the product page; the key is revoked in
 * the back office and refused at once. A webhook endpoint registered by the admin hears of an
 * order placed by a shopper, refusing the first delivery and acknowledging the retry. Desktop only:
 * the back office is a desk, and both journeys change shared data.
 */
const only = (testInfo: TestInfo) => test.skip(testInfo.project.name !== 'desktop', 'The API journey runs once, on the desktop project');

async function createKey(page: Page, name: string, scope: RegExp): Promise<string> {
  await page.goto('/en/admin/api-keys');
  await page.getByLabel('Name').fill(name);
  await page.getByLabel(scope).check();
  await page.getByRole('button', { name: 'Create key' }).click();
  await expect(page.getByTestId('create-key-message')).toContainText(`Key “${name}” created`);
  const secret = await page.getByTestId('new-key-secret').inputValue();
  expect(secret).toMatch(/^ck_/);
  return secret;
}

function postStock(request: APIRequestContext, key: string, rows: { store: string; ean: string; quantity: number; mode: 'count' | 'movement' }[]) {
  return request.post('/api/v1/stock', {
    headers: { authorization: `Bearer ${key}`, 'idempotency-key': randomUUID() },
    data: { rows },
  });
}

test('an admin makes an API key, a system posts a stock count with it and the product page shows it; revoked, the key is refused', async ({
  page,
  browser,
  request,
  baseURL,
}, testInfo) => {
  only(testInfo);
  const { lyon, apiSku } = e2eData();
  await signInAs(page, 'admin');
  const name = `Tills ${Date.now()}`;
  const secret = await createKey(page, name, /^Stock/);
  await expectNoSeriousA11yViolations(page); // the secret shown once, the list of keys

  // A count the first attempt never posted: a retry posting the same count would change nothing.
  const counted = 2 + testInfo.retry;
  const posted = await postStock(request, secret, [{ store: lyon.slug, ean: apiSku.ean, quantity: counted, mode: 'count' }]);
  expect(posted.status()).toBe(200);
  expect(await posted.json()).toMatchObject({ import: { status: 'applied', rows: 1, changed: 1 } });

  const shopperContext = await browser.newContext({ locale: 'en-GB' });
  await shopperContext.addCookies([{ name: 'my_store', value: String(lyon.id), url: baseURL! }]);
  const shopper = await shopperContext.newPage();
  await shopper.goto(`/p/${apiSku.productSlug}?sku=${apiSku.skuId}`);
  await expect(shopper.getByTestId('my-store-availability')).toContainText(`Only ${counted} left`);
  await shopperContext.close();

  // The list says when the key was last used, never its secret; revoking asks twice.
  await page.reload();
  const row = page.getByTestId('api-key').filter({ hasText: name });
  await expect(row.getByTestId('key-last-used')).not.toHaveText('never');
  await expect(page.getByText(secret)).toHaveCount(0);
  await row.getByRole('button', { name: `Revoke the key ${name}` }).click();
  await row.getByRole('button', { name: `Revoke the key ${name} for good` }).click();
  await expect(row.getByText(`Key “${name}” revoked`)).toBeVisible();
  await expect(row.getByTestId('key-status')).toHaveAttribute('data-status', 'revoked');

  const refused = await postStock(request, secret, [{ store: lyon.slug, ean: apiSku.ean, quantity: 9, mode: 'count' }]);
  expect(refused.status()).toBe(401);
  expect(await refused.json()).toMatchObject({ error: { code: 'unauthorized' } });
});

test('a webhook endpoint hears of an order placed: the first delivery refused, the retry signed and acknowledged, both in the log', async ({
  page,
  browser,
  request,
}, testInfo) => {
  only(testInfo);
  test.setTimeout(120_000);
  const { apiSku } = e2eData();
  const received: { signature: string; body: string; status: number }[] = [];
  const receiver = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      const status = received.length === 0 ? 503 : 200; // down the first time
      received.push({ signature: String(req.headers['comptoir-signature'] ?? ''), body, status });
      res.writeHead(status).end();
    });
  });
  await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/comptoir`;
  try {
    await signInAs(page, 'admin');
    await page.goto('/en/admin/webhooks');
    // A refused address: said on the field, and what was typed and ticked is still there to correct.
    await page.getByLabel('URL').fill(url.replace('http://', 'ftp://'));
    await page.getByLabel('Order placed').check();
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    await expect(page.getByLabel('URL')).toHaveAccessibleDescription(/http:\/\/ or https:\/\//);
    await expect(page.getByLabel('URL')).toHaveValue(url.replace('http://', 'ftp://'));
    await expect(page.getByLabel('Order placed')).toBeChecked();
    await page.getByLabel('URL').fill(url);
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    await expect(page.getByTestId('add-endpoint-message')).toContainText('Endpoint added');
    const signingSecret = await page.getByTestId('new-endpoint-secret').inputValue();

    // The web warehouse's stock of the SKU, posted by the ERP, so the order can be placed.
    const key = await createKey(page, `ERP ${Date.now()}`, /^Stock/);
    expect((await postStock(request, key, [{ store: 'WEB', ean: apiSku.ean, quantity: 5, mode: 'count' }])).status()).toBe(200);

    // A shopper orders it for home delivery.
    const shopperContext = await browser.newContext({ locale: 'en-GB' });
    const shopper = await shopperContext.newPage();
    await shopper.goto('/sign-up');
    await shopper.getByLabel('Name').fill('Alix Webhook');
    await shopper.getByLabel('Email').fill(`hook-${Date.now()}@example.com`);
    await shopper.getByLabel('Password', { exact: true }).fill('webhook-journey-4242');
    await shopper.getByRole('button', { name: 'Create my account' }).click();
    await expect(shopper).toHaveURL(/\/account$/);
    await shopper.goto(`/p/${apiSku.productSlug}?sku=${apiSku.skuId}`);
    await shopper.getByTestId('add-to-cart').getByRole('button', { name: 'Add to cart' }).click();
    await expect(shopper.getByRole('banner').getByTestId('cart-count')).toHaveText('1');
    await shopper.goto('/checkout');
    await shopper.getByLabel('Full name').fill('Alix Webhook');
    await shopper.getByLabel('Address').fill('3 place Bellecour');
    await shopper.getByLabel('Postcode').fill('69002');
    await shopper.getByLabel('Town').fill('Lyon');
    await shopper.getByLabel('Card number').fill('4242 4242 4242 4242');
    await shopper.getByLabel('Expiry date').fill('12/34');
    await shopper.getByLabel('Security code (CVC)').fill('123');
    await shopper.getByLabel('Name on card').fill('Alix Webhook');
    await shopper.getByTestId('place-order').click();
    await expect(shopper).toHaveURL(/\/account\/orders\/CMD-[A-Z2-9]{8}$/);
    const number = new URL(shopper.url()).pathname.split('/').pop()!;
    await shopperContext.close();

    // Delivered by the server's job (every second here), refused once, retried after its backoff.
    await expect.poll(() => received.length, { timeout: 60_000 }).toBeGreaterThanOrEqual(2);
    const [first, retry] = received;
    expect(first!.status).toBe(503);
    expect(retry!.body).toBe(first!.body);
    const event = JSON.parse(retry!.body) as { id: string; type: string; data: { order: { number: string } } };
    expect(event).toMatchObject({ type: 'order.placed', data: { order: { number } } });
    expect(verifyWebhookSignature(signingSecret, retry!.signature, retry!.body)).toBe(true);
    expect(verifyWebhookSignature('whsec_wrong', retry!.signature, retry!.body)).toBe(false);

    // The delivery log shows both attempts.
    await page.goto('/en/admin/webhooks');
    // This endpoint's delivery: a first attempt that failed before disabling its own endpoint left
    // one that hears of the same order.
    const delivery = page.getByTestId('webhook-delivery').filter({ hasText: event.id }).filter({ hasText: url });
    await expect(delivery.getByTestId('delivery-status')).toHaveAttribute('data-status', 'delivered');
    await expect(delivery.getByTestId('delivery-attempt')).toHaveCount(2);
    await expect(delivery.getByTestId('delivery-attempt').first()).toContainText('503');
    await expect(delivery.getByTestId('delivery-attempt').nth(1)).toContainText('200');
    await expectNoSeriousA11yViolations(page); // endpoints and the delivery log

    // Disabled (two taps): the journeys after this one queue nothing for a receiver that is gone.
    const endpoint = page.getByTestId('webhook-endpoint').filter({ hasText: url });
    await endpoint.getByRole('button', { name: `Disable ${url}` }).click();
    await endpoint.getByRole('button', { name: `Disable ${url}` }).click();
    await expect(endpoint.getByText('Endpoint disabled')).toBeVisible();
    await expect(endpoint.getByTestId('endpoint-status')).toHaveAttribute('data-status', 'disabled');
  } finally {
    await new Promise((r) => receiver.close(r));
  }
});
