import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/lib/db/client';
import { MIGRATIONS_FOLDER } from '@/lib/db/migrate';
import { pgliteExtensions } from '@/lib/db/pglite-extensions';
import { onPostgres } from '@/test/support/db';
import { insertCategory, insertProduct, insertShoppers, insertStore } from '@/test/support/fixtures';
import { bookingRefusal } from './refusals';

/*
 * Upgrading in place: a database at 0021 (drive slots, holds and bookings; return windows and
 * returns in their own tables), with the data a running shop has, migrated to 0022. Everything is
 * carried over, ids that pages hold (drive slots) are kept, and the invariant still holds. PGlite
 * only: the SQL is the same on PostgreSQL, and each migration runs the same on both.
 */
const BEFORE = 21;

let client: PGlite;
let db: Db;
let tmp: string;
let store: number;
let slots: number[];
const before: Record<string, unknown> = {};

async function rows<T>(query: ReturnType<typeof sql>): Promise<T[]> {
  return (await db.execute<T & Record<string, unknown>>(query)).rows as T[];
}

/** The migrations folder as it was at `last`: the same files, the journal cut after it. */
function migrationsUpTo(last: number): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'comptoir-migrations-'));
  fs.mkdirSync(path.join(dir, 'meta'));
  const journal = JSON.parse(fs.readFileSync(path.join(MIGRATIONS_FOLDER, 'meta', '_journal.json'), 'utf8')) as { entries: { idx: number; tag: string }[] };
  journal.entries = journal.entries.filter((e) => e.idx <= last);
  fs.writeFileSync(path.join(dir, 'meta', '_journal.json'), JSON.stringify(journal));
  for (const e of journal.entries) fs.copyFileSync(path.join(MIGRATIONS_FOLDER, `${e.tag}.sql`), path.join(dir, `${e.tag}.sql`));
  return dir;
}

describe.skipIf(onPostgres)('0022: drive slots and return windows move into the shared capacity booking', () => {
  beforeAll(async () => {
    client = await PGlite.create({ extensions: await pgliteExtensions() });
    db = drizzle(client) as unknown as Db;
    tmp = migrationsUpTo(BEFORE);
    await migrate(drizzle(client), { migrationsFolder: tmp });

    // A drive store with slots, through the functions of the time: live, lapsed and converted holds, booked and cancelled orders.
    store = await insertStore(db, { slug: 'lyon', lat: 45.76, lng: 4.83, drive: true });
    await db.execute(sql`UPDATE stores SET returns_desk = true WHERE location_id = ${store}`);
    await db.execute(sql`INSERT INTO drive_settings (store_id, cutoff_minutes) VALUES (${store}, 0)`);
    slots = (
      await rows<{ id: number }>(sql`
        INSERT INTO drive_slots (store_id, starts_at, ends_at, capacity)
        SELECT ${store}, now() + make_interval(hours => h), now() + make_interval(hours => h, mins => 30), 2 FROM generate_series(1, 3) h
        RETURNING id`)
    ).map((r) => r.id);
    const [a, b, c] = slots as [number, number, number];
    await db.execute(sql`SELECT comptoir_drive_hold(${store}, ${a}, 'c:1', 10)`);
    await db.execute(sql`SELECT comptoir_drive_hold(${store}, ${b}, 'c:2', 10)`);
    await db.execute(sql`SELECT comptoir_drive_book(${store}, ${b}, 'c:2', 'CMD-HELD')`); // the hold becomes the booking
    await db.execute(sql`SELECT comptoir_drive_book(${store}, ${a}, NULL, 'CMD-FULL')`); // a is now full: c:1's hold + this
    await db.execute(sql`SELECT comptoir_drive_book(${store}, ${c}, NULL, 'CMD-GONE')`);
    await db.execute(sql`UPDATE drive_slot_bookings SET status = 'cancelled', cancelled_at = now() WHERE order_ref = 'CMD-GONE'`);
    await db.execute(sql`INSERT INTO drive_slot_holds (slot_id, holder, state, expires_at) VALUES (${c}, 'c:3', 'lapsed', now() - interval '1 hour')`);

    // A returns desk open all day, a window with one booked and one cancelled return, a walk-in.
    for (let weekday = 1; weekday <= 7; weekday++) {
      await db.execute(sql`INSERT INTO store_hours (store_id, weekday, opens, closes) VALUES (${store}, ${weekday}, '00:00', '23:00')`);
    }
    const [shopper] = await insertShoppers(db, 1, 'upgrade');
    const cat = await insertCategory(db, 'c');
    const [sku] = (await insertProduct(db, { slug: 'p', categoryId: cat, nameFr: 'P', nameEn: 'P' })).skuIds;
    const order = (
      await rows<{ id: number }>(sql`
        INSERT INTO orders (number, customer_id, mode, location_id, status, subtotal_cents, delivery_cents, total_cents,
                            payment_provider, payment_status, delivery_name, delivery_address, delivery_postcode, delivery_town, idempotency_key)
        VALUES ('CMD-RET', ${shopper}, 'delivery', ${store}, 'delivered', 3000, 0, 3000, 'test', 'captured', 'A', '1 rue', '69001', 'Lyon', 'upgrade-order')
        RETURNING id`)
    )[0]!.id;
    await db.execute(sql`INSERT INTO order_lines (order_id, sku_id, quantity, unit_price_cents) VALUES (${order}, ${sku}, 3, 1000)`);
    const window = (
      await rows<{ id: number }>(sql`
        SELECT (comptoir_return_lock_window(${store}, ((now() AT TIME ZONE 'Europe/Paris')::date + 1 + time '10:00') AT TIME ZONE 'Europe/Paris', 14, 2)).id AS id`)
    )[0]!.id;
    for (const [i, status] of ['booked', 'cancelled'].entries()) {
      await db.execute(sql`
        INSERT INTO returns (code, order_id, customer_id, store_id, window_id, refund_method, idempotency_key, status, cancelled_at)
        VALUES (${`R-UPGR${i}A`}, ${order}, ${shopper}, ${store}, ${window}, 'card', ${`upgrade-${i}`}, ${status},
                ${status === 'cancelled' ? sql`now()` : null})`);
    }
    await db.execute(sql`
      INSERT INTO returns (code, order_id, customer_id, store_id, walk_in, refund_method, idempotency_key)
      VALUES ('R-UPGRWK', ${order}, ${shopper}, ${store}, true, 'card', 'upgrade-walk-in')`);

    before.slots = await rows(sql`SELECT id, store_id, starts_at, ends_at, capacity FROM drive_slots ORDER BY id`);
    before.holds = await rows(sql`SELECT slot_id, holder, state, expires_at FROM drive_slot_holds ORDER BY holder`);
    before.bookings = await rows(sql`SELECT slot_id, order_ref, holder, status, cancelled_at FROM drive_slot_bookings ORDER BY order_ref`);
    before.windows = await rows(sql`SELECT store_id, starts_at, ends_at, capacity FROM return_windows ORDER BY id`);
    before.returns = await rows(sql`
      SELECT r.code, r.status, w.starts_at FROM returns r LEFT JOIN return_windows w ON w.id = r.window_id ORDER BY r.code`);

    await migrate(drizzle(client), { migrationsFolder: MIGRATIONS_FOLDER });
  });
  afterAll(async () => {
    await client?.close();
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('carries every slot, hold, booking, window and return over; drive slots keep their ids', async () => {
    expect(await rows(sql`SELECT id, store_id, starts_at, ends_at, capacity FROM drive_slots ORDER BY id`)).toEqual(before.slots);
    expect(await rows(sql`SELECT slot_id, holder, state, expires_at FROM drive_slot_holds ORDER BY holder`)).toEqual(before.holds);
    expect(await rows(sql`SELECT slot_id, order_ref, holder, status, cancelled_at FROM drive_slot_bookings ORDER BY order_ref`)).toEqual(before.bookings);
    expect(await rows(sql`SELECT store_id, starts_at, ends_at, capacity FROM return_windows ORDER BY id`)).toEqual(before.windows);
    expect(await rows(sql`SELECT r.code, r.status, w.starts_at FROM returns r LEFT JOIN return_windows w ON w.id = r.window_id ORDER BY r.code`)).toEqual(
      before.returns,
    );
    // One place each: the booked return's, not the cancelled one's, not the walk-in's.
    const [window] = await rows<{ taken: number; id: number }>(sql`SELECT id, comptoir_booking_taken(id) AS taken FROM return_windows`);
    expect(window!.taken).toBe(1);
    expect(window!.id).toBeGreaterThan(Math.max(...slots));
    const [a, b, c] = slots;
    expect(await rows(sql`SELECT id, comptoir_booking_taken(id) AS taken FROM drive_slots ORDER BY id`)).toEqual([
      { id: a, taken: 2 },
      { id: b, taken: 1 },
      { id: c, taken: 0 },
    ]);
  });

  it('and the invariant holds on the moved rows: full stays full, a freed place is free, new slots follow on', async () => {
    const [a, , c] = slots as [number, number, number];
    const full = await db.execute(sql`SELECT comptoir_drive_book(${store}, ${a}, NULL, 'CMD-LATE')`).catch((e: unknown) => e);
    expect(bookingRefusal(full)).toEqual({ reason: 'full', value: 2 });
    const raw = await db.execute(sql`INSERT INTO drive_slot_bookings (slot_id, order_ref) VALUES (${a}, 'CMD-RAW')`).catch((e: unknown) => e);
    expect(bookingRefusal(raw)?.reason).toBe('full');
    await db.execute(sql`SELECT comptoir_drive_book(${store}, ${c}, NULL, 'CMD-NEW')`);
    // The returns window (capacity 2, one taken) takes one more, then refuses; a cancelled return stays cancelled.
    const [w] = await rows<{ id: number }>(sql`SELECT id FROM return_windows`);
    await db.execute(sql`UPDATE returns SET window_id = ${w!.id}, walk_in = false WHERE code = 'R-UPGRWK'`);
    const third = await db
      .execute(
        sql`
        INSERT INTO returns (code, order_id, customer_id, store_id, window_id, refund_method, idempotency_key)
        SELECT 'R-UPGR3A', order_id, customer_id, store_id, ${w!.id}, 'card', 'upgrade-3' FROM returns WHERE code = 'R-UPGRWK'`,
      )
      .catch((e: unknown) => e);
    expect(bookingRefusal(third)).toEqual({ reason: 'full', value: 2 });
    const revived = await db.execute(sql`UPDATE returns SET status = 'booked', cancelled_at = NULL WHERE code = 'R-UPGR1A'`).catch((e: unknown) => e);
    expect(String((revived as { cause?: Error }).cause?.message ?? revived)).toMatch(/comptoir:return_cancelled/);
    const made = await rows<{ id: number }>(sql`
      INSERT INTO drive_slots (store_id, starts_at, ends_at, capacity) VALUES (${store}, now() + interval '9 hours', now() + interval '10 hours', 1) RETURNING id`);
    expect(made[0]!.id).toBeGreaterThan(w!.id);
  });
});
