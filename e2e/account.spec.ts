import { expect, test } from '@playwright/test';
import { signIn } from './support/fixtures';

test('sign up, sign out, sign in again; refusals are explained', async ({ page }, testInfo) => {
  const email = `e2e-${testInfo.project.name}-${Date.now()}@example.com`;
  const password = 'long-enough-42';

  await page.goto('/sign-up');
  await page.getByLabel('Name').fill('Alex Durand');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password', { exact: true }).fill('short');
  await page.getByRole('button', { name: 'Create my account' }).click();
  // The field's own error, not the hint under it (which is always there).
  await expect(page.getByText('The password needs at least 10 characters')).toBeVisible();

  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Create my account' }).click();
  await expect(page).toHaveURL(/\/account/);
  await expect(page.getByText(email)).toBeVisible();

  // Gated pages read the session without re-issuing its cookie: a response still in flight when the
  // shopper signs out (a prefetch of the card, say) must not sign them back in.
  for (const path of ['/account/card', '/account/orders/CMD-NONE']) {
    const res = await page.request.get(path, { maxRedirects: 0 });
    expect(res.status(), path).toBeLessThan(500);
    const setCookies = res.headersArray().filter((h) => h.name.toLowerCase() === 'set-cookie');
    expect(setCookies.map((h) => h.value).join('\n'), path).not.toContain('session-token');
  }

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('banner').getByRole('link', { name: 'Sign in' })).toBeVisible();

  // The same email cannot be taken twice.
  await page.goto('/sign-up');
  await page.getByLabel('Name').fill('Someone Else');
  await page.getByLabel('Email').fill(email.toUpperCase());
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Create my account' }).click();
  await expect(page.getByText('An account already exists for this email')).toBeVisible();

  // A wrong password is a message, not an error page.
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password', { exact: true }).fill('wrong-password-1');
  await page.getByRole('button', { name: /^sign in$/i }).click();
  await expect(page.getByText('Email or password is incorrect')).toBeVisible();

  await signIn(page, email, password);
  await expect(page).toHaveURL(/\/account/);
});

test('ten wrong passwords hold the account for 15 minutes, on the form and on the sign-in route; other sites cannot post there', async ({ page, browser }, testInfo) => {
  const email = `e2e-throttle-${testInfo.project.name}-${Date.now()}@example.com`;
  const password = 'long-enough-42';
  await page.goto('/sign-up');
  await page.getByLabel('Name').fill('Alex Durand');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Create my account' }).click();
  await expect(page).toHaveURL(/\/account/);

  const guesser = await browser.newContext({ baseURL: testInfo.project.use.baseURL, locale: 'en-GB' });
  const form = await guesser.newPage();
  await form.goto('/sign-in');
  await form.getByLabel('Email').fill(email);
  await form.getByLabel('Password', { exact: true }).fill('wrong-password-0');
  await form.getByRole('button', { name: /^sign in$/i }).click();
  await expect(form.getByText('Email or password is incorrect')).toBeVisible();

  // Nine more wrong guesses straight at Auth.js's own endpoint: the same count holds both doors.
  const { csrfToken } = (await (await form.request.get('/api/auth/csrf')).json()) as { csrfToken: string };
  const guess = (pw: string) =>
    form.request.post('/api/auth/callback/credentials', { form: { email, password: pw, csrfToken, callbackUrl: '/' }, maxRedirects: 0 });
  for (let i = 1; i <= 9; i++) expect((await guess(`wrong-password-${i}`)).headers()['location']).toContain('code=credentials');
  const direct = await guess(password);
  expect(direct.headers()['location']).toContain('code=throttled');
  expect(direct.headersArray().map((h) => `${h.name}: ${h.value}`).join('\n')).not.toContain('session-token');

  // The form refuses even the right password now, and says for how long.
  await form.getByLabel('Password', { exact: true }).fill(password);
  await form.getByRole('button', { name: /^sign in$/i }).click();
  await expect(form.getByText('Too many sign-in attempts for this account from this network. For your security, try again in 15 min.')).toBeVisible();
  await expect(form).toHaveURL(/\/sign-in/);

  // A form on another site cannot post to the sign-in route (cross-site request forgery).
  const forged = await form.request.post('/api/auth/signout', {
    form: { csrfToken, callbackUrl: '/' },
    headers: { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' },
    maxRedirects: 0,
  });
  expect(forged.status()).toBe(403);
  expect(((await forged.json()) as { error: string }).error).toContain('must come from a page of this site');
  await guesser.close();
});
