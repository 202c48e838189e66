import type { Page } from '@playwright/test';

/**
 * The next server action posted to `url` (whose body `matches`) reaches the server, which commits
 * it, and its answer never reaches the page: the connection is reset once the server has answered.
 * What a shopper on a train, or a till on a flaky shop Wi-Fi, lives through.
 */
export async function loseNextAnswer(page: Page, url: string, matches: (body: string) => boolean = () => true): Promise<void> {
  let lost = false;
  await page.route(url, async (route) => {
    const request = route.request();
    if (lost || request.method() !== 'POST' || !request.headers()['next-action'] || !matches(request.postData() ?? '')) return route.fallback();
    lost = true;
    await route.fetch();
    await route.abort('connectionreset');
  });
}
