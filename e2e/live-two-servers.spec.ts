import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import net from 'node:net';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import pg from 'pg';
import { DEMO_STAFF_STORE_SLUGS } from '../lib/db/seed/users';
import { signInAs } from './support/fixtures';
import { openSse } from './support/sse-client';

/**
 * Two `next start` processes on one PostgreSQL database, as a fleet runs: a delivery recorded in
 * the staff console of server A reaches a stock stream and a shopper's page served by server B.
 * Only PostgreSQL can share a database between processes, so this runs when TEST_DATABASE_URL (CI)
 * or E2E_PG_URL names a local server; it makes a database of its own beside it and drops it after.
 */
const adminUrl = process.env.E2E_PG_URL || process.env.TEST_DATABASE_URL || '';
const root = process.cwd();
const NEXT_BIN = path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next');

test.skip(!adminUrl, 'needs PostgreSQL: set TEST_DATABASE_URL or E2E_PG_URL');
test.describe.configure({ mode: 'serial' });

let databaseUrl = '';
let databaseName = '';
const servers: { origin: string; child: ChildProcess }[] = [];

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer().on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      srv.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

function run(args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: root, env, stdio: ['ignore', 'ignore', 'inherit'] });
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${args.join(' ')} exited with ${code}`))));
  });
}

async function admin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

async function startServer(): Promise<{ origin: string; child: ChildProcess }> {
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, [NEXT_BIN, 'start', '-p', String(port)], {
    cwd: root,
    detached: true, // its own process group, so the whole server goes when we stop it
    stdio: ['ignore', 'ignore', 'inherit'],
    env: {
      ...process.env,
      NODE_ENV: 'production',
      NEXT_DIST_DIR: process.env.NEXT_DIST_DIR || '.next',
      DATABASE_URL: databaseUrl,
      AUTH_SECRET: 'comptoir-e2e-two-servers-secret-0000000000000000',
      AUTH_TRUST_HOST: 'true',
      AUTH_URL: origin,
      NEXT_TELEMETRY_DISABLED: '1',
    },
  });
  const server = { origin, child };
  servers.push(server);
  for (const deadline = Date.now() + 30_000; ; ) {
    if (child.exitCode !== null) throw new Error(`next start exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${origin}/api/availability?sku=1&warehouse=1`)).ok) return server;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) throw new Error(`next start did not answer on ${origin}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

test.beforeAll(async ({}, testInfo) => {
  test.skip(testInfo.project.name !== 'desktop', 'one run is enough: no viewport is involved');
  test.setTimeout(120_000);
  databaseName = `comptoir_live_${randomBytes(5).toString('hex')}`;
  await admin((c) => c.query(`CREATE DATABASE ${databaseName}`));
  const url = new URL(adminUrl);
  url.pathname = `/${databaseName}`;
  databaseUrl = url.toString();
  await run(['--import', 'tsx', 'lib/db/setup.ts', '--reset'], { ...process.env, DATABASE_URL: databaseUrl, SEED_SCALE: 'demo' });
  await Promise.all([startServer(), startServer()]);
});

test.afterAll(async () => {
  await Promise.all(
    servers.map(
      ({ child }) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve();
          child.once('exit', () => resolve());
          process.kill(-child.pid!, 'SIGTERM');
          setTimeout(() => child.exitCode === null && process.kill(-child.pid!, 'SIGKILL'), 5_000).unref();
        }),
    ),
  );
  if (databaseName) await admin((c) => c.query(`DROP DATABASE IF EXISTS ${databaseName} WITH (FORCE)`));
});

test('a delivery recorded through server A reaches the stream and the shopper page of server B', async ({ browser }) => {
  test.setTimeout(60_000);
  const [a, b] = servers as [(typeof servers)[0], (typeof servers)[0]];
  // A SKU out of stock at the demo staff member's first store (this database is ours alone).
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  const { rows } = await db.query<{ store: number; sku: number; ean: string; slug: string }>(
    `SELECT s.location_id AS store, k.id AS sku, k.ean13 AS ean, p.slug
     FROM stores s JOIN stock st ON st.location_id = s.location_id JOIN skus k ON k.id = st.sku_id JOIN products p ON p.id = k.product_id
     WHERE s.slug = $1 AND st.on_hand = 0 AND st.reserved = 0 ORDER BY k.id LIMIT 1`,
    [DEMO_STAFF_STORE_SLUGS[0]],
  );
  await db.end();
  const target = rows[0]!;

  const streamB = openSse(`${b.origin}/api/availability/stream?sku=${target.sku}&stores=${target.store}`);
  await streamB.opened;
  const shopperContext = await browser.newContext({ baseURL: b.origin, locale: 'en-GB' });
  await shopperContext.addCookies([{ name: 'my_store', value: String(target.store), url: b.origin }]);
  const shopper = await shopperContext.newPage();
  await shopper.goto(`/p/${target.slug}?sku=${target.sku}`);
  await expect(shopper.getByTestId('availability')).toHaveAttribute('data-live-status', 'live');
  await expect(shopper.getByTestId('my-store-availability')).toContainText('Out of stock');

  const staffContext = await browser.newContext({ baseURL: a.origin, locale: 'en-GB' });
  const staff = await staffContext.newPage();
  await signInAs(staff, 'staff');
  await staff.goto(`/staff/stores/${target.store}`);
  await staff.getByLabel('Barcode or product name').fill(target.ean);
  await staff.getByLabel('Barcode or product name').press('Enter');
  const row = staff.getByTestId(`stock-row-${target.sku}`);
  await row.getByLabel('Delivery received (quantity)').fill('2');
  await row.getByRole('button', { name: 'Record delivery' }).click();
  await expect(row.getByText(/Received 2 × .* now 2 on hand/)).toBeVisible();

  await expect
    .poll(() => streamB.events.filter((e) => e.event === 'stock').map((e) => JSON.parse(e.data) as unknown), { timeout: 5_000 })
    .toEqual([expect.objectContaining({ storeId: target.store, skuId: target.sku, available: 2 })]);
  await expect(shopper.getByTestId('my-store-availability')).toContainText('Only 2 left', { timeout: 5_000 });
  streamB.close();
  await shopperContext.close();
  await staffContext.close();
});
