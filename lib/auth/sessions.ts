import 'server-only';
import { randomUUID } from 'node:crypto';
import { queryRows } from '@/lib/db/client';
import { isDatabaseUnavailable } from '@/lib/db/unavailable';

/**
 * Server-side sessions (migration 0018). The signed session cookie carries a session id; every
 * read of the session (the jwt callback in lib/auth/config.ts: pages, actions, proxy.ts's gates,
 * /api/auth/session) asks the database whether it still stands. So signing out, a password change,
 * the account's deletion or a staff member's removal from a store end a cookie on every server of a
 * fleet, not only on the device that clicked. A live answer is kept for SESSION_RECHECK_MS per
 * process — the "within seconds" — and dropped at once where the session is ended.
 * Ended by triggers, so no writer can forget: a changed password or role, a removed store
 * membership; the account's deletion removes its sessions (ON DELETE CASCADE).
 */
export const SESSION_RECHECK_MS = 5_000;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
// On globalThis: each route and page bundle has its own copy of this module, and a sign-out in one
// must reach the answers cached by all of them in this process.
const live = ((globalThis as { __comptoirLiveSessions?: Map<string, { userId: number; until: number }> }).__comptoirLiveSessions ??= new Map());

function userIdOf(value: unknown): number | null {
  const id = Number(value);
  return Number.isSafeInteger(id) && id > 0 ? id : null;
}

/** At sign-in: a new session for this user; its id rides in the cookie. */
export async function startSession(userId: number, userAgent: string | null | undefined): Promise<string> {
  const id = randomUUID();
  await queryRows('INSERT INTO auth_sessions (id, user_id, user_agent) VALUES ($1, $2, $3)', [id, userId, userAgent?.slice(0, 300) || null]);
  return id;
}

/**
 * Whether the session `sid` of `userId` still stands. A cookie without a session id (issued
 * before sessions were recorded) does not. Notes when it was last used, at most every 5 minutes.
 */
export async function isSessionLive(sid: unknown, userId: unknown, now = Date.now()): Promise<boolean> {
  const user = userIdOf(userId);
  if (typeof sid !== 'string' || !UUID.test(sid) || user === null) return false;
  const cached = live.get(sid);
  if (cached && cached.userId === user && cached.until > now) return true;
  let row: { n: number } | undefined;
  try {
    [row] = await queryRows<{ n: number }>(
      `WITH s AS (SELECT id FROM auth_sessions WHERE id = $1 AND user_id = $2 AND revoked_at IS NULL),
            seen AS (UPDATE auth_sessions SET last_seen_at = clock_timestamp()
                     WHERE id IN (SELECT id FROM s) AND last_seen_at < clock_timestamp() - interval '5 minutes')
       SELECT count(*)::int AS n FROM s`,
      [sid, user],
    );
  } catch (err) {
    // The database cannot be reached: nobody is signed out for it. Answering "ended" would clear
    // every visitor's cookie during an outage (Auth.js drops the cookie of a session it cannot
    // read); the signed cookie stands, and the request's own reads answer the "try again" page.
    if (isDatabaseUnavailable(err)) return true;
    throw err;
  }
  if (row?.n !== 1) {
    live.delete(sid);
    return false;
  }
  if (live.size > 50_000) live.clear();
  live.set(sid, { userId: user, until: now + SESSION_RECHECK_MS });
  return true;
}

/** Sign-out: this session ends everywhere. */
export async function endSession(sid: unknown): Promise<void> {
  if (typeof sid !== 'string' || !UUID.test(sid)) return;
  live.delete(sid);
  await queryRows('UPDATE auth_sessions SET revoked_at = clock_timestamp() WHERE id = $1 AND revoked_at IS NULL', [sid]);
}

/** "Sign out of all my devices": every session of this user ends, `except` one if named. */
export async function endUserSessions(userId: number, except?: string): Promise<number> {
  for (const [sid, entry] of live) if (entry.userId === userId && sid !== except) live.delete(sid);
  const rows = await queryRows<{ id: string }>(
    'UPDATE auth_sessions SET revoked_at = clock_timestamp() WHERE user_id = $1 AND revoked_at IS NULL AND id::text <> $2 RETURNING id',
    [userId, except ?? ''],
  );
  return rows.length;
}

export type SessionSummary = { id: string; createdAt: Date; lastSeenAt: Date; userAgent: string | null };

/** The user's sessions still standing, latest used first (the account page lists them). */
export async function listUserSessions(userId: number): Promise<SessionSummary[]> {
  const rows = await queryRows<{ id: string; created_at: Date | string; last_seen_at: Date | string; user_agent: string | null }>(
    `SELECT id, created_at, last_seen_at, user_agent FROM auth_sessions
     WHERE user_id = $1 AND revoked_at IS NULL AND created_at > clock_timestamp() - interval '30 days'
     ORDER BY last_seen_at DESC LIMIT 50`,
    [userId],
  );
  return rows.map((r) => ({ id: r.id, createdAt: new Date(r.created_at), lastSeenAt: new Date(r.last_seen_at), userAgent: r.user_agent }));
}

/**
 * A new password, in one statement: the trigger on users ends every other session of the user
 * (the one named `keep`, the device that made the change, stays).
 */
export async function setPasswordHash(userId: number, passwordHash: string, keep: string | undefined): Promise<boolean> {
  const rows = await queryRows<{ id: number }>(
    `WITH keep AS (SELECT set_config('comptoir.keep_session', $3, true) AS v)
     UPDATE users SET password_hash = $2 WHERE id = $1 AND EXISTS (SELECT 1 FROM keep) RETURNING id`,
    [userId, passwordHash, keep ?? ''],
  );
  for (const [sid, entry] of live) if (entry.userId === userId && sid !== keep) live.delete(sid);
  return rows.length === 1;
}

/** Sessions ended or past their 30 days count for nothing (a scheduled job, lib/jobs). */
export async function trimSessions(): Promise<number> {
  const rows = await queryRows<{ n: number }>(
    `WITH gone AS (DELETE FROM auth_sessions
                   WHERE created_at < clock_timestamp() - interval '31 days' OR revoked_at < clock_timestamp() - interval '1 day' RETURNING 1)
     SELECT count(*)::int AS n FROM gone`,
    [],
  );
  return rows[0]?.n ?? 0;
}
