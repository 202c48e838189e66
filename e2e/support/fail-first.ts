/**
 * A check that a journey can pass on its retry (docs/testing.md): it fails every journey's first
 * attempt after it has passed, so the retry runs on the data the first attempt changed. No journey
 * imports it; to check one, point its `@playwright/test` import here and run it with `--retries 1`:
 * each test should come out flaky, none failed.
 */
import { test as base } from '@playwright/test';

export * from '@playwright/test';

export const test = base.extend<{ failFirst: void }>({
  failFirst: [
    async ({}, use, testInfo) => {
      await use();
      if (testInfo.retry === 0 && testInfo.status === 'passed') throw new Error('fail-first: the first attempt passed; failed on purpose to run the retry');
    },
    { auto: true },
  ],
});
