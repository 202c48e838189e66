import { test } from '@playwright/test';
import { e2eData } from './support/data';
import { expectNoSeriousA11yViolations } from './support/axe';
import { signInAs } from './support/fixtures';

test('the main shopper pages have no serious or critical accessibility violations', async ({ page }) => {
  test.setTimeout(150_000); // ten pages, each a full axe scan, on a two-core machine
  const { browseProductSlug, lyon } = e2eData();
  for (const url of ['/', '/c/chaussures', '/search?q=chaussures', `/p/${browseProductSlug}`, '/stores', '/stores?near=69003', `/stores/${lyon.slug}`, '/sign-in', '/sign-up', '/about']) {
    await page.goto(url);
    await expectNoSeriousA11yViolations(page);
  }
});

test('the staff console has no serious or critical accessibility violations', async ({ page }) => {
  await signInAs(page, 'staff');
  await page.goto('/staff');
  await expectNoSeriousA11yViolations(page);
  await page.goto(`/staff/stores/${e2eData().lyon.id}`);
  await expectNoSeriousA11yViolations(page);
});
