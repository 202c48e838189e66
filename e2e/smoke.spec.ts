import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './support/axe';
import { freePort } from './support/pg-fleet';

test('the home page answers, has a heading and no serious accessibility problem', async ({ page }) => {
  const response = await page.goto('/');
  expect(response?.status()).toBe(200);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
});

/**
 * A second `next start` on the embedded database this run's server holds must not come up: two
 * processes on one PGlite folder lose writes, and a server that answered 200 on / while failing
 * every product page would pass a load balancer's health check. It exits non-zero at once, naming
 * the folder and the process that holds it.
 */
test('a second server on the same embedded database refuses to start', async ({}, testInfo) => {
  test.skip(testInfo.project.name !== 'desktop', 'one run is enough: no viewport is involved');
  const dataDir = path.resolve(process.env.E2E_PGLITE_DIR || path.join('.data', 'e2e'));
  test.skip(!fs.existsSync(`${dataDir}.lock`), 'the e2e server runs on PostgreSQL');
  const holder = fs.readFileSync(`${dataDir}.lock`, 'utf8').trim();
  const port = await freePort();
  const second = spawn(process.execPath, [path.join('node_modules', 'next', 'dist', 'bin', 'next'), 'start', '-p', String(port)], {
    env: {
      ...process.env,
      NODE_ENV: 'production',
      NEXT_DIST_DIR: process.env.NEXT_DIST_DIR || '.next',
      PGLITE_DIR: dataDir,
      DATABASE_URL: '',
      AUTH_SECRET: 'a-second-server-that-must-not-start-0000000000',
      AUTH_TRUST_HOST: 'true',
      COMPTOIR_JOBS: 'off',
      NEXT_TELEMETRY_DISABLED: '1',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  for (const s of [second.stdout, second.stderr]) s.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const timer = setTimeout(() => second.kill('SIGKILL'), 20_000);
  const code = await new Promise<number | null>((resolve) => second.on('exit', (c) => resolve(c)));
  clearTimeout(timer);
  expect(code, output).toBe(1);
  expect(output).toContain(`The embedded database at ${dataDir} is already open in process ${holder}.`);
  // And the first server still holds its folder and answers.
  expect(fs.readFileSync(`${dataDir}.lock`, 'utf8').trim()).toBe(holder);
});
