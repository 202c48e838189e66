import net from 'node:net';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { initialActionState } from '@/lib/actions/state';
import { addToCartAction } from '@/app/[locale]/(catalogue)/p/[slug]/add-to-cart-action';
import { listenOnPostgres } from '@/lib/events/pg-listener';
import { actAs } from '@/test/support/next-request';
import { form } from '@/test/support/world';
import { openConnection, queryRows, setConnection, type Connection } from './client';
import { createTestConnection, onPostgres } from '@/test/support/db';
import { isDatabaseUnavailable } from './unavailable';

// A form action is called as Next.js calls it (test/support/next-request.ts).
vi.mock('next/headers', async () => (await import('@/test/support/next-request')).nextHeaders);
vi.mock('next/navigation', async () => (await import('@/test/support/next-request')).nextNavigation);
vi.mock('next/cache', async () => (await import('@/test/support/next-request')).nextCache);
vi.mock('next/server', async () => ({ ...(await import('next/server.js')), connection: async () => {} }));
vi.mock('next-auth', async () => (await import('@/test/support/next-request')).nextAuth);
vi.mock('@/lib/auth', async () => (await import('@/test/support/next-request')).auth);

/**
 * A link to PostgreSQL that goes silent — packets held, nothing refused — must not hang requests:
 * each gives up within a few seconds with the "unavailable" error (a 503 / the try-again page, a
 * form's refusal), paying one timeout at most however many statements it runs (the breaker in
 * client.ts), the silent connections are thrown away, and everything works again once the link
 * flows.
 */

/** A TCP relay that can hold every packet both ways (connections stay open, nothing is refused). */
async function holdingRelay(target: URL) {
  let flowing = true;
  const pending: (() => void)[] = [];
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const upstream = net.connect(Number(target.port || 5432), target.hostname);
    for (const [from, to] of [
      [client, upstream],
      [upstream, client],
    ] as const) {
      sockets.add(from);
      from.on('error', () => {});
      from.on('close', () => {
        sockets.delete(from);
        to.destroy();
      });
      from.on('data', (chunk) => (flowing ? to.write(chunk) : pending.push(() => to.writable && to.write(chunk))));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  return {
    port,
    stall: () => (flowing = false),
    flow: () => {
      flowing = true;
      for (const send of pending.splice(0)) send();
    },
    close: () => {
      for (const s of sockets) s.destroy();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** How long `fn` took to fail, and with what. */
async function failure(fn: () => Promise<unknown>): Promise<{ ms: number; err: unknown }> {
  const started = Date.now();
  try {
    await fn();
  } catch (err) {
    return { ms: Date.now() - started, err };
  }
  throw new Error('expected a failure');
}

/** Retries `fn` until it answers (the breaker lets a probe through once its cool-down is over). */
async function answersWithin<T>(ms: number, fn: () => Promise<T>): Promise<T> {
  for (const end = Date.now() + ms; ;) {
    try {
      return await fn();
    } catch (err) {
      if (Date.now() > end) throw err;
      await new Promise((r) => setTimeout(r, 50));
    }
  }
}

describe.skipIf(!onPostgres)('a silent link to PostgreSQL', () => {
  let base: Awaited<ReturnType<typeof createTestConnection>>;
  let relay: Awaited<ReturnType<typeof holdingRelay>>;
  let viaRelay: string;
  let conn: Connection;

  beforeAll(async () => {
    base = await createTestConnection();
    if (base.kind !== 'postgres') throw new Error('PostgreSQL only');
    const url = new URL((base.pool.options as { connectionString: string }).connectionString);
    relay = await holdingRelay(new URL(url));
    url.hostname = '127.0.0.1';
    url.port = String(relay.port);
    viaRelay = url.toString();
    process.env.DATABASE_TIMEOUT_MS = '1000'; // statements 1 s, an answer 2 s, a connection 1 s
    conn = await openConnection(viaRelay);
    setConnection(conn);
  });

  afterAll(async () => {
    delete process.env.DATABASE_TIMEOUT_MS;
    relay.flow();
    setConnection(undefined);
    await conn?.close().catch(() => {});
    await relay?.close();
    await base?.drop();
  });

  it('gives up within seconds with "unavailable", drops the silent connections, and recovers', async () => {
    if (conn.kind !== 'postgres') throw new Error('PostgreSQL only');
    // Warm connections in the pool, as a running server has.
    await Promise.all([1, 2, 3].map(() => conn.db.execute(sql`SELECT pg_sleep(0.05)`)));
    expect(conn.pool.idleCount).toBeGreaterThan(0);

    relay.stall();
    const attempts = await Promise.all([
      failure(() => conn.db.execute(sql`SELECT count(*) FROM products`)),
      failure(() => queryRows('SELECT 1', [])),
      // Drizzle runs BEGIN outside its try/finally: a stalled BEGIN must not keep its connection.
      failure(() => conn.db.transaction(async (tx) => tx.execute(sql`SELECT count(*) FROM stock`))),
    ]);
    for (const { ms, err } of attempts) {
      expect(isDatabaseUnavailable(err), String(err)).toBe(true);
      expect(ms).toBeLessThan(4_000);
    }
    // A new connection cannot be made either: that too gives up, and says so.
    const connect = await failure(() => queryRows('SELECT 1', []));
    expect(isDatabaseUnavailable(connect.err), String(connect.err)).toBe(true);
    expect(connect.ms).toBeLessThan(4_000);
    // None of the silent connections went back to the pool to hang the next request.
    await new Promise((r) => setTimeout(r, 100));
    expect(conn.pool.totalCount).toBe(0);

    relay.flow();
    const started = Date.now();
    expect(await answersWithin(3_000, () => queryRows<{ n: number }>('SELECT 1 AS n', []))).toEqual([{ n: 1 }]);
    await conn.db.transaction(async (tx) => tx.execute(sql`SELECT count(*) FROM stock`));
    expect(Date.now() - started).toBeLessThan(2_500); // the breaker's cool-down (1 s here), then its probe
  });

  it('after one statement got no answer, the ones that follow fail at once, until a probe gets an answer', async () => {
    await answersWithin(3_000, () => queryRows('SELECT 1', []));
    await Promise.all([1, 2, 3].map(() => conn.db.execute(sql`SELECT pg_sleep(0.05)`)));
    relay.stall();
    const first = await failure(() => conn.db.execute(sql`SELECT count(*) FROM products`));
    expect(isDatabaseUnavailable(first.err), String(first.err)).toBe(true);
    // A request's next statements (place order: a replay lookup, a void…) each waited their own
    // timeout, on the warm connections still in the pool: 22 s for one order on the shipped 5 s.
    const started = Date.now();
    for (const next of [
      () => conn.db.execute(sql`SELECT count(*) FROM stock`),
      () => queryRows('SELECT 1', []),
      () => conn.db.transaction(async (tx) => tx.execute(sql`SELECT 1`)),
      () => conn.db.execute(sql`SELECT 2`),
    ]) {
      const { err } = await failure(next);
      expect(isDatabaseUnavailable(err), String(err)).toBe(true);
    }
    expect(Date.now() - started).toBeLessThan(300);
    relay.flow(); // statements fail fast until the cool-down (1 s here) is over, then a probe finds the link
    const flowing = Date.now();
    expect(await answersWithin(3_000, () => queryRows<{ n: number }>('SELECT 1 AS n', []))).toEqual([{ n: 1 }]);
    expect(Date.now() - flowing).toBeLessThan(1_500);
  });

  it('a form action answers its own "cannot be reached" refusal, not an error', async () => {
    await answersWithin(3_000, () => queryRows('SELECT 1', []));
    actAs(null);
    relay.stall();
    const started = Date.now();
    const answer = await addToCartAction(initialActionState, form({ skuId: 1 }));
    expect(answer).toMatchObject({ ok: false, message: 'The shop cannot be reached right now: our system is not answering. Try again in a moment.' });
    expect(Date.now() - started).toBeLessThan(3_000); // one timeout (2 s here; 6 s shipped)
    relay.flow();
  });

  it('a LISTEN connection that goes silent is replaced, and hears again once the link flows', async () => {
    relay.flow();
    const events: string[] = [];
    const listener = await listenOnPostgres({
      config: { connectionString: viaRelay, query_timeout: 1_000 },
      channel: 'stall_test',
      name: 'stall-test',
      heartbeatMs: 300,
      onPayload: (p) => events.push(`payload ${p}`),
      onListening: (again) => events.push(again ? 'listening again' : 'listening'),
      onLost: () => events.push('lost'),
    });
    const until = async (what: string, ms: number) => {
      for (const end = Date.now() + ms; !events.includes(what);) {
        if (Date.now() > end) throw new Error(`no "${what}" within ${ms} ms: ${events.join(', ')}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    };
    try {
      await until('listening', 3_000);
      relay.stall();
      await until('lost', 4_000);
      relay.flow();
      await until('listening again', 8_000);
      await base.db.execute(sql`SELECT pg_notify('stall_test', 'after')`);
      await until('payload after', 3_000);
    } finally {
      relay.flow();
      await listener.stop();
    }
  });
});
