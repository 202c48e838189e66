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
