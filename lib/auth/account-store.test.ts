import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '@/test/support/db';
import { getAccountStore, saveAccountStore, settleAccountStore } from './account-store';
import { createUser } from './users';

let conn: Awaited<ReturnType<typeof useTestDatabase>>;

async function addStore(id: number, name: string) {
  await conn.db.execute(sql`INSERT INTO locations (id, code, kind, name) VALUES (${id}, ${`S${id}`}, 'store', ${name})`);
  await conn.db.execute(sql`
    INSERT INTO stores (location_id, slug, name, format, address, postcode, town, lat, lng)
    VALUES (${id}, ${`store-${id}`}, ${name}, 'city', '1 rue X', '69000', 'Lyon', 45.75, 4.85)`);
}

const shopper = (email: string) => createUser({ email, name: 'Camille Martin', password: 'rue-de-la-paix' });

beforeAll(async () => {
  conn = await useTestDatabase();
  if (conn.kind === 'postgres') conn.pool.on('error', () => {});
  await addStore(1, 'Lyon Part-Dieu');
  await addStore(2, 'Villeurbanne');
  await conn.db.execute(sql`INSERT INTO locations (id, code, kind, name) VALUES (9, 'WEB', 'warehouse', 'Web')`);
});
afterAll(async () => conn?.drop());

describe('my store on the account', () => {
  it('saves a choice, and the last choice wins', async () => {
    const { id } = await shopper('save@example.com');
    expect(await getAccountStore(id)).toBeNull();
    expect(await saveAccountStore(id, 1)).toBe(true);
    expect(await getAccountStore(id)).toBe(1);
    expect(await saveAccountStore(id, 2)).toBe(true);
    expect(await getAccountStore(id)).toBe(2);
  });

  it('never saves a location that is not a store, nor an unknown account or id', async () => {
    const { id } = await shopper('refuse@example.com');
    await saveAccountStore(id, 1);
    expect(await saveAccountStore(id, 9)).toBe(false); // the web warehouse
    expect(await saveAccountStore(id, 404)).toBe(false);
    expect(await saveAccountStore(id, -1)).toBe(false);
    expect(await saveAccountStore(999_999, 1)).toBe(false);
    expect(await getAccountStore(id)).toBe(1);
  });

  it('at sign-in, the account store wins over the device; an account without one takes the device’s', async () => {
    const chosenElsewhere = await shopper('elsewhere@example.com');
    await saveAccountStore(chosenElsewhere.id, 2);
    expect(await settleAccountStore(chosenElsewhere.id, 1)).toBe(2);
    expect(await settleAccountStore(chosenElsewhere.id, null)).toBe(2);

    const fresh = await shopper('fresh@example.com');
    expect(await settleAccountStore(fresh.id, null)).toBeNull();
    expect(await settleAccountStore(fresh.id, 404)).toBeNull(); // a cookie naming no store is not adopted
    expect(await settleAccountStore(fresh.id, 9)).toBeNull();
    expect(await settleAccountStore(fresh.id, 1)).toBe(1);
    expect(await getAccountStore(fresh.id)).toBe(1);
    expect(await settleAccountStore(fresh.id, 2)).toBe(1);
  });

  it('forgets a store that is deleted', async () => {
    const { id } = await shopper('closed@example.com');
    await addStore(3, 'Marseille');
    await saveAccountStore(id, 3);
    await conn.db.execute(sql`DELETE FROM stores WHERE location_id = 3`);
    expect(await getAccountStore(id)).toBeNull();
  });
});
