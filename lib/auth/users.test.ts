import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '@/test/support/db';
import { verifyPassword } from './password';
import { EmailTakenError, ForbiddenError } from './errors';
import { createUser, findUserByEmail, listStaffStores } from './users';
import { assertStaffOfStore, canActOnStore } from './staff-access';

let conn: Awaited<ReturnType<typeof useTestDatabase>>;

async function addStore(id: number, name: string) {
  await conn.db.execute(sql`INSERT INTO locations (id, code, kind, name) VALUES (${id}, ${`S${id}`}, 'store', ${name})`);
  await conn.db.execute(sql`
    INSERT INTO stores (location_id, slug, name, format, address, postcode, town, lat, lng)
    VALUES (${id}, ${`store-${id}`}, ${name}, 'city', '1 rue X', '69000', 'Lyon', 45.75, 4.85)`);
}

beforeAll(async () => {
  conn = await useTestDatabase();
  if (conn.kind === 'postgres') conn.pool.on('error', () => {});
  await addStore(1, 'Lyon Part-Dieu');
  await addStore(2, 'Villeurbanne');
  await addStore(3, 'Marseille');
  await conn.db.execute(sql`INSERT INTO locations (id, code, kind, name) VALUES (9, 'WEB', 'warehouse', 'Web')`);
});
afterAll(async () => conn?.drop());

describe('createUser / findUserByEmail', () => {
  it('stores a bcrypt hash, finds the user whatever the case of the email', async () => {
    const user = await createUser({ email: 'Camille@Example.com', name: 'Camille Martin', password: 'rue-de-la-paix' });
    expect(user).toMatchObject({ email: 'Camille@Example.com', name: 'Camille Martin', role: 'shopper' });
    const found = await findUserByEmail('  camille@EXAMPLE.com');
    expect(found?.id).toBe(user.id);
    expect(found?.passwordHash).not.toContain('rue-de-la-paix');
    expect(await verifyPassword('rue-de-la-paix', found!.passwordHash)).toBe(true);
    expect(await findUserByEmail('nobody@example.com')).toBeNull();
  });

  it('refuses a second account for the same email in another case, even when racing', async () => {
    await expect(createUser({ email: 'CAMILLE@example.com', name: 'Other', password: 'rue-de-la-paix' })).rejects.toBeInstanceOf(EmailTakenError);
    const results = await Promise.allSettled(Array.from({ length: 5 }, () => createUser({ email: 'race@example.com', name: 'R', password: 'rue-de-la-paix' })));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.filter((r) => r.status === 'rejected' && r.reason instanceof EmailTakenError)).toHaveLength(4);
  });
});

describe('store access', () => {
  let sam: number;
  let shopper: number;
  let admin: number;

  beforeAll(async () => {
    sam = (await createUser({ email: 'sam@example.com', name: 'Sam', password: 'comptoir-staff', role: 'staff' })).id;
    shopper = (await createUser({ email: 'shop@example.com', name: 'S', password: 'comptoir-shopper' })).id;
    admin = (await createUser({ email: 'admin@example.com', name: 'A', password: 'comptoir-admin', role: 'admin' })).id;
    await conn.db.execute(sql`INSERT INTO staff_memberships (user_id, store_id) VALUES (${sam}, 1), (${sam}, 2), (${shopper}, 3)`);
  });

  it('lists a staff member’s stores, every store for an admin, none for a shopper', async () => {
    expect((await listStaffStores(sam)).map((s) => s.id)).toEqual([1, 2]);
    expect((await listStaffStores(admin)).map((s) => s.id).sort()).toEqual([1, 2, 3]);
    expect(await listStaffStores(shopper)).toEqual([]); // a stray membership gives a shopper nothing
  });

  it('lets staff act on their stores only, admins on any store, and nobody on an unknown one', async () => {
    expect(await canActOnStore(sam, 1)).toBe(true);
    expect(await canActOnStore(sam, 3)).toBe(false);
    expect(await canActOnStore(admin, 3)).toBe(true);
    expect(await canActOnStore(admin, 9)).toBe(false); // the warehouse is not a store
    expect(await canActOnStore(admin, 404)).toBe(false);
    expect(await canActOnStore(shopper, 3)).toBe(false);
    await expect(assertStaffOfStore(sam, 2)).resolves.toBeUndefined();
    await expect(assertStaffOfStore(sam, 3)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(assertStaffOfStore(sam, Number.NaN)).rejects.toBeInstanceOf(ForbiddenError);
  });

  it('follows the database, not an old session: a demoted staff member loses access at once', async () => {
    await conn.db.execute(sql`UPDATE users SET role = 'shopper' WHERE id = ${sam}`);
    expect(await canActOnStore(sam, 1)).toBe(false);
    await conn.db.execute(sql`UPDATE users SET role = 'staff' WHERE id = ${sam}`);
  });
});
