import { test } from '@playwright/test';
import { e2eData } from './support/data';
import { expectNoSeriousA11yViolations } from './support/axe';
import { signInAs } from './support/fixtures';

test('the main shopper pages have no serious or critical accessibility violations', async ({ page }, testInfo) => {
  test.setTimeout(150_000); // ten pages, each a full axe scan, on a two-core machine
  const { browseProductSlug, lyon } = e2eData();
  const all = [
    '/',
    '/c/chaussures',
    '/search?q=chaussures',
    `/p/${browseProductSlug}`,
    '/stores',
    '/stores?near=69003',
    `/stores/${lyon.slug}`,
    '/sign-in',
    '/sign-up',
    '/about',
  ];
  // Every page on the phone (the storefront is phone-first); on the desktop, the pages whose
  // desktop layout differs most (header and menus, the product's two columns, the map beside the list).
  const pages = testInfo.project.name === 'phone' ? all : ['/', `/p/${browseProductSlug}`, '/stores?near=69003'];
  for (const url of pages) {
    await page.goto(url);
    await expectNoSeriousA11yViolations(page);
  }
});

test('the header search box with its suggestions open has no serious or critical accessibility violations', async ({ page }) => {
  await page.goto('/');
  const search = page.getByRole('combobox', { name: 'Search' });
  await search.click();
  await search.pressSequentially('fry', { delay: 50 });
  await page.getByRole('listbox', { name: 'Suggestions' }).getByRole('option').first().waitFor();
  await search.press('ArrowDown'); // an option chosen: aria-activedescendant set
  await expectNoSeriousA11yViolations(page);
});

test('the staff console has no serious or critical accessibility violations', async ({ page }) => {
  await signInAs(page, 'staff');
  await page.goto('/staff');
  await expectNoSeriousA11yViolations(page);
  await page.goto(`/staff/stores/${e2eData().lyon.id}`);
  await expectNoSeriousA11yViolations(page);
});
