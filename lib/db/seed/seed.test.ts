import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyPassword } from '../../auth/password';
import type { Db } from '../client';
import { createTestConnection } from '../testing';
import { PRODUCT_TEMPLATES } from './catalog';
import { ean13CheckDigit, isValidEan13, seedEan13 } from './ean';
import { easterSunday } from './hours';
import { IMAGE_KINDS, parseImageName } from './images';
import { seed, type SeedSummary } from './index';
import { HYPER_STORE_SLUG, OUTLET_STORE_SLUG, PARIS_STORE_SLUG, SMALL_TOWN_STORE_SLUG } from './stores';
import { DEMO_ACCOUNTS, DEMO_STAFF_STORE_SLUGS } from './users';

describe('EAN-13', () => {
  it('computes the GS1 check digit of real barcodes', () => {
    expect(ean13CheckDigit('400638133393')).toBe(1);
    expect(ean13CheckDigit('301762042200')).toBe(3);
    expect(ean13CheckDigit('978020137962')).toBe(4);
    expect(isValidEan13('4006381333931')).toBe(true);
    expect(isValidEan13('3017620422003')).toBe(true);
    expect(isValidEan13('3017620422004')).toBe(false);
    expect(isValidEan13('301762042200')).toBe(false);
    expect(() => ean13CheckDigit('12345')).toThrow();
  });

  it('hands out distinct French codes', () => {
    const codes = Array.from({ length: 20_000 }, (_, i) => seedEan13(i));
    expect(new Set(codes).size).toBe(codes.length);
    expect(codes.every((c) => isValidEan13(c) && c.startsWith('376'))).toBe(true);
  });
});

it('dates Easter', () => {
  expect(easterSunday(2025)).toEqual([4, 20]);
  expect(easterSunday(2026)).toEqual([4, 5]);
  expect(easterSunday(2027)).toEqual([3, 28]);
});

it('draws an image for every kind of product', () => {
  for (const t of PRODUCT_TEMPLATES) expect(IMAGE_KINDS).toContain(t.kind);
  expect(parseImageName('chaussures-randonnee-3-navy.svg')).toEqual({ kind: 'chaussures-randonnee', variant: 3, colour: 'navy' });
  expect(parseImageName('poele-4.svg')).toEqual({ kind: 'poele', variant: 4, colour: null });
  for (const bad of ['poele-4-purple.svg', 'fusee-1.svg', 'poele.svg', 'poele-9.svg', '../x-1.svg', 'poele-1.png']) {
    expect(parseImageName(bad)).toBeNull();
  }
});

describe('demo seed', () => {
  const today = '2026-03-01';
  let a: Awaited<ReturnType<typeof createTestConnection>>;
  let b: Awaited<ReturnType<typeof createTestConnection>>;
  let summary: SeedSummary;

  beforeAll(async () => {
    [a, b] = await Promise.all([createTestConnection(), createTestConnection()]);
    summary = await seed(a.db, { scale: 'demo', today });
    await seed(b.db, { scale: 'demo', today });
  });
  afterAll(async () => {
    await Promise.all([a?.drop(), b?.drop()]);
  });

  const rows = async <T extends Record<string, unknown>>(db: Db, query: ReturnType<typeof sql>) =>
    (await db.execute<T>(query)).rows;
  const one = async <T extends Record<string, unknown>>(db: Db, query: ReturnType<typeof sql>) => {
    const [row] = await rows<T>(db, query);
    if (!row) throw new Error('no row');
    return row;
  };

  it('meets the minimum counts and reports them', async () => {
    const c = await one<Record<string, number>>(a.db, sql`SELECT
      (SELECT count(*)::int FROM stores) AS stores,
      (SELECT count(*)::int FROM locations WHERE kind = 'warehouse' AND code = 'WEB') AS warehouses,
      (SELECT count(*)::int FROM categories) AS categories,
      (SELECT count(*)::int FROM products) AS products,
      (SELECT count(*)::int FROM skus) AS skus,
      (SELECT count(*)::int FROM stock) AS "stockRows",
      (SELECT count(*)::int FROM users) AS users,
      (SELECT count(*)::int FROM reservations) AS reservations,
      (SELECT count(*)::int FROM orders) AS orders,
      (SELECT count(*)::int FROM drive_slot_bookings) AS "driveBookings"`);
    expect(c.stores).toBeGreaterThanOrEqual(40);
    expect(c.warehouses).toBe(1);
    expect(c.categories).toBeGreaterThanOrEqual(8);
    expect(c.products).toBeGreaterThanOrEqual(150);
    expect(c.skus).toBeGreaterThanOrEqual(600);
    // The three demo accounts, and the neighbourhood customers behind the seeded reservations and
    // drive orders (every booked drive place is a real order; five more are the demo shopper's).
    expect(c.orders).toBe(c.driveBookings! + 5);
    expect(c.users).toBe(3 + Math.ceil(c.reservations! / 2) + Math.ceil(c.driveBookings! / 3));
    expect(summary).toMatchObject(c);
  });

  it('gives every SKU a valid, unique EAN-13', async () => {
    const eans = (await rows<{ ean13: string }>(a.db, sql`SELECT ean13 FROM skus`)).map((r) => r.ean13);
    expect(eans.every(isValidEan13)).toBe(true);
    expect(new Set(eans).size).toBe(eans.length);
  });

  it('keeps slugs url-safe and images local and drawable', async () => {
    const products = await rows<{ slug: string; images: string[] }>(a.db, sql`SELECT slug, images FROM products`);
    for (const p of products) {
      expect(p.slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(p.images.length).toBeGreaterThanOrEqual(1);
      expect(p.images.length).toBeLessThanOrEqual(3);
      for (const src of p.images) expect(parseImageName(src.replace(/^\/img\/p\//, ''))).not.toBeNull();
    }
  });

  it('finds shoes in French and in English', async () => {
    for (const [config, word] of [['french', 'chaussures'], ['english', 'shoes']] as const) {
      const n = await one<{ n: number }>(a.db, sql`SELECT count(*)::int AS n FROM products p JOIN categories c
        ON c.id = p.category_id WHERE c.slug = 'chaussures'
        AND p.search @@ websearch_to_tsquery(${config}::regconfig, ${word})`);
      const shoes = await one<{ n: number }>(a.db, sql`SELECT count(*)::int AS n FROM products p JOIN categories c
        ON c.id = p.category_id WHERE c.slug = 'chaussures'`);
      expect(n.n).toBe(shoes.n);
    }
  });

  it('spreads store stock like a real shop floor', async () => {
    const s = await one<{ bad: number; out: number; low: number; total: number }>(a.db, sql`SELECT
      count(*) FILTER (WHERE reserved > on_hand OR reserved < 0)::int AS bad,
      count(*) FILTER (WHERE on_hand = 0)::int AS out,
      count(*) FILTER (WHERE on_hand BETWEEN 1 AND 3)::int AS low,
      count(*)::int AS total
      FROM stock JOIN locations l ON l.id = stock.location_id WHERE l.kind = 'store'`);
    expect(s.bad).toBe(0);
    expect(s.out / s.total).toBeGreaterThan(0.1);
    expect(s.out / s.total).toBeLessThan(0.22);
    expect(s.low / s.total).toBeGreaterThan(0.1);
    expect(s.low / s.total).toBeLessThan(0.22);
    const web = await one<{ n: number; skus: number }>(a.db, sql`SELECT count(*)::int AS n,
      (SELECT count(*)::int FROM skus) AS skus FROM stock JOIN locations l ON l.id = stock.location_id WHERE l.code = 'WEB'`);
    expect(web.n).toBe(web.skus);
  });

  it('leaves a few customer carts (drive ones at drive stores) and the demo shopper’s cart empty', async () => {
    const c = await one<{ carts: number; lines: number; bad_drive: number; demo: number }>(a.db, sql`SELECT
      (SELECT count(*)::int FROM carts WHERE customer_id IS NOT NULL) AS carts,
      (SELECT count(*)::int FROM cart_lines) AS lines,
      (SELECT count(*)::int FROM carts c LEFT JOIN stores s ON s.location_id = c.drive_store_id
        WHERE c.fulfilment = 'drive' AND s.drive IS NOT TRUE) AS bad_drive,
      (SELECT count(*)::int FROM carts c JOIN users u ON u.id = c.customer_id WHERE u.email = 'camille@example.com') AS demo`);
    expect(c.carts).toBe(summary.carts);
    expect(c.carts).toBeGreaterThan(0);
    expect(c.lines).toBeGreaterThanOrEqual(c.carts);
    expect(c.bad_drive).toBe(0);
    expect(c.demo).toBe(0);
  });

  it('backs every reserved unit with an open click & reserve reservation or online order', async () => {
    const s = await one<{ unbacked: number; reservations: number; ready: number; sold_out_limit: number }>(a.db, sql`SELECT
      (SELECT count(*)::int FROM stock st FULL JOIN (
         SELECT store_id, sku_id, sum(n)::int AS n FROM (
           SELECT r.store_id, l.sku_id, l.quantity AS n FROM reservations r
           JOIN reservation_lines l ON l.reservation_id = r.id WHERE r.status IN ('placed', 'ready')
           UNION ALL
           SELECT o.location_id, l.sku_id, l.quantity FROM orders o
           JOIN order_lines l ON l.order_id = o.id WHERE o.status IN ('placed', 'preparing', 'ready')) x GROUP BY 1, 2
       ) h ON h.store_id = st.location_id AND h.sku_id = st.sku_id
       WHERE COALESCE(st.reserved, 0) <> COALESCE(h.n, 0)) AS unbacked,
      (SELECT count(*)::int FROM reservations WHERE expires_at > now()) AS reservations,
      (SELECT count(*)::int FROM reservations WHERE status = 'ready') AS ready,
      (SELECT count(*)::int FROM (SELECT customer_id FROM reservations GROUP BY 1 HAVING count(*) > 2) x) AS sold_out_limit`);
    expect(s.unbacked).toBe(0);
    expect(s.reservations).toBeGreaterThan(50);
    expect(s.ready).toBeGreaterThan(0);
    expect(s.sold_out_limit).toBe(0);
  });

  it('makes every booked drive place a real order with lines, a history and the slot it holds', async () => {
    const o = await one<{ placeholders: number; lineless: number; historyless: number; totals_off: number; demo: number }>(a.db, sql`SELECT
      (SELECT count(*)::int FROM drive_slot_bookings b WHERE NOT EXISTS (SELECT 1 FROM orders o WHERE o.number = b.order_ref)) AS placeholders,
      (SELECT count(*)::int FROM orders o WHERE NOT EXISTS (SELECT 1 FROM order_lines l WHERE l.order_id = o.id)) AS lineless,
      (SELECT count(*)::int FROM orders o WHERE NOT EXISTS (SELECT 1 FROM order_events e WHERE e.order_id = o.id AND e.kind = 'placed')) AS historyless,
      (SELECT count(*)::int FROM orders o WHERE o.subtotal_cents <> (SELECT sum(quantity * unit_price_cents) FROM order_lines l WHERE l.order_id = o.id)) AS totals_off,
      (SELECT count(*)::int FROM orders o JOIN users u ON u.id = o.customer_id WHERE u.email = 'camille@example.com') AS demo`);
    expect(o).toEqual({ placeholders: 0, lineless: 0, historyless: 0, totals_off: 0, demo: 6 });
  });

  it('opens every store at least five days a week and mixes the services', async () => {
    const days = await rows<{ slug: string; days: number }>(a.db, sql`SELECT s.slug,
      count(DISTINCT h.weekday)::int AS days FROM stores s LEFT JOIN store_hours h ON h.store_id = s.location_id GROUP BY s.slug`);
    expect(days.filter((d) => d.days < 5)).toEqual([]);
    const svc = await one<{ drive: number; nodrive: number; phoneless: number }>(a.db, sql`SELECT
      count(*) FILTER (WHERE drive)::int AS drive, count(*) FILTER (WHERE NOT drive)::int AS nodrive,
      count(*) FILTER (WHERE phone IS NULL)::int AS phoneless FROM stores`);
    expect(svc.drive).toBeGreaterThanOrEqual(5);
    expect(svc.nodrive).toBeGreaterThanOrEqual(1);
    expect(svc.phoneless).toBe(0);
    const lunch = await one<{ n: number }>(a.db, sql`SELECT count(*)::int AS n FROM store_hours h
      JOIN stores s ON s.location_id = h.store_id WHERE s.slug = ${SMALL_TOWN_STORE_SLUG} AND h.weekday = 2`);
    expect(lunch.n).toBe(2);
    const christmas = await rows<{ slug: string }>(a.db, sql`SELECT s.slug FROM store_closures c
      JOIN stores s ON s.location_id = c.store_id WHERE c.day = '2026-12-25'`);
    expect(christmas.length).toBe(summary.stores);
  });

  it('plans drive slots at the drive stores, with some full and none overbooked', async () => {
    const d = await one<{ plans: number; without: number; slots: number; full: number; open: number; over: number; sundays: number }>(a.db, sql`SELECT
      (SELECT count(DISTINCT store_id)::int FROM drive_slot_plans) AS plans,
      (SELECT count(*)::int FROM stores s WHERE s.drive AND NOT EXISTS (SELECT 1 FROM drive_slot_plans p WHERE p.store_id = s.location_id)) AS without,
      (SELECT count(*)::int FROM drive_slots) AS slots,
      (SELECT count(*)::int FROM drive_slots s WHERE (SELECT count(*) FROM drive_slot_bookings b WHERE b.slot_id = s.id AND b.status = 'booked') = s.capacity) AS full,
      (SELECT count(*)::int FROM drive_slots s WHERE (SELECT count(*) FROM drive_slot_bookings b WHERE b.slot_id = s.id AND b.status = 'booked') < s.capacity / 2) AS open,
      (SELECT count(*)::int FROM drive_slots s WHERE (SELECT count(*) FROM drive_slot_bookings b WHERE b.slot_id = s.id AND b.status = 'booked') > s.capacity) AS over,
      (SELECT count(*)::int FROM drive_slots WHERE extract(isodow FROM starts_at AT TIME ZONE 'Europe/Paris') = 7) AS sundays`);
    expect(d.plans).toBeGreaterThanOrEqual(5);
    expect(d.without).toBe(0);
    expect(summary.driveSlots).toBe(d.slots);
    expect(d.full).toBeGreaterThan(10);
    expect(d.open).toBeGreaterThan(d.slots / 3);
    expect(d.over).toBe(0);
    expect(d.sundays).toBe(0);
    // Easter Monday 2026-04-06 is within the year: the hypermarkets open, their drives do not.
    const easter = await one<{ n: number }>(a.db, sql`SELECT count(*)::int AS n FROM drive_closures WHERE day = '2026-04-06'`);
    expect(easter.n).toBe(d.plans);
  });

  it('seeds the known stores and the demo accounts', async () => {
    const slugs = (await rows<{ slug: string }>(a.db, sql`SELECT slug FROM stores`)).map((r) => r.slug);
    expect(slugs).toEqual(expect.arrayContaining([PARIS_STORE_SLUG, HYPER_STORE_SLUG, OUTLET_STORE_SLUG]));
    const staff = await rows<{ slug: string; hash: string }>(a.db, sql`SELECT s.slug, u.password_hash AS hash
      FROM staff_memberships m JOIN users u ON u.id = m.user_id JOIN stores s ON s.location_id = m.store_id
      WHERE u.email = ${DEMO_ACCOUNTS.staff.email} ORDER BY s.slug`);
    expect(staff.map((r) => r.slug)).toEqual([...DEMO_STAFF_STORE_SLUGS].sort());
    expect(await verifyPassword(DEMO_ACCOUNTS.staff.password, staff[0]?.hash ?? '')).toBe(true);
  });

  it('books two returns of the demo shopper’s delivered orders at the demo staff member’s returns desk', async () => {
    const r = await rows<{ status: string; returns_desk: boolean; staff: boolean; units: number; bought: number; window_ahead: boolean; within: boolean }>(
      a.db,
      sql`SELECT r.status, s.returns_desk,
                 EXISTS (SELECT 1 FROM staff_memberships m JOIN users u ON u.id = m.user_id
                         WHERE u.email = ${DEMO_ACCOUNTS.staff.email} AND m.store_id = r.store_id) AS staff,
                 (SELECT sum(quantity)::int FROM return_lines WHERE return_id = r.id) AS units,
                 (SELECT sum(l.quantity)::int FROM return_lines rl JOIN order_lines l ON l.id = rl.order_line_id WHERE rl.return_id = r.id) AS bought,
                 w.starts_at > now() AS window_ahead,
                 (SELECT max(e.at) FROM order_events e WHERE e.order_id = r.order_id AND e.kind = 'delivered') > now() - interval '30 days' AS within
          FROM returns r JOIN users c ON c.id = r.customer_id AND c.email = ${DEMO_ACCOUNTS.shopper.email}
          JOIN stores s ON s.location_id = r.store_id JOIN return_windows w ON w.id = r.window_id
          ORDER BY r.id`,
    );
    expect(r).toHaveLength(2);
    for (const x of r) expect(x).toMatchObject({ status: 'booked', returns_desk: true, staff: true, window_ahead: true, within: true });
    for (const x of r) expect(x.units).toBeLessThanOrEqual(x.bought);
  });

  it('is deterministic', async () => {
    const fingerprint = (db: Db) =>
      one<{ slugs: string; stock: string; stores: string }>(db, sql`SELECT
        (SELECT md5(string_agg(slug || ':' || images::text, ',' ORDER BY id)) FROM products) AS slugs,
        (SELECT sum(on_hand)::text || '/' || sum(reserved)::text || '/' || count(*)::text FROM stock) AS stock,
        (SELECT md5(string_agg(slug || phone || lat::text, ',' ORDER BY location_id)) FROM stores) AS stores`);
    expect(await fingerprint(b.db)).toEqual(await fingerprint(a.db));
  });
});
