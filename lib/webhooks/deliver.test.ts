import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { onPostgres, useTestDatabase } from '@/test/support/db';
import { insertOrder } from '@/test/support/api';
import { insertStore, insertUser } from '@/test/support/fixtures';
import { disableWebhookEndpoint, registerWebhookEndpoint, retryWebhookDelivery, WebhookAddressError } from './commands';
import * as address from './address';
import { PRIVATE_ADDRESS_ERROR } from './config';
import { deliverDueWebhooks } from './deliver';
import { listDeliveries } from './queries';
import { signWebhook, verifyWebhookSignature } from './signature';

// The address check, as it is, unless a test says what it saw (the rebinding test below).
vi.mock('./address', async (actual) => {
  const real = await actual<typeof import('./address')>();
  return { ...real, checkWebhookAddress: vi.fn(real.checkWebhookAddress) };
});

type Received = { headers: http.IncomingHttpHeaders; body: string };

/** A receiver that answers each request with the next status of `script` (then 200). */
async function receiver(script: number[]): Promise<{ url: string; received: Received[]; close: () => Promise<void> }> {
  const received: Received[] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      received.push({ headers: req.headers, body });
      res.writeHead(script.shift() ?? 200).end('ok');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/hooks`, received, close: () => new Promise((r) => server.close(() => r())) };
}

let conn: Awaited<ReturnType<typeof useTestDatabase>>;
let admin: number;
let shopper: number;
let store: number;
beforeAll(async () => {
  conn = await useTestDatabase();
  admin = await insertUser(conn.db, { email: 'admin@example.com', role: 'admin' });
  shopper = await insertUser(conn.db, { email: 'camille@example.com' });
  store = await insertStore(conn.db, { slug: 'lyon', lat: 45.76, lng: 4.85, drive: true });
});
afterAll(async () => conn?.drop());
beforeEach(async () => {
  vi.stubEnv('WEBHOOK_BACKOFF_BASE_MS', '1500');
  vi.stubEnv('WEBHOOK_ALLOW_PRIVATE', '1'); // the receivers here listen on 127.0.0.1
  // Raw SQL: each test starts with no endpoint and no delivery.
  await conn.db.execute(sql`DELETE FROM webhook_endpoints`);
  return () => vi.unstubAllEnvs();
});

/** Runs the job until `done` (or 15 s: the machine may be slow), the backoff being a few ms here. */
async function drain(done: () => boolean | Promise<boolean>): Promise<void> {
  const until = Date.now() + 15_000;
  while (!(await done()) && Date.now() < until) {
    await deliverDueWebhooks();
    await new Promise((r) => setTimeout(r, 20));
  }
}

const listRecentDeliveries = async () => (await listDeliveries()).deliveries;

/** An order placed now is not posted to `hook`: its delivery is given up at its first attempt, as a private address. */
async function expectOrderGivenUpAsPrivate(hook: { received: Received[] }): Promise<void> {
  await insertOrder(conn.db, { customerId: shopper, locationId: store });
  expect(await deliverDueWebhooks()).toEqual({ delivered: 0, failed: 1 });
  expect(hook.received).toHaveLength(0);
  const [log] = await listRecentDeliveries();
  expect(log).toMatchObject({ status: 'failed' });
  expect(log!.attempts).toEqual([expect.objectContaining({ attempt: 1, statusCode: null, error: PRIVATE_ADDRESS_ERROR })]);
}

const settled = async () => (await listRecentDeliveries()).every((d) => d.status !== 'queued');

describe('webhooks out', () => {
  it('signs HMAC-SHA256 over "t.body": verified with the secret, refused with another body, secret or an old timestamp', () => {
    const at = new Date('2026-12-06T12:00:00Z');
    const header = signWebhook('whsec_x', '{"a":1}', at);
    expect(header).toMatch(/^t=1796558400,v1=[0-9a-f]{64}$/);
    expect(verifyWebhookSignature('whsec_x', header, '{"a":1}', { now: at })).toBe(true);
    expect(verifyWebhookSignature('whsec_x', header, '{"a":2}', { now: at })).toBe(false);
    expect(verifyWebhookSignature('whsec_y', header, '{"a":1}', { now: at })).toBe(false);
    expect(verifyWebhookSignature('whsec_x', header, '{"a":1}', { now: new Date(at.getTime() + 600_000) })).toBe(false);
    expect(verifyWebhookSignature('whsec_x', 'garbage', '{"a":1}', { now: at })).toBe(false);
  });

  it('queues order.placed in the order’s transaction, posts it signed, retries a failure with backoff, and logs every attempt', async () => {
    const hook = await receiver([500]);
    try {
      const { secret } = await registerWebhookEndpoint({ url: hook.url, events: ['order.placed'], createdBy: admin });
      const order = await insertOrder(conn.db, { customerId: shopper, locationId: store, totalCents: 4200 });
      // A rolled-back order sends nothing.
      await conn.db
        .transaction(async (tx) => {
          await insertOrder(tx as never, { customerId: shopper, locationId: store });
          tx.rollback();
        })
        .catch(() => {});
      const first = await deliverDueWebhooks();
      expect(first).toEqual({ delivered: 0, failed: 1 });
      // Not due again until its backoff has passed.
      expect(await deliverDueWebhooks()).toEqual({ delivered: 0, failed: 0 });
      await new Promise((r) => setTimeout(r, 1600));
      expect(await deliverDueWebhooks()).toEqual({ delivered: 1, failed: 0 });
      expect(hook.received).toHaveLength(2);
      for (const r of hook.received) {
        expect(verifyWebhookSignature(secret, r.headers['comptoir-signature'] as string, r.body)).toBe(true);
        expect(r.headers['comptoir-event']).toBe('order.placed');
      }
      const payload = JSON.parse(hook.received[1]!.body);
      expect(payload).toMatchObject({ id: `order.placed:${order.id}`, type: 'order.placed', data: { order: { number: order.number, total_cents: 4200 } } });
      const [log] = await listRecentDeliveries();
      expect(log).toMatchObject({ status: 'delivered', event: 'order.placed', eventId: `order.placed:${order.id}` });
      expect(log!.attempts.map((a) => [a.attempt, a.statusCode])).toEqual([
        [1, 500],
        [2, 200],
      ]);
      expect(log!.attempts[0]!.error).toBe('HTTP 500');
    } finally {
      await hook.close();
    }
  });

  it('gives up after WEBHOOK_MAX_ATTEMPTS, and an unreachable receiver is a failure like any other', async () => {
    vi.stubEnv('WEBHOOK_MAX_ATTEMPTS', '3');
    vi.stubEnv('WEBHOOK_BACKOFF_BASE_MS', '1');
    const hook = await receiver([503, 503, 503, 503]);
    const closed = await receiver([]);
    await closed.close();
    try {
      await registerWebhookEndpoint({ url: hook.url, events: ['order.placed'], createdBy: admin });
      await registerWebhookEndpoint({ url: closed.url, events: ['order.placed'], createdBy: admin });
      await insertOrder(conn.db, { customerId: shopper, locationId: store });
      await drain(settled);
      expect(hook.received).toHaveLength(3);
      const log = await listRecentDeliveries();
      expect(log.map((d) => [d.status, d.attempts.length])).toEqual([
        ['failed', 3],
        ['failed', 3],
      ]);
      const unreachable = log.find((d) => d.url === closed.url)!;
      expect(unreachable.attempts[0]).toMatchObject({ statusCode: null, error: expect.stringMatching(/ECONNREFUSED|fetch failed/) });
      // The admin tries a given-up delivery again: one more attempt, numbered on from the others.
      const given = log.find((d) => d.url === hook.url)!;
      expect(await retryWebhookDelivery(given.id)).toBe(true);
      expect(await retryWebhookDelivery(given.id)).toBe(false); // queued now, not failed
      await drain(settled);
      const again = (await listRecentDeliveries()).find((d) => d.id === given.id)!;
      expect(again.status).toBe('failed'); // the receiver still answers 503
      expect(again.attempts.map((a) => a.attempt)).toEqual([1, 2, 3, 4]);
      expect(hook.received).toHaveLength(4);
    } finally {
      await hook.close();
    }
  });

  it('queues only the events an enabled endpoint asked for: reservation.placed, return.checked_in', async () => {
    const hook = await receiver([]);
    try {
      const orders = await registerWebhookEndpoint({ url: hook.url, events: ['order.placed'], createdBy: admin });
      await registerWebhookEndpoint({ url: hook.url, events: ['reservation.placed', 'return.checked_in'], createdBy: admin });
      await disableWebhookEndpoint(orders.id);
      const order = await insertOrder(conn.db, { customerId: shopper, locationId: store });
      // Raw SQL: a reservation and a walk-in return as their commands write them.
      await conn.db.execute(sql`INSERT INTO reservations (code, customer_id, store_id, idempotency_key, expires_at)
        VALUES ('RSV123', ${shopper}, ${store}, 'r-1', now() + interval '2 days')`);
      await conn.db.execute(sql`INSERT INTO returns (code, order_id, customer_id, store_id, walk_in, refund_method, idempotency_key)
        VALUES ('R-ABCDEF', ${order.id}, ${shopper}, ${store}, true, 'desk', 'ret-1')`);
      await drain(settled);
      expect(hook.received.map((r) => JSON.parse(r.body).type)).toEqual(['reservation.placed']);
      // Checked in: booked → received.
      await conn.db.execute(sql`UPDATE returns SET status = 'received', received_at = now() WHERE code = 'R-ABCDEF'`);
      await conn.db.execute(sql`UPDATE returns SET refund_cents = 0 WHERE code = 'R-ABCDEF'`); // a later change sends nothing more
      await drain(settled);
      expect(hook.received.map((r) => JSON.parse(r.body).type)).toEqual(['reservation.placed', 'return.checked_in']);
      expect(JSON.parse(hook.received[1]!.body)).toMatchObject({ data: { return: { code: 'R-ABCDEF', status: 'received' } } });
    } finally {
      await hook.close();
    }
  });

  it.runIf(onPostgres)('posts each delivery once when several processes run the job together', async () => {
    const hook = await receiver([]);
    try {
      await registerWebhookEndpoint({ url: hook.url, events: ['order.placed'], createdBy: admin });
      for (let i = 0; i < 12; i++) await insertOrder(conn.db, { customerId: shopper, locationId: store });
      const runs = await Promise.all(Array.from({ length: 4 }, () => deliverDueWebhooks({ limit: 5 })));
      await drain(settled);
      const total = runs.reduce((n, r) => n + r.delivered, 0);
      expect(total).toBeGreaterThan(0);
      expect(hook.received).toHaveLength(12);
      expect(new Set(hook.received.map((r) => JSON.parse(r.body).id)).size).toBe(12);
    } finally {
      await hook.close();
    }
  });

  it('refuses an endpoint that leads into a private network (v4 and v6, by name too) unless WEBHOOK_ALLOW_PRIVATE=1', async () => {
    vi.stubEnv('WEBHOOK_ALLOW_PRIVATE', '');
    for (const url of [
      'http://127.0.0.1:8080/hooks',
      'http://localhost/hooks',
      'https://10.1.2.3/hooks',
      'http://172.20.0.5/',
      'http://192.168.1.10/',
      'http://169.254.169.254/latest/meta-data/',
      'http://100.64.0.1/',
      'http://0.0.0.0/',
      'http://224.0.0.1/',
      'http://[::1]/',
      'http://[::]/',
      'http://[fd12:3456::1]/',
      'http://[fe80::1]/',
      'http://[ff02::1]/',
      'http://[::ffff:127.0.0.1]/',
      'http://2130706433/', // 127.0.0.1 written as a number
    ]) {
      await expect(registerWebhookEndpoint({ url, events: ['order.placed'], createdBy: admin }), url).rejects.toMatchObject({
        constructor: WebhookAddressError,
        reason: 'private',
      });
    }
    await expect(registerWebhookEndpoint({ url: 'ftp://93.184.216.34/', events: ['order.placed'], createdBy: admin })).rejects.toMatchObject({
      reason: 'scheme',
    });
    await expect(registerWebhookEndpoint({ url: 'https://no-such-host.invalid/hooks', events: ['order.placed'], createdBy: admin })).rejects.toMatchObject({
      reason: 'unresolved',
    });
    // A public address is taken (no request is made when registering).
    expect(await registerWebhookEndpoint({ url: 'https://93.184.216.34/hooks', events: ['order.placed'], createdBy: admin })).toMatchObject({
      id: expect.any(Number),
    });
    vi.stubEnv('WEBHOOK_ALLOW_PRIVATE', '1');
    expect(await registerWebhookEndpoint({ url: 'http://127.0.0.1:8080/hooks', events: ['order.placed'], createdBy: admin })).toMatchObject({
      id: expect.any(Number),
    });
    // Raw SQL: only the two accepted endpoints were written.
    const { rows } = await conn.db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM webhook_endpoints`);
    expect(rows[0]!.n).toBe(2);
  });

  it('does not post to an endpoint whose address now leads into a private network: given up at once, the reason in the log', async () => {
    const hook = await receiver([]);
    try {
      await registerWebhookEndpoint({ url: hook.url, events: ['order.placed'], createdBy: admin });
      vi.stubEnv('WEBHOOK_ALLOW_PRIVATE', ''); // as if the name had moved into a private network since
      await expectOrderGivenUpAsPrivate(hook);
      // Not tried again: nothing is due.
      await new Promise((r) => setTimeout(r, 1600));
      expect(await deliverDueWebhooks()).toEqual({ delivered: 0, failed: 0 });
    } finally {
      await hook.close();
    }
  });

  it('does not post when the name answered a public address to the check and a private one to the connection (DNS rebinding)', async () => {
    const hook = await receiver([]);
    try {
      const rebound = hook.url.replace('127.0.0.1', 'localhost');
      await registerWebhookEndpoint({ url: rebound, events: ['order.placed'], createdBy: admin });
      vi.stubEnv('WEBHOOK_ALLOW_PRIVATE', '');
      vi.mocked(address.checkWebhookAddress).mockResolvedValueOnce('public'); // the check's answer; the connection resolves again
      await expectOrderGivenUpAsPrivate(hook);
    } finally {
      await hook.close();
    }
  });

  it('pages the delivery log by keyset, newest first: the older page goes on where the first stopped', async () => {
    await registerWebhookEndpoint({ url: 'http://127.0.0.1:9/hooks', events: ['order.placed'], createdBy: admin });
    for (let i = 0; i < 5; i++) await insertOrder(conn.db, { customerId: shopper, locationId: store });
    const first = await listDeliveries({ limit: 2 });
    const second = await listDeliveries({ limit: 2, before: first.nextBefore! });
    const last = await listDeliveries({ limit: 2, before: second.nextBefore! });
    const ids = [...first.deliveries, ...second.deliveries, ...last.deliveries].map((d) => d.id);
    expect(ids).toHaveLength(5);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    expect(last.nextBefore).toBeNull();
    // A cursor older than everything: an empty page, not an error.
    expect(await listDeliveries({ before: 1 })).toEqual({ deliveries: [], nextBefore: null });
  });
});
