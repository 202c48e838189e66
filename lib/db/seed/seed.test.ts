import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyPassword } from '../../auth/password';
import { isValidCardNumber } from '../../loyalty/card-number';
import type { Db } from '../client';
import { createTestConnection, onPostgres } from '@/test/support/db';
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

/**
 * Two demo seeds (~35 s on PGlite, ~15 s on PostgreSQL); with both databases at hand they run once,
 * on PostgreSQL, as the world of app/access.test.ts does. The journeys' server seeds PGlite at the
 * same scale before every run (e2e/support/server.ts).
 */
const runHere = onPostgres || !process.env.POSTGRES_PROJECT;

describe.runIf(runHere)('demo seed', () => {
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

  const rows = async <T extends Record<string, unknown>>(db: Db, query: ReturnType<typeof sql>) => (await db.execute<T>(query)).rows;
  const one = async <T extends Record<string, unknown>>(db: Db, query: ReturnType<typeof sql>) => {
    const [row] = await rows<T>(db, query);
    if (!row) throw new Error('no row');
    return row;
  };

  it('meets the minimum counts and reports them', async () => {
    const c = await one<Record<string, number>>(
      a.db,
      sql`SELECT
      (SELECT count(*)::int FROM stores) AS stores,
      (SELECT count(*)::int FROM locations WHERE kind = 'warehouse' AND code = 'WEB') AS warehouses,
      (SELECT count(*)::int FROM categories) AS categories,
      (SELECT count(*)::int FROM products) AS products,
      (SELECT count(*)::int FROM skus) AS skus,
      (SELECT count(*)::int FROM stock) AS "stockRows",
      (SELECT count(*)::int FROM users) AS users,
      (SELECT count(*)::int FROM reservations r JOIN users u ON u.id = r.customer_id WHERE u.email <> ${DEMO_ACCOUNTS.shopper.email}) AS reservations,
      (SELECT count(*)::int FROM orders) AS orders,
      (SELECT count(*)::int FROM drive_slot_bookings) AS "driveBookings"`,
    );
    expect(c.stores).toBeGreaterThanOrEqual(40);
    expect(c.warehouses).toBe(1);
    expect(c.categories).toBeGreaterThanOrEqual(8);
    expect(c.products).toBeGreaterThanOrEqual(150);
    expect(c.skus).toBeGreaterThanOrEqual(600);
    // The four demo accounts, and the neighbourhood customers behind the seeded reservations and
    // drive orders (every booked drive place is a real order; five more are the demo shopper's).
    expect(c.orders).toBe(c.driveBookings! + 5);
    expect(c.users).toBe(4 + Math.ceil(c.reservations! / 2) + Math.ceil(c.driveBookings! / 3));
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
    for (const [config, word] of [
      ['french', 'chaussures'],
      ['english', 'shoes'],
    ] as const) {
      const n = await one<{ n: number }>(
        a.db,
        sql`SELECT count(*)::int AS n FROM products p JOIN categories c
        ON c.id = p.category_id WHERE c.slug = 'chaussures'
        AND p.search @@ websearch_to_tsquery(${config}::regconfig, ${word})`,
      );
      const shoes = await one<{ n: number }>(
        a.db,
        sql`SELECT count(*)::int AS n FROM products p JOIN categories c
        ON c.id = p.category_id WHERE c.slug = 'chaussures'`,
      );
      expect(n.n).toBe(shoes.n);
    }
  });

  it('spreads store stock like a real shop floor', async () => {
    const s = await one<{ bad: number; out: number; low: number; total: number }>(
      a.db,
      sql`SELECT
      count(*) FILTER (WHERE reserved > on_hand OR reserved < 0)::int AS bad,
      count(*) FILTER (WHERE on_hand = 0)::int AS out,
      count(*) FILTER (WHERE on_hand BETWEEN 1 AND 3)::int AS low,
      count(*)::int AS total
      FROM stock JOIN locations l ON l.id = stock.location_id WHERE l.kind = 'store'`,
    );
    expect(s.bad).toBe(0);
    expect(s.out / s.total).toBeGreaterThan(0.1);
    expect(s.out / s.total).toBeLessThan(0.22);
    expect(s.low / s.total).toBeGreaterThan(0.1);
    expect(s.low / s.total).toBeLessThan(0.22);
    const web = await one<{ n: number; skus: number }>(
      a.db,
      sql`SELECT count(*)::int AS n,
      (SELECT count(*)::int FROM skus) AS skus FROM stock JOIN locations l ON l.id = stock.location_id WHERE l.code = 'WEB'`,
    );
    expect(web.n).toBe(web.skus);
  });

  it('leaves a few customer carts (drive ones at drive stores) and the demo shopper’s cart empty', async () => {
    const c = await one<{ carts: number; lines: number; bad_drive: number; demo: number }>(
      a.db,
      sql`SELECT
      (SELECT count(*)::int FROM carts WHERE customer_id IS NOT NULL) AS carts,
      (SELECT count(*)::int FROM cart_lines) AS lines,
      (SELECT count(*)::int FROM carts c LEFT JOIN stores s ON s.location_id = c.drive_store_id
        WHERE c.fulfilment = 'drive' AND s.drive IS NOT TRUE) AS bad_drive,
      (SELECT count(*)::int FROM carts c JOIN users u ON u.id = c.customer_id WHERE u.email = 'camille@example.com') AS demo`,
    );
    expect(c.carts).toBe(summary.carts);
    expect(c.carts).toBeGreaterThan(0);
    expect(c.lines).toBeGreaterThanOrEqual(c.carts);
    expect(c.bad_drive).toBe(0);
    expect(c.demo).toBe(1);
  });

  it('gives the demo shopper shop purchases, reservations and a cart she left, one item of it bought since at the till', async () => {
    const h = await one<{
      sales: number;
      till: number;
      collected_sale: number;
      reservations: number;
      open: number;
      idle_hours: number;
      bought_since: number;
      lines: number;
    }>(
      a.db,
      sql`
      WITH me AS (SELECT id FROM users WHERE email = ${DEMO_ACCOUNTS.shopper.email})
      SELECT (SELECT count(*)::int FROM sales WHERE customer_id = (SELECT id FROM me) AND created_at > now() - interval '30 days') AS sales,
             (SELECT count(*)::int FROM sales WHERE customer_id = (SELECT id FROM me) AND source = 'till' AND created_at > now() - interval '30 days') AS till,
             (SELECT count(*)::int FROM sales s JOIN reservations r ON r.id = s.reservation_id
               WHERE s.customer_id = (SELECT id FROM me) AND r.status = 'collected' AND r.customer_id = s.customer_id) AS collected_sale,
             (SELECT count(*)::int FROM reservations WHERE customer_id = (SELECT id FROM me)) AS reservations,
             (SELECT count(*)::int FROM reservations WHERE customer_id = (SELECT id FROM me) AND status IN ('placed', 'ready')) AS open,
             (SELECT extract(epoch FROM now() - updated_at)::int / 3600 FROM carts WHERE customer_id = (SELECT id FROM me)) AS idle_hours,
             (SELECT count(*)::int FROM carts c JOIN cart_lines l ON l.cart_id = c.id
               WHERE c.customer_id = (SELECT id FROM me) AND EXISTS (
                 SELECT 1 FROM sales s JOIN sale_lines sl ON sl.sale_id = s.id
                 WHERE s.customer_id = c.customer_id AND sl.sku_id = l.sku_id AND s.created_at >= l.added_at)) AS bought_since,
             (SELECT count(*)::int FROM carts c JOIN cart_lines l ON l.cart_id = c.id WHERE c.customer_id = (SELECT id FROM me)) AS lines`,
    );
    expect(h).toEqual({ sales: 2, till: 1, collected_sale: 1, reservations: 2, open: 0, idle_hours: 48, bought_since: 1, lines: 3 });
    // Nothing of this at the shops the demo staff (and the desk journeys) work in (her loyalty
    // history has older till visits there).
    const atStaffShops = await one<{ n: number }>(
      a.db,
      sql`
      SELECT (SELECT count(*)::int FROM sales s JOIN stores st ON st.location_id = s.store_id JOIN users u ON u.id = s.customer_id
               WHERE u.email = ${DEMO_ACCOUNTS.shopper.email} AND s.created_at > now() - interval '30 days'
                 AND st.slug IN (${sql.join(
                   DEMO_STAFF_STORE_SLUGS.map((x) => sql`${x}`),
                   sql`, `,
                 )}))
           + (SELECT count(*)::int FROM reservations r JOIN stores st ON st.location_id = r.store_id JOIN users u ON u.id = r.customer_id
               WHERE u.email = ${DEMO_ACCOUNTS.shopper.email} AND st.slug IN (${sql.join(
                 DEMO_STAFF_STORE_SLUGS.map((x) => sql`${x}`),
                 sql`, `,
               )})) AS n`,
    );
    expect(atStaffShops.n).toBe(0);
  });

  it('backs every reserved unit with an open click & reserve reservation or online order', async () => {
    const s = await one<{ unbacked: number; reservations: number; ready: number; sold_out_limit: number }>(
      a.db,
      sql`SELECT
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
      (SELECT count(*)::int FROM (SELECT customer_id FROM reservations GROUP BY 1 HAVING count(*) > 2) x) AS sold_out_limit`,
    );
    expect(s.unbacked).toBe(0);
    expect(s.reservations).toBeGreaterThan(50);
    expect(s.ready).toBeGreaterThan(0);
    expect(s.sold_out_limit).toBe(0);
  });

  it('makes every booked drive place a real order with lines, a history and the slot it holds', async () => {
    const o = await one<{ placeholders: number; lineless: number; historyless: number; totals_off: number; demo: number }>(
      a.db,
      sql`SELECT
      (SELECT count(*)::int FROM drive_slot_bookings b WHERE NOT EXISTS (SELECT 1 FROM orders o WHERE o.number = b.order_ref)) AS placeholders,
      (SELECT count(*)::int FROM orders o WHERE NOT EXISTS (SELECT 1 FROM order_lines l WHERE l.order_id = o.id)) AS lineless,
      (SELECT count(*)::int FROM orders o WHERE NOT EXISTS (SELECT 1 FROM order_events e WHERE e.order_id = o.id AND e.kind = 'placed')) AS historyless,
      (SELECT count(*)::int FROM orders o WHERE o.subtotal_cents <> (SELECT sum(quantity * unit_price_cents) FROM order_lines l WHERE l.order_id = o.id)) AS totals_off,
      (SELECT count(*)::int FROM orders o JOIN users u ON u.id = o.customer_id WHERE u.email = 'camille@example.com') AS demo`,
    );
    expect(o).toEqual({ placeholders: 0, lineless: 0, historyless: 0, totals_off: 0, demo: 6 });
  });

  it('gives every seeded card payment its record at the test provider, in the order’s state and amount', async () => {
    const o = await one<{ card: number; missing: number; off: number }>(
      a.db,
      sql`SELECT
      (SELECT count(*)::int FROM orders WHERE payment_provider = 'test') AS card,
      (SELECT count(*)::int FROM orders o WHERE o.payment_provider = 'test'
         AND NOT EXISTS (SELECT 1 FROM test_provider_payments p WHERE p.reference = o.payment_reference)) AS missing,
      (SELECT count(*)::int FROM orders o JOIN test_provider_payments p ON p.reference = o.payment_reference
        WHERE p.amount_cents <> o.total_cents OR p.state <> o.payment_status::text) AS off`,
    );
    expect(o.card).toBeGreaterThan(0);
    expect(o).toMatchObject({ missing: 0, off: 0 });
  });

  it('makes the demo shopper a loyalty member with a history her balance adds up to, and two in five shoppers members', async () => {
    const d = await one<Record<string, number | string>>(
      a.db,
      sql`SELECT a.card_number, a.balance,
        (SELECT sum(points)::int FROM loyalty_entries e WHERE e.customer_id = a.customer_id) AS entries,
        (SELECT sum(remaining)::int FROM loyalty_lots l WHERE l.customer_id = a.customer_id) AS lots,
        (SELECT count(*)::int FROM loyalty_entries e JOIN orders o ON o.id = e.order_id
          WHERE e.customer_id = a.customer_id AND e.kind = 'earn' AND o.status = 'delivered') AS earned_on_delivered,
        (SELECT count(*)::int FROM orders o WHERE o.customer_id = a.customer_id AND o.status = 'delivered') AS delivered,
        (SELECT count(*)::int FROM loyalty_entries e WHERE e.customer_id = a.customer_id AND e.kind = 'redeem' AND e.channel = 'store') AS redeemed,
        (SELECT count(*)::int FROM loyalty_entries e WHERE e.customer_id = a.customer_id AND e.kind = 'expire') AS expired,
        (SELECT count(*)::int FROM loyalty_lots l WHERE l.customer_id = a.customer_id AND l.remaining > 0
          AND l.expires_at > now() AND l.expires_at < now() + interval '30 days') AS expiring_soon
      FROM loyalty_accounts a JOIN users u ON u.id = a.customer_id WHERE u.email = ${DEMO_ACCOUNTS.shopper.email}`,
    );
    expect(isValidCardNumber(String(d.card_number))).toBe(true);
    expect(d.entries).toBe(d.balance);
    expect(d.lots).toBe(d.balance);
    expect(d.earned_on_delivered).toBe(d.delivered);
    expect(d).toMatchObject({ redeemed: 1, expiring_soon: 1 });
    expect(Number(d.expired)).toBeGreaterThanOrEqual(1);
    const m = await one<{ shoppers: number; members: number; off: number; cards: number }>(
      a.db,
      sql`SELECT
      (SELECT count(*)::int FROM users WHERE role = 'shopper') AS shoppers,
      (SELECT count(*)::int FROM loyalty_accounts) AS members,
      (SELECT count(DISTINCT card_number)::int FROM loyalty_accounts) AS cards,
      (SELECT count(*)::int FROM loyalty_accounts a WHERE a.balance <> (SELECT coalesce(sum(points), 0) FROM loyalty_entries e WHERE e.customer_id = a.customer_id)) AS off`,
    );
    expect(m.members / m.shoppers).toBeGreaterThan(0.3);
    expect(m.members / m.shoppers).toBeLessThan(0.5);
    expect(m.cards).toBe(m.members);
    expect(m.off).toBe(0);
  });

  it('opens every store at least five days a week and mixes the services', async () => {
    const days = await rows<{ slug: string; days: number }>(
      a.db,
      sql`SELECT s.slug,
      count(DISTINCT h.weekday)::int AS days FROM stores s LEFT JOIN store_hours h ON h.store_id = s.location_id GROUP BY s.slug`,
    );
    expect(days.filter((d) => d.days < 5)).toEqual([]);
    const svc = await one<{ drive: number; nodrive: number; phoneless: number }>(
      a.db,
      sql`SELECT
      count(*) FILTER (WHERE drive)::int AS drive, count(*) FILTER (WHERE NOT drive)::int AS nodrive,
      count(*) FILTER (WHERE phone IS NULL)::int AS phoneless FROM stores`,
    );
    expect(svc.drive).toBeGreaterThanOrEqual(5);
    expect(svc.nodrive).toBeGreaterThanOrEqual(1);
    expect(svc.phoneless).toBe(0);
    const lunch = await one<{ n: number }>(
      a.db,
      sql`SELECT count(*)::int AS n FROM store_hours h
      JOIN stores s ON s.location_id = h.store_id WHERE s.slug = ${SMALL_TOWN_STORE_SLUG} AND h.weekday = 2`,
    );
    expect(lunch.n).toBe(2);
    const christmas = await rows<{ slug: string }>(
      a.db,
      sql`SELECT s.slug FROM store_closures c
      JOIN stores s ON s.location_id = c.store_id WHERE c.day = '2026-12-25'`,
    );
    expect(christmas.length).toBe(summary.stores);
  });

  it('plans drive slots at the drive stores, with some full and none overbooked', async () => {
    const d = await one<{ plans: number; without: number; slots: number; full: number; open: number; over: number; sundays: number }>(
      a.db,
      sql`SELECT
      (SELECT count(DISTINCT store_id)::int FROM drive_slot_plans) AS plans,
      (SELECT count(*)::int FROM stores s WHERE s.drive AND NOT EXISTS (SELECT 1 FROM drive_slot_plans p WHERE p.store_id = s.location_id)) AS without,
      (SELECT count(*)::int FROM drive_slots) AS slots,
      (SELECT count(*)::int FROM drive_slots s WHERE (SELECT count(*) FROM drive_slot_bookings b WHERE b.slot_id = s.id AND b.status = 'booked') = s.capacity) AS full,
      (SELECT count(*)::int FROM drive_slots s WHERE (SELECT count(*) FROM drive_slot_bookings b WHERE b.slot_id = s.id AND b.status = 'booked') < s.capacity / 2) AS open,
      (SELECT count(*)::int FROM drive_slots s WHERE (SELECT count(*) FROM drive_slot_bookings b WHERE b.slot_id = s.id AND b.status = 'booked') > s.capacity) AS over,
      (SELECT count(*)::int FROM drive_slots WHERE extract(isodow FROM starts_at AT TIME ZONE 'Europe/Paris') = 7) AS sundays`,
    );
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
    const staff = await rows<{ slug: string; hash: string }>(
      a.db,
      sql`SELECT s.slug, u.password_hash AS hash
      FROM staff_memberships m JOIN users u ON u.id = m.user_id JOIN stores s ON s.location_id = m.store_id
      WHERE u.email = ${DEMO_ACCOUNTS.staff.email} ORDER BY s.slug`,
    );
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

  it('loads the catalogue, the shops and their stock through the import (lib/import), as a retailer would', async () => {
    const loaded = await rows<{ kind: string; status: string; actor_type: string; rows: number; changed: number }>(
      a.db,
      sql`SELECT kind, status, actor_type, rows, changed FROM imports ORDER BY id`,
    );
    expect(loaded.map((l) => l.kind)).toEqual(['stores', 'categories', 'products', 'skus', 'pictures', 'stock']);
    expect(loaded.every((l) => l.status === 'applied' && l.actor_type === 'seed' && l.changed === l.rows)).toBe(true);
    const byKind = Object.fromEntries(loaded.map((l) => [l.kind, l.rows]));
    expect(byKind).toMatchObject({
      stores: summary.stores,
      categories: summary.categories,
      products: summary.products,
      skus: summary.skus,
      stock: summary.stockRows,
    });
  });

  it('is deterministic', async () => {
    const fingerprint = (db: Db) =>
      one<{ slugs: string; stock: string; stores: string }>(
        db,
        sql`SELECT
        (SELECT md5(string_agg(slug || ':' || images::text, ',' ORDER BY id)) FROM products) AS slugs,
        (SELECT sum(on_hand)::text || '/' || sum(reserved)::text || '/' || count(*)::text FROM stock) AS stock,
        (SELECT md5(string_agg(slug || phone || lat::text, ',' ORDER BY location_id)) FROM stores) AS stores`,
      );
    expect(await fingerprint(b.db)).toEqual(await fingerprint(a.db));
  });
});
