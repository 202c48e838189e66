// Raw SQL throughout: a key is claimed by an insert or a conditional update, answered and released
// by statements on one row each, all keyed on (key_id, idempotency_key).
import 'server-only';
import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { getDb } from '@/lib/db';

/** How long a claim with no answer yet holds its key (the process writing it may have died). */
const CLAIM_SECONDS = 120;

/** The request a key stands for: method, path and the body's SHA-256 (the body itself is not kept). */
export function requestFingerprint(method: string, path: string, body: string): string {
  return createHash('sha256').update(`${method} ${path}\n`).update(body).digest('hex');
}

export type Stored = { status: number; body: unknown };
export type Claim =
  | { kind: 'claimed' }
  | { kind: 'replay'; answer: Stored }
  | { kind: 'mismatch' } // the same key was used for another request
  | { kind: 'in_progress' }; // a request with this key is being answered right now

/**
 * Takes an Idempotency-Key for this request before the write runs. The claim is a row with status
 * 0 (committed at once, so a second request with the key sees it); the answer is written into it
 * when the write is done (`completeIdempotency`). A key already answered replays that answer to the
 * same request, and refuses another request; a key whose claim is still fresh is "in progress" (a
 * retry sent while the first is running: 409, try again); a claim older than two minutes whose
 * answer never came (the process died) may be taken again — the writes behind the API are
 * idempotent by content (an import of the same rows changes nothing), so running one again is safe.
 */
export async function claimIdempotency(keyId: number, idempotencyKey: string, fingerprint: string): Promise<Claim> {
  const db = await getDb();
  // Raw SQL: an insert that takes the key, or a conditional update that takes a stale claim, in one statement.
  const taken = await db.execute<{ taken: boolean }>(sql`
    INSERT INTO api_idempotency (key_id, idempotency_key, request_hash, status, body)
    VALUES (${keyId}, ${idempotencyKey}, ${fingerprint}, 0, '{}'::jsonb)
    ON CONFLICT (key_id, idempotency_key) DO UPDATE SET request_hash = EXCLUDED.request_hash, created_at = now()
      WHERE api_idempotency.status = 0 AND api_idempotency.created_at < now() - make_interval(secs => ${CLAIM_SECONDS})
    RETURNING true AS taken`);
  if (taken.rows.length > 0) return { kind: 'claimed' };
  const [row] = (
    await db.execute<{ request_hash: string; status: number; body: unknown }>(
      sql`SELECT request_hash, status, body FROM api_idempotency WHERE key_id = ${keyId} AND idempotency_key = ${idempotencyKey}`,
    )
  ).rows;
  if (!row) return { kind: 'in_progress' }; // cleared meanwhile: the client tries again
  if (row.request_hash !== fingerprint) return { kind: 'mismatch' };
  if (row.status === 0) return { kind: 'in_progress' };
  return { kind: 'replay', answer: { status: row.status, body: row.body } };
}

/** The write's answer, kept for a retry with the same key. */
export async function completeIdempotency(keyId: number, idempotencyKey: string, answer: Stored): Promise<void> {
  const db = await getDb();
  await db.execute(
    sql`UPDATE api_idempotency SET status = ${answer.status}, body = ${JSON.stringify(answer.body)}::jsonb WHERE key_id = ${keyId} AND idempotency_key = ${idempotencyKey}`,
  );
}

/** A write that failed unexpectedly gives its key back, so a retry runs it again. */
export async function releaseIdempotency(keyId: number, idempotencyKey: string): Promise<void> {
  const db = await getDb();
  await db.execute(sql`DELETE FROM api_idempotency WHERE key_id = ${keyId} AND idempotency_key = ${idempotencyKey} AND status = 0`);
}

/** Keys are kept a day (a retry comes within minutes): a scheduled job trims the rest. */
export async function trimIdempotencyKeys(): Promise<number> {
  const db = await getDb();
  // Raw SQL: a bulk delete counted in the database.
  const r = await db.execute<{ n: number }>(
    sql`WITH gone AS (DELETE FROM api_idempotency WHERE created_at < now() - interval '24 hours' RETURNING 1) SELECT count(*)::int AS n FROM gone`,
  );
  return r.rows[0]?.n ?? 0;
}
