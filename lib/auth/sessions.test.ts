import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '@/lib/db/client';
import { useTestDatabase } from '@/test/support/db';
import { authConfig } from './config';
import { endSession, endUserSessions, isSessionLive, listUserSessions, SESSION_RECHECK_MS, setPasswordHash, startSession, trimSessions } from './sessions';

let conn: Awaited<ReturnType<typeof useTestDatabase>>;
let n = 0;

async function user(role: 'shopper' | 'staff' | 'admin' = 'shopper'): Promise<number> {
  const [row] = await queryRows<{ id: number }>(`INSERT INTO users (email, name, password_hash, role) VALUES ($1, 'T', 'x', $2) RETURNING id`, [
    `s${++n}@example.com`,
    role,
  ]);
  return row!.id;
}

/**
 * A moment past every answer this process has cached: what any server sees a few seconds later.
 * From the real clock too, not only the file's start: on a loaded machine the file runs for longer
 * than the recheck interval, and an answer cached at the real "now" would outlive a stale `clock`.
 */
let clock = Date.now();
const elsewhere = () => (clock = Math.max(clock, Date.now()) + 2 * SESSION_RECHECK_MS);

beforeAll(async () => {
  conn = await useTestDatabase();
  await queryRows(`INSERT INTO locations (id, code, kind, name) VALUES (1, 'S1', 'store', 'A'), (2, 'S2', 'store', 'B')`, []);
  await queryRows(
    `INSERT INTO stores (location_id, slug, name, format, address, postcode, town, lat, lng)
     VALUES (1, 'a', 'A', 'city', '1 rue X', '69000', 'Lyon', 45.75, 4.85), (2, 'b', 'B', 'city', '2 rue X', '69000', 'Lyon', 45.75, 4.85)`,
    [],
  );
});
afterAll(async () => conn?.drop());

describe('server-side sessions', () => {
  it('sign-out ends the session: the cookie no longer opens anything, here or on another server', async () => {
    const id = await user();
    const sid = await startSession(id, 'Mozilla/5.0 (iPhone)');
    expect(await isSessionLive(sid, id)).toBe(true);
    expect(await isSessionLive(sid, String(id))).toBe(true); // the JWT carries the id as a string
    await endSession(sid);
    expect(await isSessionLive(sid, id)).toBe(false);
    expect(await isSessionLive(sid, id, elsewhere())).toBe(false);
  });

  it('the session callback gives no session for an ended one (what /api/auth/session, the guards and the proxy read)', async () => {
    const id = await user();
    const sid = await startSession(id, null);
    const token = { id: String(id), sid, name: 'T', role: 'shopper' as const };
    const jwt = authConfig.callbacks.jwt as (p: { token: typeof token }) => Promise<typeof token | null>;
    expect(await jwt({ token })).toEqual(token);
    await endSession(sid);
    expect(await jwt({ token })).toBeNull();
    // A cookie issued before sessions were recorded, or naming another person's session, stands for nothing.
    expect(await jwt({ token: { ...token, sid: undefined as unknown as string } })).toBeNull();
    const other = await startSession(await user(), null);
    expect(await jwt({ token: { ...token, sid: other } })).toBeNull();
  });

  it('another server ending a session is seen within SESSION_RECHECK_MS', async () => {
    const id = await user();
    const sid = await startSession(id, null);
    expect(await isSessionLive(sid, id)).toBe(true);
    await queryRows('UPDATE auth_sessions SET revoked_at = now() WHERE id = $1', [sid]); // as another server's sign-out does
    expect(await isSessionLive(sid, id, elsewhere())).toBe(false);
  });

  it('"sign out of all my devices" ends every session of that person, and only theirs', async () => {
    const id = await user();
    const other = await user();
    const [a, b, c] = [await startSession(id, 'A'), await startSession(id, 'B'), await startSession(other, 'C')];
    const listed = await listUserSessions(id);
    expect(listed.map((s) => s.userAgent).sort()).toEqual(['A', 'B']);
    for (const s of listed) {
      expect(s.createdAt).toBeInstanceOf(Date);
      expect(Math.abs(s.lastSeenAt.getTime() - Date.now())).toBeLessThan(60_000);
    }
    expect(await endUserSessions(id)).toBe(2);
    expect(await isSessionLive(a, id, elsewhere())).toBe(false);
    expect(await isSessionLive(b, id, elsewhere())).toBe(false);
    expect(await isSessionLive(c, other, elsewhere())).toBe(true);
    expect(await listUserSessions(id)).toEqual([]);
  });

  it('"sign out of my other devices" keeps the one named; an id that is no session keeps none', async () => {
    const id = await user();
    const [here, phone, tablet] = [await startSession(id, 'here'), await startSession(id, 'phone'), await startSession(id, 'tablet')];
    expect(await endUserSessions(id, here)).toBe(2);
    expect(await isSessionLive(here, id, elsewhere())).toBe(true);
    expect(await isSessionLive(phone, id, elsewhere())).toBe(false);
    expect(await isSessionLive(tablet, id, elsewhere())).toBe(false);
    expect(await endUserSessions(id, 'not-a-session')).toBe(1);
    expect(await listUserSessions(id)).toEqual([]);
  });

  it('a password change ends the other sessions and keeps the device that made it', async () => {
    const id = await user();
    const [here, phone] = [await startSession(id, 'here'), await startSession(id, 'phone')];
    expect(await setPasswordHash(id, 'new-hash', here)).toBe(true);
    expect(await isSessionLive(here, id, elsewhere())).toBe(true);
    expect(await isSessionLive(phone, id, elsewhere())).toBe(false);
    // Changed any other way (a script, an admin's UPDATE): every session ends.
    await queryRows(`UPDATE users SET password_hash = 'other-hash' WHERE id = $1`, [id]);
    expect(await isSessionLive(here, id, elsewhere())).toBe(false);
  });

  it('removal from a store and a change of role end that staff member’s sessions, not a colleague’s', async () => {
    const [sam, kim] = [await user('staff'), await user('staff')];
    await queryRows('INSERT INTO staff_memberships (user_id, store_id) VALUES ($1, 1), ($1, 2), ($2, 1)', [sam, kim]);
    const [samSid, kimSid] = [await startSession(sam, null), await startSession(kim, null)];
    await queryRows('DELETE FROM staff_memberships WHERE user_id = $1 AND store_id = 2', [sam]);
    expect(await isSessionLive(samSid, sam, elsewhere())).toBe(false);
    expect(await isSessionLive(kimSid, kim, elsewhere())).toBe(true);
    await queryRows(`UPDATE users SET role = 'shopper' WHERE id = $1`, [kim]);
    expect(await isSessionLive(kimSid, kim, elsewhere())).toBe(false);
  });

  it('deleting the account removes its sessions', async () => {
    const id = await user();
    const sid = await startSession(id, null);
    await queryRows('DELETE FROM users WHERE id = $1', [id]);
    expect(await isSessionLive(sid, id, elsewhere())).toBe(false);
    expect(await queryRows('SELECT 1 FROM auth_sessions WHERE id = $1', [sid])).toEqual([]);
  });

  it('forgets ended sessions after a day and any after 31 days', async () => {
    const id = await user();
    const [old, ended, current] = [await startSession(id, null), await startSession(id, null), await startSession(id, null)];
    await queryRows(`UPDATE auth_sessions SET created_at = now() - interval '32 days' WHERE id = $1`, [old]);
    await queryRows(`UPDATE auth_sessions SET revoked_at = now() - interval '2 days' WHERE id = $1`, [ended]);
    await trimSessions();
    const left = await queryRows<{ id: string }>('SELECT id FROM auth_sessions WHERE user_id = $1', [id]);
    expect(left.map((r) => r.id)).toEqual([current]);
  });
});

describe('a database outage', () => {
  it('signs nobody out: a signed cookie stands while its session cannot be checked, and is checked again once the database is back', async () => {
    const id = await user();
    const sid = await startSession(id, null);
    const { Pool } = await import('pg');
    // Nothing listens on port 1: every connection is refused, as when PostgreSQL is down.
    const pool = new Pool({ connectionString: 'postgres://postgres@127.0.0.1:1/none', connectionTimeoutMillis: 1_000 });
    pool.on('error', () => {});
    const { setConnection } = await import('@/lib/db/client');
    setConnection({ kind: 'postgres', db: conn.db, pool, close: () => pool.end() });
    try {
      expect(await isSessionLive(sid, id, elsewhere())).toBe(true);
    } finally {
      setConnection(conn);
      await pool.end();
    }
    await endSession(sid);
    expect(await isSessionLive(sid, id, elsewhere())).toBe(false);
  });
});
