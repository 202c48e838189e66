import 'server-only';
import { createHash, randomBytes } from 'node:crypto';
import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import { getDb } from '@/lib/db';
import { apiKeys, type ApiScope } from './schema';

/** What a key's secret looks like: 'ck_' and 43 characters of base64url (32 random bytes). */
const SECRET = /^ck_[A-Za-z0-9_-]{43}$/;
const PREFIX_LENGTH = 11; // 'ck_' and 8 characters: enough to tell keys apart on the list, nothing to guess from

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

export type ApiKeyRow = {
  id: number;
  name: string;
  prefix: string;
  scopes: ApiScope[];
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
};

/** A new key: the secret is in this answer only — the database keeps its hash. */
export async function createApiKey(input: {
  name: string;
  scopes: readonly ApiScope[];
  createdBy: number;
}): Promise<{ id: number; secret: string; prefix: string }> {
  const secret = `ck_${randomBytes(32).toString('base64url')}`;
  const prefix = secret.slice(0, PREFIX_LENGTH);
  const db = await getDb();
  const [row] = await db
    .insert(apiKeys)
    .values({ name: input.name, prefix, secretHash: hashSecret(secret), scopes: [...new Set(input.scopes)], createdBy: input.createdBy })
    .returning({ id: apiKeys.id });
  return { id: row!.id, secret, prefix };
}

/**
 * Revoked at once for every server (the next request's lookup finds no live key): its name, or null
 * when there was no live key of that id (revoking twice changes nothing).
 */
export async function revokeApiKey(id: number, revokedBy: number): Promise<string | null> {
  const db = await getDb();
  const [done] = await db
    .update(apiKeys)
    .set({ revokedAt: sql`now()`, revokedBy })
    .where(and(eq(apiKeys.id, id), isNull(apiKeys.revokedAt)))
    .returning({ name: apiKeys.name });
  return done?.name ?? null;
}

export async function listApiKeys(): Promise<ApiKeyRow[]> {
  const db = await getDb();
  const rows = await db
    .select({
      id: apiKeys.id,
      name: apiKeys.name,
      prefix: apiKeys.prefix,
      scopes: apiKeys.scopes,
      createdAt: apiKeys.createdAt,
      lastUsedAt: apiKeys.lastUsedAt,
      revokedAt: apiKeys.revokedAt,
    })
    .from(apiKeys)
    .orderBy(sql`${apiKeys.revokedAt} IS NOT NULL`, desc(apiKeys.createdAt), desc(apiKeys.id));
  return rows.map((r) => ({ ...r, scopes: r.scopes as ApiScope[] }));
}

export type Caller = { keyId: number; scopes: ApiScope[] };
export type Admission =
  { ok: true; caller: Caller; remaining: number } | { ok: false; reason: 'unknown' } | { ok: false; reason: 'rate_limited'; retryAfterSeconds: number };

/**
 * The key behind a bearer secret, counted against its rate limit in the same statement: one
 * conditional UPDATE finds a live key by its hash, stamps `last_used_at` and counts the request
 * in the current minute's window (a new minute starts a new count), so every server of a fleet
 * counts together and no read-then-write races. A request over the limit is refused but counted.
 */
export async function admitApiRequest(secret: string, limitPerMinute: number): Promise<Admission> {
  if (!SECRET.test(secret)) return { ok: false, reason: 'unknown' };
  const db = await getDb();
  // Raw SQL: the window's reset and the count are decided in the UPDATE, from the row as it is.
  const r = await db.execute<{ id: number; scopes: string[]; rate_hits: number; retry_after: number }>(sql`
    UPDATE api_keys
    SET last_used_at = now(),
        rate_hits = CASE WHEN rate_window = date_trunc('minute', now()) THEN rate_hits + 1 ELSE 1 END,
        rate_window = date_trunc('minute', now())
    WHERE secret_hash = ${hashSecret(secret)} AND revoked_at IS NULL
    RETURNING id, scopes, rate_hits, ceil(extract(epoch FROM date_trunc('minute', now()) + interval '1 minute' - now()))::int AS retry_after`);
  const row = r.rows[0];
  if (!row) return { ok: false, reason: 'unknown' };
  if (row.rate_hits > limitPerMinute) return { ok: false, reason: 'rate_limited', retryAfterSeconds: Math.max(1, row.retry_after) };
  return { ok: true, caller: { keyId: row.id, scopes: row.scopes as ApiScope[] }, remaining: limitPerMinute - row.rate_hits };
}
