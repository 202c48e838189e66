import { sql } from 'drizzle-orm';
import type { Db } from '@/lib/db';
import { arrayLiteral } from '@/lib/db/sql';

/*
 * The stores' side of an import (lib/import): shops with their location, services and opening
 * hours, written set-wise (one statement per step, the rows as column arrays through unnest), and
 * compared before they are written (… WHERE (…) IS DISTINCT FROM (…)), so the same file twice
 * changes nothing and migration 0019's triggers expire only the store pages that changed.
 * No 'server-only': the seed (run by tsx outside Next) loads its shops through here.
 */

// Raw SQL throughout: unnest of column arrays, set-wise upserts compared with IS DISTINCT FROM, several steps in order.

export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

export type StoreImport = {
  slug: string;
  code?: string;
  name: string;
  format?: 'hyper' | 'city' | 'outlet';
  address: string;
  town: string;
  postcode: string;
  lat: number;
  lng: number;
  phone?: string;
  /** Absent: left as they are (none for a new store). */
  services?: { clickReserve: boolean; drive: boolean; returnsDesk: boolean; phoneOrders: boolean };
  /** Absent: left as they are. Otherwise the whole week: a weekday with no interval is closed. */
  hours?: { weekday: Weekday; opens: string; closes: string }[];
};

const texts = (values: readonly (string | null | undefined)[]) => arrayLiteral(values.map((v) => v ?? null));
const nums = (values: readonly (number | null | undefined)[]) => arrayLiteral(values.map((v) => v ?? null));
const bools = (values: readonly (boolean | null | undefined)[]) => arrayLiteral(values.map((v) => (v === undefined || v === null ? null : v ? 't' : 'f')));

/**
 * Shops by slug. `codeTaken`: rows whose location code belongs to another location (nothing is
 * written then). `changed`: how many of the rows changed something (the shop, its location's
 * name or code, its hours).
 */
export async function importStores(db: Db, rows: StoreImport[]): Promise<{ changed: number; codeTaken: number[] }> {
  const input = sql`SELECT * FROM unnest(
      ${texts(rows.map((r) => r.slug))}::text[], ${texts(rows.map((r) => r.code))}::text[], ${texts(rows.map((r) => r.name))}::text[],
      ${texts(rows.map((r) => r.format))}::text[], ${texts(rows.map((r) => r.address))}::text[], ${texts(rows.map((r) => r.postcode))}::text[],
      ${texts(rows.map((r) => r.town))}::text[], ${nums(rows.map((r) => r.lat))}::float8[], ${nums(rows.map((r) => r.lng))}::float8[],
      ${texts(rows.map((r) => r.phone))}::text[], ${bools(rows.map((r) => r.services?.clickReserve))}::boolean[],
      ${bools(rows.map((r) => r.services?.drive))}::boolean[], ${bools(rows.map((r) => r.services?.returnsDesk))}::boolean[],
      ${bools(rows.map((r) => r.services?.phoneOrders))}::boolean[])
    WITH ORDINALITY AS i(slug, code, name, format, address, postcode, town, lat, lng, phone, click_reserve, drive, returns_desk, phone_orders, ord)`;

  // A code names one location: another shop's (or the warehouse's) is refused.
  const taken = await db.execute<{ ord: number }>(sql`
    SELECT i.ord FROM (${input}) i JOIN locations l ON l.code = coalesce(i.code, i.slug)
    WHERE NOT EXISTS (SELECT 1 FROM stores s WHERE s.location_id = l.id AND s.slug = i.slug)
    ORDER BY i.ord`);
  if (taken.rows.length > 0) return { changed: 0, codeTaken: taken.rows.map((r) => Number(r.ord) - 1) };

  const touched = new Set<string>();
  const note = (result: { rows: { slug: string }[] }) => result.rows.forEach((r) => touched.add(r.slug));

  // New shops: their location first (in the file's order, so ids follow it), then the shop.
  note(
    await db.execute<{ slug: string }>(sql`
      WITH fresh AS (
        INSERT INTO locations (code, kind, name)
        SELECT coalesce(i.code, i.slug), 'store', i.name FROM (${input}) i
        WHERE NOT EXISTS (SELECT 1 FROM stores s WHERE s.slug = i.slug) ORDER BY i.ord
        RETURNING id, code)
      INSERT INTO stores (location_id, slug, name, format, address, postcode, town, lat, lng, phone, click_reserve, drive, returns_desk, phone_orders)
      SELECT f.id, i.slug, i.name, coalesce(i.format, 'city'), i.address, i.postcode, i.town, i.lat, i.lng, i.phone,
             coalesce(i.click_reserve, false), coalesce(i.drive, false), coalesce(i.returns_desk, false), coalesce(i.phone_orders, false)
      FROM (${input}) i JOIN fresh f ON f.code = coalesce(i.code, i.slug)
      ORDER BY i.ord
      RETURNING slug`),
  );

  // Known shops: what the file gives, what it leaves out (code, format, phone, services) kept.
  note(
    await db.execute<{ slug: string }>(sql`
      UPDATE locations l SET code = coalesce(i.code, l.code), name = i.name
      FROM (${input}) i JOIN stores s ON s.slug = i.slug
      WHERE l.id = s.location_id AND (l.code, l.name) IS DISTINCT FROM (coalesce(i.code, l.code), i.name)
      RETURNING i.slug`),
  );
  note(
    await db.execute<{ slug: string }>(sql`
      UPDATE stores s SET name = i.name, format = coalesce(i.format, s.format), address = i.address, postcode = i.postcode, town = i.town,
        lat = i.lat, lng = i.lng, phone = coalesce(i.phone, s.phone), click_reserve = coalesce(i.click_reserve, s.click_reserve),
        drive = coalesce(i.drive, s.drive), returns_desk = coalesce(i.returns_desk, s.returns_desk), phone_orders = coalesce(i.phone_orders, s.phone_orders)
      FROM (${input}) i
      WHERE s.slug = i.slug
        AND (s.name, s.format, s.address, s.postcode, s.town, s.lat, s.lng, s.phone, s.click_reserve, s.drive, s.returns_desk, s.phone_orders)
          IS DISTINCT FROM (i.name, coalesce(i.format, s.format), i.address, i.postcode, i.town, i.lat, i.lng, coalesce(i.phone, s.phone),
            coalesce(i.click_reserve, s.click_reserve), coalesce(i.drive, s.drive), coalesce(i.returns_desk, s.returns_desk), coalesce(i.phone_orders, s.phone_orders))
      RETURNING s.slug`),
  );

  // Hours: for the shops whose rows give them, the week becomes exactly the file's.
  const withHours = rows.filter((r) => r.hours !== undefined);
  if (withHours.length > 0) {
    const h = withHours.flatMap((r) => r.hours!.map((x) => ({ slug: r.slug, ...x })));
    const slugs = texts(withHours.map((r) => r.slug));
    const wanted = sql`SELECT s.location_id AS store_id, w.slug, w.weekday, w.opens, w.closes
      FROM unnest(${texts(h.map((x) => x.slug))}::text[], ${nums(h.map((x) => x.weekday))}::smallint[],
                  ${texts(h.map((x) => x.opens))}::time[], ${texts(h.map((x) => x.closes))}::time[]) AS w(slug, weekday, opens, closes)
      JOIN stores s ON s.slug = w.slug`;
    note(
      await db.execute<{ slug: string }>(sql`
        DELETE FROM store_hours sh USING stores s
        WHERE sh.store_id = s.location_id AND s.slug = ANY (${slugs}::text[])
          AND NOT EXISTS (SELECT 1 FROM (${wanted}) w WHERE w.store_id = sh.store_id AND w.weekday = sh.weekday AND w.opens = sh.opens AND w.closes = sh.closes)
        RETURNING s.slug`),
    );
    note(
      await db.execute<{ slug: string }>(sql`
        INSERT INTO store_hours (store_id, weekday, opens, closes)
        SELECT w.store_id, w.weekday, w.opens, w.closes FROM (${wanted}) w
        WHERE NOT EXISTS (SELECT 1 FROM store_hours sh WHERE sh.store_id = w.store_id AND sh.weekday = w.weekday AND sh.opens = w.opens AND sh.closes = w.closes)
        RETURNING (SELECT s.slug FROM stores s WHERE s.location_id = store_id)`),
    );
  }
  return { changed: touched.size, codeTaken: [] };
}

/** Location ids by what a stock file names: a shop's slug, or a warehouse's code ('WEB'). */
export async function locationIdsByName(db: Db, names: readonly string[]): Promise<Map<string, number>> {
  const result = await db.execute<{ name: string; id: number }>(sql`
    SELECT n.name, coalesce(s.location_id, l.id) AS id
    FROM unnest(${texts([...new Set(names)])}::text[]) AS n(name)
    LEFT JOIN stores s ON s.slug = n.name
    LEFT JOIN locations l ON l.code = n.name AND l.kind = 'warehouse'
    WHERE s.location_id IS NOT NULL OR l.id IS NOT NULL`);
  return new Map(result.rows.map((r) => [r.name, Number(r.id)]));
}
