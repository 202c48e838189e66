import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { intArray } from '../sql';
import { DEMO_ACCOUNTS, DEMO_STAFF_STORE_SLUGS } from './users';
import type { SeedTx } from './types';

// Raw SQL throughout: demo data dated from the database's clock (now() - interval …) and written set-wise
// from generated arrays (unnest), once at setup. Issue 20 moves the seed onto the catalogue import.

/*
 * The demo shopper's life outside the web shop, so her activity page and the cart-reminder job
 * have something to show: a reservation collected and paid at a shop eight days ago, one she
 * cancelled, a till purchase yesterday afternoon — and a cart she left two days ago, one of whose
 * items is the one she then bought at the till (the reminder leaves it out). All at a shop where
 * the demo staff do not work, so the desks the journeys drive see none of it; nothing holds stock.
 * Shop times are Paris opening hours.
 */
/** A moment `daysAgo` days before today at hh:mm, Paris time (shops keep Paris hours). */
const parisAt = (daysAgo: number, hh: number, mm: number) =>
  sql`((date_trunc('day', now() AT TIME ZONE 'Europe/Paris') - make_interval(days => ${daysAgo}) + make_interval(hours => ${hh}, mins => ${mm})) AT TIME ZONE 'Europe/Paris')`;

export async function insertDemoShopperHistory(tx: SeedTx): Promise<{ sales: number; cartLines: number }> {
  const me = (await tx.execute<{ id: number }>(sql`SELECT id FROM users WHERE email = ${DEMO_ACCOUNTS.shopper.email}`)).rows[0];
  const staffSlugs = sql.join(
    DEMO_STAFF_STORE_SLUGS.map((s) => sql`${s}`),
    sql`, `,
  );
  const store =
    (
      await tx.execute<{ id: number }>(sql`
    SELECT location_id AS id FROM stores WHERE click_reserve AND slug NOT IN (${staffSlugs}) AND town ILIKE 'Lyon%'
    ORDER BY location_id LIMIT 1`)
    ).rows[0] ??
    (
      await tx.execute<{ id: number }>(sql`
    SELECT location_id AS id FROM stores WHERE click_reserve AND slug NOT IN (${staffSlugs}) ORDER BY location_id LIMIT 1`)
    ).rows[0];
  // Six different products (one SKU each), so the reminder's left-out item is plainly not a listed one.
  const picks = await tx.execute<{ sku_id: number; price: number }>(sql`
    SELECT sku_id, price FROM (
      SELECT DISTINCT ON (k.product_id) st.sku_id, k.price_cents AS price FROM stock st JOIN skus k ON k.id = st.sku_id
      JOIN locations l ON l.id = st.location_id
      WHERE l.kind = 'warehouse' AND st.on_hand - st.reserved > 5 ORDER BY k.product_id, st.sku_id) p
    ORDER BY sku_id LIMIT 6 OFFSET 40`);
  const [a, b, c, d, e, f] = picks.rows;
  if (!me || !store || !a || !b || !c || !d || !e || !f) return { sales: 0, cartLines: 0 };

  const sale = async (
    source: 'till' | 'reservation',
    at: ReturnType<typeof sql>,
    lines: { sku_id: number; price: number; q: number }[],
    reservationId: number | null,
  ) => {
    const total = lines.reduce((s, l) => s + l.price * l.q, 0);
    const r = await tx.execute<{ id: number }>(sql`
      INSERT INTO sales (channel, store_id, customer_id, source, reservation_id, total_cents, created_at)
      VALUES ('store', ${store.id}, ${me.id}, ${source}, ${reservationId}, ${total}, ${at})
      RETURNING id`);
    await tx.execute(sql`
      INSERT INTO sale_lines (sale_id, sku_id, quantity, unit_price_cents)
      SELECT ${r.rows[0]!.id}, k, q, p FROM unnest(${intArray(lines.map((l) => l.sku_id))}::int[], ${intArray(lines.map((l) => l.q))}::int[],
                                                   ${intArray(lines.map((l) => l.price))}::int[]) AS v(k, q, p)`);
  };
  const reservation = async (
    code: string,
    status: 'collected' | 'cancelled',
    made: ReturnType<typeof sql>,
    closed: ReturnType<typeof sql>,
    lines: { sku_id: number; price: number; q: number }[],
  ) => {
    const r = await tx.execute<{ id: number }>(sql`
      INSERT INTO reservations (code, customer_id, store_id, status, idempotency_key, created_at, ready_at, expires_at,
                                collected_at, cancelled_at, updated_at)
      SELECT ${code}, ${me.id}, ${store.id}, ${status},
             ${`seed-demo-${status}`}, t.at, t.at + interval '2 hours', t.at + interval '50 hours',
             CASE WHEN ${status} = 'collected' THEN t.closed END, CASE WHEN ${status} = 'cancelled' THEN t.closed END, t.closed
      FROM (SELECT ${made} AS at, ${closed} AS closed) t
      RETURNING id`);
    const id = r.rows[0]!.id;
    await tx.execute(sql`
      INSERT INTO reservation_lines (reservation_id, sku_id, quantity, unit_price_cents)
      SELECT ${id}, k, q, p FROM unnest(${intArray(lines.map((l) => l.sku_id))}::int[], ${intArray(lines.map((l) => l.q))}::int[],
                                        ${intArray(lines.map((l) => l.price))}::int[]) AS v(k, q, p)`);
    return id;
  };

  const collected = await reservation('DEMQ2A', 'collected', parisAt(9, 11, 20), parisAt(8, 17, 40), [
    { ...d, q: 1 },
    { ...e, q: 2 },
  ]);
  await sale(
    'reservation',
    parisAt(8, 17, 40),
    [
      { ...d, q: 1 },
      { ...e, q: 2 },
    ],
    collected,
  );
  await reservation('DEMQ3B', 'cancelled', parisAt(5, 10, 5), parisAt(5, 13, 10), [{ ...f, q: 1 }]);
  // She left her cart two days ago (its first item put in 60 hours ago), then bought that item at
  // the till yesterday afternoon.
  await sale(
    'till',
    parisAt(1, 16, 30),
    [
      { ...a, q: 1 },
      { ...f, q: 1 },
    ],
    null,
  );
  const cart = await tx.execute<{ id: number }>(sql`
    INSERT INTO carts (token, customer_id, created_at, updated_at)
    VALUES (${randomBytes(24).toString('base64url')}, ${me.id}, now() - interval '4 days', now() - interval '48 hours')
    RETURNING id`);
  await tx.execute(sql`
    INSERT INTO cart_lines (cart_id, sku_id, quantity, added_at)
    SELECT ${cart.rows[0]!.id}, k, q, now() - make_interval(hours => h)
    FROM unnest(${intArray([a.sku_id, b.sku_id, c.sku_id])}::int[], '{1,2,1}'::int[], '{60,55,48}'::int[]) AS v(k, q, h)`);
  return { sales: 2, cartLines: 3 };
}
