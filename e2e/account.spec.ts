import { expect, test, type BrowserContext, type Cookie } from '@playwright/test';
import { accounts, signIn } from './support/fixtures';

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

  await page.getByRole('button', { name: 'Sign out', exact: true }).click();
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

test('ten wrong passwords from one address hold the account there for 15 minutes, on the form and on the sign-in route, whatever X-Forwarded-For says; other sites cannot post there', async ({
  page,
  browser,
}, testInfo) => {
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

  // Nine more wrong guesses straight at Auth.js's own endpoint: the same count holds both doors. Each
  // names a different X-Forwarded-For: with no trusted proxy (TRUSTED_PROXY_HOPS unset) the server
  // counts the socket's address, so they all count against this one address.
  const { csrfToken } = (await (await form.request.get('/api/auth/csrf')).json()) as { csrfToken: string };
  const guess = (pw: string, i = 0) =>
    form.request.post('/api/auth/callback/credentials', {
      form: { email, password: pw, csrfToken, callbackUrl: '/' },
      headers: { 'x-forwarded-for': `10.9.9.${i}` },
      maxRedirects: 0,
    });
  for (let i = 1; i <= 9; i++) expect((await guess(`wrong-password-${i}`, i)).headers()['location']).toContain('code=credentials');
  const direct = await guess(password);
  expect(direct.headers()['location']).toContain('code=throttled');
  expect(
    direct
      .headersArray()
      .map((h) => `${h.name}: ${h.value}`)
      .join('\n'),
  ).not.toContain('session-token');

  // The form refuses even the right password now, from this address, and says for how long.
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

test('signing out ends the session: a cookie captured before opens nothing after, on /account, /api/auth/session or the staff gate', async ({
  page,
  browser,
}, testInfo) => {
  // Four browser contexts and about fifteen page loads: three times the default budget on a two-core
  // runner (it ran out at 45 s under load while its own step still had time to wait).
  test.slow();
  const email = `e2e-sessions-${testInfo.project.name}-${Date.now()}@example.com`;
  const baseURL = testInfo.project.use.baseURL;
  /** A device that replays `cookies` captured earlier (what a thief with a copied cookie does). */
  const replay = (cookies: Cookie[]) => browser.newContext({ baseURL, locale: 'en-GB', storageState: { cookies, origins: [] } });
  const sessionOf = async (ctx: BrowserContext) => (await (await ctx.request.get('/api/auth/session')).json()) as { user?: { email?: string } } | null;

  await page.goto('/sign-up');
  await page.getByLabel('Name').fill('Alex Durand');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password', { exact: true }).fill('long-enough-42');
  await page.getByRole('button', { name: 'Create my account' }).click();
  await expect(page).toHaveURL(/\/account/);
  const phone = await browser.newContext({ baseURL, locale: 'en-GB' });
  const phonePage = await phone.newPage();
  await signIn(phonePage, email, 'long-enough-42');

  const captured = await page.context().cookies();
  const thief = await replay(captured);
  expect((await sessionOf(thief))?.user?.email).toBe(email.toLowerCase());
  await page.getByRole('button', { name: 'Sign out', exact: true }).click();
  await expect(page.getByRole('banner').getByRole('link', { name: 'Sign in' })).toBeVisible();
  // The copied cookie is worth nothing now, on the API and on the page.
  expect(await sessionOf(thief)).toBeNull();
  const stolen = await thief.newPage();
  await stolen.goto('/account');
  await expect(stolen).toHaveURL(/\/sign-in\?callbackUrl=(%2Fen)?%2Faccount/);
  await thief.close();

  // The other device is still signed in; it lists both… then changes the password, then signs every device out.
  await phonePage.goto('/account');
  await expect(phonePage.getByTestId('account-devices').getByRole('listitem')).toHaveCount(1);
  await phonePage.getByLabel('Current password').fill('long-enough-42');
  await phonePage.getByLabel('New password').fill('even-longer-43');
  await phonePage.getByRole('button', { name: 'Change password' }).click();
  await expect(phonePage.getByText('Password changed. Your other devices are signed out.')).toBeVisible();
  const phoneCookies = await phone.cookies();
  await phonePage.getByRole('button', { name: 'Sign out of all my devices' }).click();
  await expect(phonePage.getByRole('banner').getByRole('link', { name: 'Sign in' })).toBeVisible();
  const phoneThief = await replay(phoneCookies);
  expect(await sessionOf(phoneThief)).toBeNull();
  await phoneThief.close();
  await phone.close();

  // Staff: a session ended by sign-out does not pass the proxy's gate in front of the console.
  const desk = await browser.newContext({ baseURL, locale: 'en-GB' });
  const deskPage = await desk.newPage();
  await signIn(deskPage, accounts.staff.email, accounts.staff.password);
  const deskCookies = await desk.cookies();
  await deskPage.goto('/account');
  await deskPage.getByRole('button', { name: 'Sign out', exact: true }).click();
  await expect(deskPage.getByRole('banner').getByRole('link', { name: 'Sign in' })).toBeVisible();
  const deskThief = await replay(deskCookies);
  const gate = await deskThief.request.get('/en/staff', { maxRedirects: 0 });
  expect(gate.status()).toBe(307);
  expect(gate.headers()['location']).toContain('/en/sign-in?callbackUrl=%2Fen%2Fstaff');
  await deskThief.close();
  await desk.close();
});

test('the header never names the person again once they sign out, even if it reads while the sign-out is under way', async ({ page }) => {
  await signIn(page, accounts.staff.email, accounts.staff.password);
  await page.goto('/account');
  const accountLink = page.getByRole('banner').getByRole('link', { name: /^Account: / });
  await expect(accountLink).toBeVisible();
  const label = (await accountLink.getAttribute('aria-label')) ?? '';
  // The sign-out reaches the server 1.5 s late, and the window gains focus meanwhile: SWR reads
  // the visitor on focus, and before the hold that read came back with the session still alive.
  await page.route(
    (url) => url.pathname === '/account',
    async (route) => {
      if (route.request().method() === 'POST') await new Promise((r) => setTimeout(r, 1_500));
      await route.fallback();
    },
  );
  // Every state the header goes through from the click on: named, or not.
  await page.evaluate((named) => {
    const seen: boolean[] = [];
    (window as unknown as { headerStates: boolean[] }).headerStates = seen;
    const isNamed = () => [...document.querySelectorAll('header a[aria-label]')].some((a) => a.getAttribute('aria-label') === named);
    new MutationObserver(() => {
      const now = isNamed();
      if (seen[seen.length - 1] !== now) seen.push(now);
    }).observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
  }, label);
  await page.getByRole('button', { name: 'Sign out', exact: true }).click();
  await page.waitForTimeout(300);
  await page.evaluate(() => window.dispatchEvent(new Event('focus')));
  await expect(page.getByRole('banner').getByRole('link', { name: 'Sign in' })).toBeVisible();
  await page.waitForTimeout(1_000); // a late answer would land now
  const states = await page.evaluate(() => (window as unknown as { headerStates: boolean[] }).headerStates);
  // From the click: the name goes (placeholders) and never comes back.
  expect(states.indexOf(false)).toBeGreaterThanOrEqual(0);
  expect(states.slice(states.indexOf(false))).not.toContain(true);
  await expect(accountLink).toHaveCount(0);
});
