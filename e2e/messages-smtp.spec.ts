import { expect, test, type Page } from '@playwright/test';
import { startSmtpServer, type ReceivedMail, type TestSmtpServer } from '../test/support/smtp';
import { adminUrl, createSeededDatabase, startServer, stopServer, withClient, type Server } from './support/pg-fleet';

/**
 * Messages that arrive (issue 19.4), the way a shopper gets them: a server of its own with
 * SMTP_URL pointing at a real SMTP server this journey starts (smtp-server, test/support/smtp.ts).
 * A shopper places a delivery order in the browser and the confirmation arrives by SMTP, in text
 * and HTML, with the link that opens the order; a cart left untouched gets one reminder, whose
 * link opens the cart, both in the language the shopper uses the shop in. The cart's idleness is made by moving its last change two hours back in
 * the database (the clock, not the code, is what a journey cannot wait for).
 * PostgreSQL only (its own database, copied from the seeded template), on the desktop project.
 */

const PASSWORD = 'mail-journey-4242';

test.skip(!adminUrl, 'needs PostgreSQL: set TEST_DATABASE_URL or E2E_PG_URL');
test.describe.configure({ mode: 'serial' });

let smtp: TestSmtpServer;
let server: Server;
let databaseUrl = '';
let drop: (() => Promise<void>) | undefined;

test.beforeAll(async ({}, testInfo) => {
  test.skip(testInfo.project.name !== 'desktop', 'one run is enough: the messages do not depend on the viewport');
  test.setTimeout(120_000);
  smtp = await startSmtpServer({ user: 'comptoir', password: 'mail-pass' });
  ({ url: databaseUrl, drop } = await createSeededDatabase('comptoir_mail'));
  server = await startServer({
    databaseUrl,
    env: {
      SMTP_URL: smtp.url,
      MESSAGES_FROM: 'Comptoir <bonjour@comptoir.example>',
      // The jobs every second, so the journey does not wait for the production cadence.
      MESSAGE_DELIVERY_SECONDS: '1',
      CART_REMINDER_SECONDS: '1',
      CART_REMINDER_IDLE_HOURS: '1',
    },
  });
});

test.afterAll(async () => {
  if (server) await stopServer(server);
  await drop?.();
  await smtp?.close();
});

/** The messages that reached the SMTP server for `email`, waited for until `count` are there. */
async function mailFor(email: string, match: (m: ReceivedMail) => boolean): Promise<ReceivedMail> {
  let found: ReceivedMail | undefined;
  await expect
    .poll(() => (found = smtp.received.find((m) => m.envelopeTo.includes(email) && match(m))), { timeout: 20_000, message: `a message to ${email}` })
    .toBeTruthy();
  return found!;
}

async function signUp(page: Page, name: string, email: string): Promise<void> {
  await page.goto(`${server.origin}/sign-up`);
  await page.getByLabel('Name').fill(name);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Create my account' }).click();
  await expect(page).toHaveURL(/\/account$/);
}

async function addToCart(page: Page, sku: { slug: string; id: number }): Promise<void> {
  await page.goto(`${server.origin}/p/${sku.slug}?sku=${sku.id}`);
  await page.getByTestId('add-to-cart').getByRole('button', { name: 'Add to cart' }).click();
  await expect(page.getByRole('banner').getByTestId('cart-count')).toHaveText(/^[1-9]/);
}

test('an order confirmation and a cart reminder are delivered through SMTP, and their links open the order and the cart', async ({ page }) => {
  test.setTimeout(120_000);
  const email = `mail-${Date.now()}@example.com`;
  // Two SKUs the web warehouse has plenty of (this database is the journey's alone).
  const { rows: skus } = await withClient(databaseUrl, (db) =>
    db.query<{ id: number; slug: string; nameEn: string }>(
      `SELECT k.id, p.slug, p.name_en AS "nameEn" FROM stock st JOIN skus k ON k.id = st.sku_id JOIN products p ON p.id = k.product_id
       WHERE st.location_id = (SELECT id FROM locations WHERE kind = 'warehouse' ORDER BY id LIMIT 1)
         AND st.on_hand - st.reserved >= 10 AND k.price_cents < 5000
       ORDER BY k.id LIMIT 2`,
    ),
  );
  const [ordered, left] = skus as [(typeof skus)[0], (typeof skus)[0]];

  await signUp(page, 'Élise Courrier', email);
  await addToCart(page, ordered);
  await page.goto(`${server.origin}/checkout`);
  await page.getByLabel('Full name').fill('Élise Courrier');
  await page.getByLabel('Address').fill('8 rue de la Poste');
  await page.getByLabel('Postcode').fill('69002');
  await page.getByLabel('Town').fill('Lyon');
  await page.getByLabel('Card number').fill('4242 4242 4242 4242');
  await page.getByLabel('Expiry date').fill('12/34');
  await page.getByLabel('Security code (CVC)').fill('123');
  await page.getByLabel('Name on card').fill('Élise Courrier');
  await page.getByTestId('place-order').click();
  await expect(page).toHaveURL(/\/account\/orders\/CMD-[A-Z2-9]{8}$/);
  const number = new URL(page.url()).pathname.split('/').pop()!;

  // The confirmation, in the language the order was placed in (the browser asks for English).
  const confirmation = await mailFor(email, (m) => m.subject.includes(number));
  expect(confirmation.subject).toBe(`Your order ${number} is confirmed`);
  expect(confirmation.from).toContain('bonjour@comptoir.example');
  expect(confirmation.text).toContain(`Thank you for your order ${number}`);
  expect(confirmation.text).toContain('8 rue de la Poste');
  expect(confirmation.html).toContain(number);
  const orderLink = confirmation.text!.match(new RegExp(`${server.origin}/\\S*account/orders/${number}`))?.[0];
  expect(orderLink, 'the confirmation links to the order').toBeTruthy();
  expect(confirmation.html).toContain(orderLink);
  await page.goto(orderLink!);
  await expect(page.getByRole('heading', { name: `Order ${number}` })).toBeVisible();

  // A cart left: another item, then its last change moved two hours back.
  await addToCart(page, left);
  const moved = await withClient(databaseUrl, (db) =>
    db.query(`UPDATE carts SET updated_at = now() - interval '2 hours' WHERE customer_id = (SELECT id FROM users WHERE lower(email) = lower($1))`, [email]),
  );
  expect(moved.rowCount).toBe(1);
  const reminder = await mailFor(email, (m) => m.subject.includes('cart'));
  // In the language the shopper signed up in (English here), as their account keeps it.
  expect(reminder.subject).toBe('Élise, your cart is waiting');
  expect(reminder.text).toContain(left.nameEn);
  expect(reminder.html).toContain('See my cart');
  const cartLink = reminder.text!.match(new RegExp(`${server.origin}/en/cart`))?.[0];
  expect(cartLink, 'the reminder links to the cart, in English').toBeTruthy();
  await page.goto(cartLink!);
  await expect(page).toHaveURL(/\/en\/cart$/);
  await expect(page.getByText(left.nameEn).first()).toBeVisible();

  // Each was sent once, though the jobs ran every second meanwhile.
  await page.waitForTimeout(3_000);
  const toShopper = smtp.received.filter((m) => m.envelopeTo.includes(email));
  expect(toShopper.map((m) => m.subject).sort()).toEqual([`Your order ${number} is confirmed`, 'Élise, your cart is waiting'].sort());
});
