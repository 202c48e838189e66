import 'server-only';
import { randomUUID } from 'node:crypto';
import { and, desc, eq, gt, isNull, lt, ne, or, sql } from 'drizzle-orm';
import { getDb } from '@/lib/db';
import { isDatabaseUnavailable } from '@/lib/db/unavailable';
import { authSessions } from './schema';

/**
 * Server-side sessions (migration 0018). The signed session cookie carries a session id; every
 * read of the session (the jwt callback in lib/auth/config.ts: pages, actions, proxy.ts's gates,
 * /api/auth/session) asks the database whether it still stands. So signing out, a password change,
 * the account's deletion or a staff member's removal from a store end a cookie on every server of a
 * fleet, not only on the device that clicked. A live answer is kept for SESSION_RECHECK_MS per
 * process — the "within seconds" — and dropped at once where the session is ended.
 * Ended by triggers, so no writer can forget: a changed password or role, a removed store
 * membership; the account's deletion removes its sessions (ON DELETE CASCADE).
 * Times are the database's clock_timestamp(), as its triggers write them (lib/auth/schema.ts).
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
  const db = await getDb();
  await db.insert(authSessions).values({ id, userId, userAgent: userAgent?.slice(0, 300) || null });
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
    const db = await getDb();
    // Raw SQL: a data-modifying CTE answers and notes the use in one round trip on every session
    // read, and writes only when the last note is 5 minutes old (clock_timestamp(), as the triggers).
    const r = await db.execute<{ n: number }>(
      sql`WITH s AS (SELECT id FROM auth_sessions WHERE id = ${sid} AND user_id = ${user} AND revoked_at IS NULL),
               seen AS (UPDATE auth_sessions SET last_seen_at = clock_timestamp()
                        WHERE id IN (SELECT id FROM s) AND last_seen_at < clock_timestamp() - interval '5 minutes')
          SELECT count(*)::int AS n FROM s`,
    );
    row = r.rows[0];
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
  const db = await getDb();
  await db
    .update(authSessions)
    .set({ revokedAt: sql`clock_timestamp()` })
    .where(and(eq(authSessions.id, sid), isNull(authSessions.revokedAt)));
}

/** "Sign out of all my devices": every session of this user ends, `except` one if named. */
export async function endUserSessions(userId: number, except?: string): Promise<number> {
  for (const [sid, entry] of live) if (entry.userId === userId && sid !== except) live.delete(sid);
  const db = await getDb();
  const rows = await db
    .update(authSessions)
    .set({ revokedAt: sql`clock_timestamp()` })
    .where(
      and(
        eq(authSessions.userId, userId),
        isNull(authSessions.revokedAt),
        // As text: `except` comes from a cookie and need not be a well-formed uuid.
        except === undefined ? undefined : ne(sql`${authSessions.id}::text`, except),
      ),
    )
    .returning({ id: authSessions.id });
  return rows.length;
}

export type SessionSummary = { id: string; createdAt: Date; lastSeenAt: Date; userAgent: string | null };

/** The user's sessions still standing, latest used first (the account page lists them). */
export async function listUserSessions(userId: number): Promise<SessionSummary[]> {
  const db = await getDb();
  return db
    .select({ id: authSessions.id, createdAt: authSessions.createdAt, lastSeenAt: authSessions.lastSeenAt, userAgent: authSessions.userAgent })
    .from(authSessions)
    .where(and(eq(authSessions.userId, userId), isNull(authSessions.revokedAt), gt(authSessions.createdAt, sql`clock_timestamp() - interval '30 days'`)))
    .orderBy(desc(authSessions.lastSeenAt))
    .limit(50);
}

/**
 * A new password, in one statement: the trigger on users ends every other session of the user
 * (the one named `keep`, the device that made the change, stays).
 */
export async function setPasswordHash(userId: number, passwordHash: string, keep: string | undefined): Promise<boolean> {
  const db = await getDb();
  // Raw SQL: a database function (set_config) names the session to keep for the trigger, local to
  // this one statement's transaction, which a CTE ties to the UPDATE.
  const r = await db.execute<{ id: number }>(
    sql`WITH keep AS (SELECT set_config('comptoir.keep_session', ${keep ?? ''}, true) AS v)
        UPDATE users SET password_hash = ${passwordHash} WHERE id = ${userId} AND EXISTS (SELECT 1 FROM keep) RETURNING id`,
  );
  for (const [sid, entry] of live) if (entry.userId === userId && sid !== keep) live.delete(sid);
  return r.rows.length === 1;
}

/** Sessions ended or past their 30 days count for nothing (a scheduled job, lib/jobs). */
export async function trimSessions(): Promise<number> {
  const db = await getDb();
  const gone = await db
    .delete(authSessions)
    .where(or(lt(authSessions.createdAt, sql`clock_timestamp() - interval '31 days'`), lt(authSessions.revokedAt, sql`clock_timestamp() - interval '1 day'`)))
    .returning({ id: authSessions.id });
  return gone.length;
}
