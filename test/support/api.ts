import { sql } from 'drizzle-orm';
import { NextRequest } from 'next/server';
import type { Db } from '@/lib/db/client';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any route handler's params
type Handler = (req: NextRequest, ctx: { params: Promise<any> }) => Promise<Response>;

/** Calls a route handler as the world does: a URL, a bearer key, maybe a JSON body and an Idempotency-Key. */
export async function callApi(
  handler: Handler,
  url: string,
  opts: {
    key?: string | null;
    method?: string;
    body?: unknown;
    rawBody?: string;
    idempotencyKey?: string;
    headers?: Record<string, string>;
    params?: Record<string, string>;
  } = {},
): Promise<{ status: number; headers: Headers; body: Record<string, unknown> }> {
  const headers: Record<string, string> = { ...opts.headers };
  if (opts.key) headers.authorization = `Bearer ${opts.key}`;
  if (opts.idempotencyKey) headers['idempotency-key'] = opts.idempotencyKey;
  const body = opts.rawBody ?? (opts.body === undefined ? undefined : JSON.stringify(opts.body));
  if (body !== undefined) headers['content-type'] ??= 'application/json';
  const req = new NextRequest(`http://shop.test${url}`, { method: opts.method ?? (body === undefined ? 'GET' : 'POST'), headers, body });
  const res = await handler(req, { params: Promise.resolve(opts.params ?? {}) });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
}

let orderSeq = 0;

/** A drive order row as placing writes it (enough for the feeds and the webhook trigger). */
export async function insertOrder(db: Db, o: { customerId: number; locationId: number; totalCents?: number }): Promise<{ id: number; number: string }> {
  const n = ++orderSeq;
  const number = `CMD-T${String(n).padStart(7, '0')}`;
  const r = await db.execute<{ id: number }>(sql`
    INSERT INTO orders (number, customer_id, mode, location_id, subtotal_cents, total_cents, payment_provider, payment_status, idempotency_key)
    VALUES (${number}, ${o.customerId}, 'drive', ${o.locationId}, ${o.totalCents ?? 1000}, ${o.totalCents ?? 1000}, 'test', 'due_at_pickup', ${`test-order-${number}-${Math.random()}`})
    RETURNING id`);
  return { id: r.rows[0]!.id, number };
}

/**
 * Polls `read` until `done` holds (or `timeoutMs` passes, then returns the last answer). A feed reads
 * only below the oldest transaction still running on the whole PostgreSQL server: on a server
 * shared with other test runs, someone else's transaction may hold it back a moment.
 */
export async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 15_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > until) return value;
    await new Promise((r) => setTimeout(r, 100));
  }
}
