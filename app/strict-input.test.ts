import { randomUUID } from 'node:crypto';
import { formatWithOptions } from 'node:util';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { SessionUser } from '@/lib/auth/guards';
import { useTestDatabase } from '@/test/support/db';
import { redactConsole } from '@/lib/errors';
import { getDictionary } from '@/lib/i18n/dictionary';
import { interpolate } from '@/lib/i18n/format';
import { MAX_COUNTED_ON_HAND, MAX_RECEIVE_QUANTITY } from '@/lib/inventory/commands';
import { reservationLimits } from '@/lib/reservations/config';
import { insertCategory, insertProduct, insertStore, insertUser, setStock } from '@/test/support/fixtures';
import { actAs, NavigationSignal } from '@/test/support/next-request';
import { form, one } from '@/test/support/world';

vi.mock('next/headers', async () => (await import('@/test/support/next-request')).nextHeaders);
vi.mock('next/navigation', async () => (await import('@/test/support/next-request')).nextNavigation);
vi.mock('next/cache', async () => (await import('@/test/support/next-request')).nextCache);
vi.mock('next/server', async () => ({ ...(await import('next/server.js')), connection: async () => {} }));
vi.mock('next-auth', async () => (await import('@/test/support/next-request')).nextAuth);
vi.mock('@/lib/auth', async () => (await import('@/test/support/next-request')).auth);

import { signUpAction } from './[locale]/(shop)/sign-up/sign-up-action';
import { reserveAction } from './[locale]/(catalogue)/p/[slug]/reserve-action';
import { correctCountAction } from './[locale]/(staff)/staff/stores/[storeId]/correct-count-action';
import { recordDeliveryAction } from './[locale]/(staff)/staff/stores/[storeId]/record-delivery-action';

/**
 * Issue 15: numbers are read strictly (digits only, within range: `Number()` read "1e3" as 1,000
 * and "0x10" as 16), and a failed query's values never reach a log line.
 */
const t = getDictionary('en');
/** What Number() and z.coerce.number() accepted, and a person never means as a count. */
const NOT_DIGITS = ['1e3', '0x10', ' 1', '1 ', '+1', '1.0', '1.', '-0', '0b1', '١', '１', '1_0', 'Infinity', ''];

let conn: Awaited<ReturnType<typeof useTestDatabase>>;
let store: number;
let sku: number;
let staff: SessionUser;
let shopper: SessionUser;

const onHand = async () => (await one<{ on_hand: number }>('SELECT on_hand FROM stock WHERE location_id = $1 AND sku_id = $2', [store, sku])).on_hand;

beforeAll(async () => {
  conn = await useTestDatabase();
  const category = await insertCategory(conn.db, 'strict');
  store = await insertStore(conn.db, { slug: 'strict-shop', lat: 45.76, lng: 4.86 });
  sku = (await insertProduct(conn.db, { slug: 'strict-shoe', categoryId: category, nameFr: 'Chaussure', nameEn: 'Shoe' })).skuIds[0]!;
  await setStock(conn.db, store, sku, 5);
  const staffId = await insertUser(conn.db, { email: 'strict-staff@example.com', name: 'Sam', role: 'staff' });
  await conn.db.execute(sql`INSERT INTO staff_memberships (user_id, store_id) VALUES (${staffId}, ${store})`);
  staff = { id: staffId, name: 'Sam', email: 'strict-staff@example.com', role: 'staff' };
  const shopperId = await insertUser(conn.db, { email: 'strict-shopper@example.com', name: 'Zoé' });
  shopper = { id: shopperId, name: 'Zoé', email: 'strict-shopper@example.com', role: 'shopper' };
});

afterAll(async () => {
  await conn?.drop();
});

describe('numbers are digits only, within their range', () => {
  it.each(NOT_DIGITS)('the stock count refuses %j, says "digits only" with the range, and leaves the stock alone', async (typed) => {
    actAs(staff);
    const result = await correctCountAction(
      { ok: false, message: '' },
      form({ storeId: store, skuId: sku, idempotencyKey: randomUUID(), countedOnHand: typed }),
    );
    const message = interpolate(t.staff.invalidQuantity, { min: 0, max: MAX_COUNTED_ON_HAND });
    expect(result).toEqual({ ok: false, message, fieldErrors: { countedOnHand: message } });
    expect(message).toMatch(/from 0 to 100000, digits only/);
    expect(await onHand()).toBe(5);
  });

  it('the delivery form refuses "1e3" and "0x10" the same way; digits are counted', async () => {
    actAs(staff);
    for (const typed of ['1e3', '0x10', '+2']) {
      const result = await recordDeliveryAction(
        { ok: false, message: '' },
        form({ storeId: store, skuId: sku, idempotencyKey: randomUUID(), quantity: typed }),
      );
      expect(result.message).toBe(interpolate(t.staff.invalidQuantity, { min: 1, max: MAX_RECEIVE_QUANTITY }));
    }
    expect(await onHand()).toBe(5);
    expect(
      (await recordDeliveryAction({ ok: false, message: '' }, form({ storeId: store, skuId: sku, idempotencyKey: randomUUID(), quantity: '02' }))).ok,
    ).toBe(true);
    expect(await onHand()).toBe(7);
    expect(
      (await correctCountAction({ ok: false, message: '' }, form({ storeId: store, skuId: sku, idempotencyKey: randomUUID(), countedOnHand: '5' }))).ok,
    ).toBe(true);
  });

  it.each([' 1', '+1', '1e0', '0x1', '1.0'])('the reserve form refuses quantity %j with the range', async (typed) => {
    actAs(shopper);
    const { maxUnitsPerSku } = reservationLimits();
    const result = await reserveAction(
      { ok: false, message: '', fieldErrors: {} },
      form({ storeId: store, skuId: sku, quantity: typed, idempotencyKey: randomUUID() }),
    );
    const message = interpolate(t.reservations.quantityRange, { max: maxUnitsPerSku });
    expect(result).toEqual({ ok: false, message, fieldErrors: { quantity: message } });
    expect(message).toMatch(/digits only/);
    expect((await one<{ n: number }>('SELECT count(*)::int AS n FROM reservations')).n).toBe(0);
  });

  it('the reserve form takes "1"', async () => {
    actAs(shopper);
    await expect(
      reserveAction({ ok: false, message: '', fieldErrors: {} }, form({ storeId: store, skuId: sku, quantity: '1', idempotencyKey: randomUUID() })),
    ).rejects.toBeInstanceOf(NavigationSignal);
  });
});

describe('a failed query is logged without its values', () => {
  /** A console that formats its arguments as Node's does (util.format: an Error with its own properties). */
  function capturingConsole() {
    const lines: string[] = [];
    const write = (...args: unknown[]) => void lines.push(formatWithOptions({ depth: 6 }, ...args));
    return { lines, target: { error: write, warn: write, log: write, info: write } };
  }

  async function failingSignUp(): Promise<{ err: unknown; password: string; email: string }> {
    // The database refuses the new account, as an outage or a constraint would, after the
    // password was hashed: Drizzle's error names the query and its values.
    await conn.db.execute(
      sql`CREATE OR REPLACE FUNCTION refuse_users() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'refused for the test'; END $$`,
    );
    await conn.db.execute(sql`CREATE OR REPLACE TRIGGER refuse_users BEFORE INSERT ON users FOR EACH ROW EXECUTE FUNCTION refuse_users()`);
    const email = `log-${randomUUID()}@example.com`;
    const password = 'correct horse battery 42';
    actAs(null);
    try {
      await signUpAction({ ok: false, message: '', fieldErrors: {}, values: {} }, form({ name: 'Léa', email, password }));
      throw new Error('the sign-up was expected to fail');
    } catch (err) {
      return { err, password, email };
    } finally {
      await conn.db.execute(sql`DROP TRIGGER refuse_users ON users`);
    }
  }

  it('the error a failed sign-up throws, logged as Next.js logs it, holds neither the password, nor its hash, nor the email', async () => {
    const { err, password, email } = await failingSignUp();
    const { lines, target } = capturingConsole();
    target.error('⨯', err); // what Next.js writes for an action that threw
    const line = lines.join('\n');
    expect(line).toMatch(/Failed query: insert into "users"/); // still useful: which query failed
    expect(line).not.toContain(password);
    expect(line).not.toMatch(/\$2[aby]\$\d\d\$/); // a bcrypt hash
    expect(line).not.toContain(email);
  });

  it('the server console (instrumentation.ts) redacts an unredacted query error too', async () => {
    const { DrizzleQueryError } = await import('drizzle-orm/errors');
    const raw = new DrizzleQueryError(
      'insert into "users" ("email", "password_hash") values ($1, $2)',
      ['a@example.com', '$2b$12$abcdefghijklmnopqrstuv'],
      new Error('boom'),
    );
    const { lines, target } = capturingConsole();
    redactConsole(target);
    target.error('[auth]', new Error('wrapped', { cause: raw }));
    expect(lines.join('\n')).not.toMatch(/a@example\.com|\$2b\$12/);
    expect(lines.join('\n')).toMatch(/params: \[2 redacted\]/);
  });
});
