import { sql } from 'drizzle-orm';
import { hashPassword } from '../../lib/auth/password';
import type { Db } from '../../lib/db/client';

export type Account = { email: string; name: string; password: string };

/**
 * A journey's own account, made by the data step (e2e/support/write-data.ts). An upsert: with
 * E2E_SKIP_SETUP=1 the step runs again on the same database, and the account keeps its id.
 */
export async function upsertAccount(db: Db, who: Account, role: 'shopper' | 'staff'): Promise<number> {
  const hash = await hashPassword(who.password);
  const r = await db.execute<{ id: number }>(sql`
    INSERT INTO users (email, name, role, password_hash) VALUES (${who.email}, ${who.name}, ${role}, ${hash})
    ON CONFLICT (lower(email)) DO UPDATE SET password_hash = EXCLUDED.password_hash RETURNING id`);
  return r.rows[0]!.id;
}

/** A staff account of the journey's own, working at one store. */
export async function upsertStaff(db: Db, who: Account, storeId: number): Promise<number> {
  const id = await upsertAccount(db, who, 'staff');
  await db.execute(sql`INSERT INTO staff_memberships (user_id, store_id) VALUES (${id}, ${storeId}) ON CONFLICT DO NOTHING`);
  return id;
}
