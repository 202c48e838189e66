import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import { defineConfig, devices } from '@playwright/test';

/**
 * Journeys run against `next build && next start` (e2e/support/server.ts), never `next dev`: what
 * we test is what we ship. One server is shared by every worker, so a journey that changes stock
 * picks SKUs no other journey reads.
 */
const PORT = Number(process.env.E2E_PORT || 3100);
// One id per run, set by the runner before it starts the workers (they inherit it): the journeys
// that copy a seeded PostgreSQL template share this run's (e2e/support/pg-fleet.ts).
process.env.E2E_RUN_ID ??= randomUUID();
const baseURL = `http://127.0.0.1:${PORT}`;

// CI cannot download Playwright's browsers; Debian's Chromium stands in (.ci/ensure-chromium.sh).
// On a machine without it, Playwright's own Chromium is used (npx playwright install chromium).
const SYSTEM_CHROMIUM = '/usr/bin/chromium';
const launchOptions = {
  executablePath: fs.existsSync(SYSTEM_CHROMIUM) ? SYSTEM_CHROMIUM : undefined,
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-quic',
  ],
};

const SHOPPER_JOURNEYS = /\/(account|card-offline|cart|checkout-drive|drive-substitutes|last-unit|live-availability|my-store|reserve|returns)\.spec\.ts$/;
const STAFF_JOURNEYS =
  /\/(back-office|checkout-delivery|drive-desk|faults|http-fuzz|import|live-two-servers|pickup-desk|staff-stock|till|till-close)\.spec\.ts$/;

/** A device descriptor without its `channel`, so `executablePath` decides which Chromium runs. */
function device(name: keyof typeof devices) {
  const { channel: _channel, ...rest } = devices[name] as (typeof devices)[string] & { channel?: string };
  return rest;
}

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results',
  fullyParallel: false,
  forbidOnly: Boolean(process.env.CI),
  retries: process.env.CI ? 1 : 0,
  // Two cores: the server and the browsers share them.
  workers: Number(process.env.E2E_WORKERS || 2),
  reporter: 'list',
  timeout: 45_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL,
    // The UI is bilingual (Accept-Language decides); English labels unless a test switches.
    locale: 'en-GB',
    timezoneId: 'Europe/Paris',
    trace: 'retain-on-failure',
    launchOptions,
  },
  projects: [
    // Each journey runs where it is lived: the shopper's on a phone (the storefront is phone-first),
    // the staff desks on a desktop; pages whose layout differs most (a11y, browse, smoke) on both.
    // Two cores run the whole suite, and CI's budget is 20 minutes.
    {
      name: 'desktop',
      use: { ...device('Desktop Chrome'), viewport: { width: 1280, height: 800 }, launchOptions },
      testIgnore: SHOPPER_JOURNEYS,
    },
    {
      name: 'phone',
      use: { ...device('Pixel 7'), launchOptions },
      testIgnore: STAFF_JOURNEYS,
    },
  ],
  webServer: {
    // `node --import tsx` rather than `npx tsx`: one process, so signals reach the server directly.
    command: 'node --import tsx e2e/support/server.ts',
    // Ready when the port accepts connections; a page that fails then fails its test, loudly,
    // instead of a 180 s wait for a 200 that never comes.
    port: PORT,
    reuseExistingServer: !process.env.CI,
    timeout: 180_000,
    stdout: 'pipe',
    stderr: 'pipe',
    // SIGTERM first so the server releases its PGlite lock; SIGKILL after 10 s.
    gracefulShutdown: { signal: 'SIGTERM', timeout: 10_000 },
    // Webhooks are delivered every second and retried after a second here (e2e/api.spec.ts), to a
    // receiver on 127.0.0.1: private addresses allowed (refused by default, lib/webhooks/address.ts).
    env: { E2E_PORT: String(PORT), WEBHOOK_DELIVERY_SECONDS: '1', WEBHOOK_BACKOFF_BASE_MS: '1000', WEBHOOK_ALLOW_PRIVATE: '1' },
  },
});
