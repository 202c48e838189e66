import { expect, type Page } from '@playwright/test';

export type DemoAccount = { email: string; password: string; role: 'shopper' | 'staff' | 'admin' | 'catalogue' };

/** The accounts the demo seed creates (lib/db/seed). */
export const accounts = {
  shopper: { email: 'camille@example.com', password: 'comptoir-shopper', role: 'shopper' },
  staff: { email: 'sam@example.com', password: 'comptoir-staff', role: 'staff' },
  admin: { email: 'admin@example.com', password: 'comptoir-admin', role: 'admin' },
  catalogue: { email: 'claire@example.com', password: 'comptoir-catalogue', role: 'catalogue' },
} as const satisfies Record<string, DemoAccount>;

/**
 * Signs in through the real form, by its English labels (the config sets locale en-GB), and waits
 * until the app has navigated away from /sign-in.
 */
export async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: /^sign in$/i }).click();
  await expect(page).not.toHaveURL(/\/sign-in(\?|$)/);
}

/** Signs in as one of the demo accounts. */
export function signInAs(page: Page, who: keyof typeof accounts): Promise<void> {
  const account = accounts[who];
  return signIn(page, account.email, account.password);
}
