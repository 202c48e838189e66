import 'server-only';
import { sql } from 'drizzle-orm';
import { getDb } from '@/lib/db';
import { fetchToPublicAddress, refusedAsPrivate } from '@/lib/http/public-address';
import { checkWebhookAddress } from './address';
import { MAX_BACKOFF_MS, PRIVATE_ADDRESS_ERROR, webhookBackoffBaseMs, webhookMaxAttempts, webhookTimeoutMs } from './config';
import { SIGNATURE_HEADER, signWebhook } from './signature';
import { webhookAttempts } from './schema';

/*
 * Delivery, a background job (lib/jobs). A run claims due deliveries under a lease — one UPDATE
 * over rows taken FOR UPDATE SKIP LOCKED, counting the attempt — so processes running together take
 * different rows, each row is posted by one process at a time, and no transaction stays open while
 * a receiver answers. The outcome is written only if the row is still this claim's (same attempt
 * count, still queued): a process that outlived its lease cannot overwrite a newer attempt. A 2xx
 * is delivered; anything else (another status, a timeout, a refused connection, a redirect) waits
 * base × 2^(attempts−1) and is tried again, until WEBHOOK_MAX_ATTEMPTS, then marked failed.
 * The endpoint's address is checked again before each post (lib/webhooks/address.ts: its name may
 * now lead into a private network), and by the connection itself (fetchToPublicAddress): one that
 * does is not posted to, and the delivery is given up at once with PRIVATE_ADDRESS_ERROR as its
 * reason — trying again would only ask the same question.
 * At least once: a receiver drops a repeat by the event's id (the payload's `id`).
 */

type Claimed = { id: number; event: string; payload: unknown; attempts: number; url: string; secret: string };

export async function deliverDueWebhooks(opts: { limit?: number; fetch?: typeof fetch } = {}): Promise<{ delivered: number; failed: number }> {
  const limit = opts.limit ?? 20;
  const timeoutMs = webhookTimeoutMs();
  const db = await getDb();
  // Raw SQL: claims a batch under a lease, the rows locked FOR UPDATE SKIP LOCKED in the same statement.
  const claimed = await db.execute<Claimed>(sql`
    UPDATE webhook_deliveries d
    SET attempts = d.attempts + 1, locked_until = now() + make_interval(secs => ${Math.ceil(timeoutMs / 1000) + 30})
    FROM webhook_endpoints e
    WHERE e.id = d.endpoint_id AND d.id IN (
      SELECT id FROM webhook_deliveries
      WHERE status = 'queued' AND next_at <= now() AND (locked_until IS NULL OR locked_until < now())
      ORDER BY next_at, id
      LIMIT ${limit}
      FOR UPDATE SKIP LOCKED)
    RETURNING d.id, d.event, d.payload, d.attempts, e.url, e.secret`);
  const outcomes = await Promise.all(
    claimed.rows.map((row) => post(row, timeoutMs, opts.fetch ?? fetchToPublicAddress(process.env.WEBHOOK_ALLOW_PRIVATE === '1'))),
  );
  let delivered = 0;
  let failed = 0;
  const base = webhookBackoffBaseMs();
  const max = webhookMaxAttempts();
  for (const [i, row] of claimed.rows.entries()) {
    const { statusCode, error, durationMs, final } = outcomes[i]!;
    const ok = error === null && statusCode !== null && statusCode >= 200 && statusCode < 300;
    await db.insert(webhookAttempts).values({ deliveryId: Number(row.id), attempt: row.attempts, statusCode, error, durationMs });
    const backoffMs = Math.min(MAX_BACKOFF_MS, base * 2 ** (row.attempts - 1));
    // Raw SQL: the outcome lands only on this claim's row (same attempt, still queued); failed or queued again decided from the attempts made.
    await db.execute(sql`
      UPDATE webhook_deliveries
      SET status = CASE WHEN ${ok}::boolean THEN 'delivered' WHEN ${final}::boolean OR attempts >= ${max} THEN 'failed' ELSE 'queued' END,
          delivered_at = CASE WHEN ${ok}::boolean THEN now() END,
          next_at = CASE WHEN ${ok}::boolean THEN next_at ELSE now() + make_interval(secs => ${backoffMs / 1000}) END,
          locked_until = NULL, last_status_code = ${statusCode}, last_error = ${error}
      WHERE id = ${row.id} AND attempts = ${row.attempts} AND status = 'queued'`);
    if (ok) delivered++;
    else failed++;
  }
  return { delivered, failed };
}

/** `final`: no later attempt could do better (the address is refused), so the delivery is given up now. */
type Outcome = { statusCode: number | null; error: string | null; durationMs: number; final: boolean };

async function post(row: Claimed, timeoutMs: number, fetcher: typeof fetch): Promise<Outcome> {
  const body = JSON.stringify(row.payload);
  const started = Date.now();
  const address = await checkWebhookAddress(row.url);
  if (address === 'private' || address === 'scheme') return { statusCode: null, error: PRIVATE_ADDRESS_ERROR, durationMs: Date.now() - started, final: true };
  if (address === 'unresolved') return { statusCode: null, error: 'ENOTFOUND', durationMs: Date.now() - started, final: false };
  try {
    const res = await fetcher(row.url, {
      method: 'POST',
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
      headers: {
        'Content-Type': 'application/json',
        'User-Agent': 'Comptoir-Webhooks/1',
        [SIGNATURE_HEADER]: signWebhook(row.secret, body),
        'Comptoir-Event': row.event,
        'Comptoir-Delivery': String(row.id),
      },
      body,
    });
    await res.body?.cancel().catch(() => {});
    const error =
      res.status >= 200 && res.status < 300 ? null : `HTTP ${res.status}${res.status >= 300 && res.status < 400 ? ' (redirects are not followed)' : ''}`;
    return { statusCode: res.status, error, durationMs: Date.now() - started, final: false };
  } catch (err) {
    // The name led into a private network by the time of the connection (DNS rebinding): given up, as above.
    if (refusedAsPrivate(err)) return { statusCode: null, error: PRIVATE_ADDRESS_ERROR, durationMs: Date.now() - started, final: true };
    const e = err as Error & { cause?: { code?: string } };
    const reason = e.name === 'TimeoutError' ? `no answer within ${timeoutMs} ms` : (e.cause?.code ?? e.message);
    return { statusCode: null, error: String(reason).slice(0, 300), durationMs: Date.now() - started, final: false };
  }
}
