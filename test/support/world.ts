/**
 * For the walks over every server action and route handler (app/access.test.ts,
 * app/actions.fuzz.test.ts): the demo world, the people who act in it, and a log of every row
 * written anywhere.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { queryRows } from '@/lib/db/client';
import type { Db } from '@/lib/db/client';
import { seed } from '@/lib/db/seed';
import type { SessionUser } from '@/lib/auth/guards';
import { insertStore, insertUser } from './fixtures';

export async function one<T>(text: string, params: unknown[] = []): Promise<T> {
  const [row] = await queryRows<T>(text, params);
  if (!row) throw new Error(`no row for: ${text}`);
  return row;
}

async function person(id: number): Promise<SessionUser> {
  return one<SessionUser>('SELECT id, name, email, role FROM users WHERE id = $1', [id]);
}

export type World = {
  /** The demo staff member (Lyon Part-Dieu and Villeurbanne). */
  staffA: SessionUser;
  /** Staff of one other shop only. */
  staffB: SessionUser;
  storeB: number;
  admin: SessionUser;
  /** A shopper with no orders, reservations or returns: the one who tries other people's ids. */
  intruder: SessionUser;
  person: (id: number) => Promise<SessionUser>;
};

/** The demo seed (stores, catalogue, stock, orders, reservations, returns, loyalty) plus two people. */
export async function seedWorld(db: Db): Promise<World> {
  await seed(db, { scale: 'demo' });
  const staffAId = (await one<{ id: number }>(`SELECT id FROM users WHERE email = 'sam@example.com'`)).id;
  const adminId = (await one<{ id: number }>(`SELECT id FROM users WHERE role = 'admin' LIMIT 1`)).id;
  const storeB = await insertStore(db, { slug: 'comptoir-ailleurs', lat: 43.6, lng: 1.44 });
  const staffBId = await insertUser(db, { email: 'bea@example.com', name: 'Béa', role: 'staff' });
  await db.execute(sql`INSERT INTO staff_memberships (user_id, store_id) VALUES (${staffBId}, ${storeB})`);
  const intruderId = await insertUser(db, { email: `intruder-${randomUUID()}@example.com`, name: 'Mallory' });
  await installWriteLog();
  return {
    staffA: await person(staffAId),
    staffB: await person(staffBId),
    storeB,
    admin: await person(adminId),
    intruder: await person(intruderId),
    person,
  };
}

/**
 * Records every committed row written anywhere (a row trigger on every table, into a log table of
 * this test database): a refused call must leave the log as it was. Transactional, so a write that
 * was rolled back leaves no trace, exactly as in the shop. The stock outbox (written by triggers,
 * drained by relays) and sign-in attempts are left out; a stock change still shows in `stock`.
 */
export async function installWriteLog(): Promise<void> {
  await queryRows(`CREATE TABLE comptoir_test_writes (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, tbl text NOT NULL, op text NOT NULL)`, []);
  await queryRows(
    `CREATE FUNCTION comptoir_test_log_write() RETURNS trigger LANGUAGE plpgsql AS $$
     BEGIN INSERT INTO comptoir_test_writes (tbl, op) VALUES (TG_TABLE_NAME, TG_OP); RETURN NULL; END; $$`,
    [],
  );
  const tables = await queryRows<{ name: string }>(
    `SELECT table_name AS name FROM information_schema.tables
     WHERE table_schema = 'public' AND table_type = 'BASE TABLE'
       AND table_name NOT IN ('stock_changes', 'sign_in_attempts', 'comptoir_test_writes')`,
    [],
  );
  for (const t of tables) {
    await queryRows(
      `CREATE TRIGGER comptoir_test_log_write AFTER INSERT OR UPDATE OR DELETE ON "${t.name}" FOR EACH ROW EXECUTE FUNCTION comptoir_test_log_write()`,
      [],
    );
  }
}

/** Rows written so far, by table and operation ("orders UPDATE": 2); compare before and after a call. */
export async function fingerprint(): Promise<Record<string, number>> {
  const rows = await queryRows<{ k: string; n: number }>(`SELECT tbl || ' ' || op AS k, count(*)::int AS n FROM comptoir_test_writes GROUP BY 1`, []);
  return Object.fromEntries(rows.map((r) => [r.k, r.n]));
}

/** FormData from plain fields. */
export function form(fields: Record<string, string | number>): FormData {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.set(k, String(v));
  return data;
}
