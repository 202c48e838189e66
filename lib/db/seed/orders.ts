import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { arrayLiteral } from '../sql';
import { hashPassword } from '../../auth/password';
import type { Rng } from './prng';
import { withoutStockNotify } from './stock';
import type { SeedTx } from './types';

// Raw SQL throughout: demo data dated from the database's clock (now() - interval …) and written set-wise
// from generated arrays (unnest), once at setup. Issue 20 moves the seed onto the catalogue import.

/*
 * Online orders behind the drive's booked places, and a web order history. Every booking the drive
 * seed made (a placeholder 'DEMO-…' reference) becomes a real drive order of a neighbourhood
 * customer, with lines from that shop's shelves and its units held in `stock.reserved` — so the
 * drive screen opens on a realistic day (collected earlier, being prepared and ready now, some
 * customers already in the car park) and the shelves agree with what is promised. The demo shopper
 * gets a history of home deliveries (delivered ones for the returns desk, one on its way, one just
 * placed) and one drive order coming up, at the drive where the demo staff member works.
 */

const FIRST = [
  'Camille',
  'Léa',
  'Hugo',
  'Chloé',
  'Louis',
  'Manon',
  'Nathan',
  'Inès',
  'Jules',
  'Sarah',
  'Lucas',
  'Emma',
  'Théo',
  'Jade',
  'Arthur',
  'Zoé',
  'Gabriel',
  'Lina',
  'Raphaël',
  'Alice',
];
const LAST = [
  'Martin',
  'Bernard',
  'Dubois',
  'Thomas',
  'Robert',
  'Richard',
  'Petit',
  'Durand',
  'Leroy',
  'Moreau',
  'Simon',
  'Laurent',
  'Lefebvre',
  'Michel',
  'Garcia',
  'David',
  'Bertrand',
  'Roux',
  'Vincent',
  'Fournier',
];
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const ORDERS_PER_CUSTOMER = 3;

const ascii = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
type Booking = { id: number; slot_id: number; store_id: number; starts_in: number; cutoff: number };
type Shelf = { sku: number; price: number; free: number };

type OrderCols = {
  number: string[];
  customer: number[];
  mode: string[];
  location: number[];
  status: string[];
  paymentProvider: string[];
  paymentStatus: string[];
  last4: (string | null)[];
  placedAgo: number[];
  arrivedAgo: (number | null)[];
  bay: (string | null)[];
  address: (string | null)[];
  key: string[];
};

export async function insertDemoOrders(tx: SeedTx, rng: Rng): Promise<{ orders: number; customers: number }> {
  const numbers = new Set<string>();
  const drawNumber = () => {
    for (;;) {
      let n = 'CMD-';
      for (let i = 0; i < 8; i++) n += ALPHABET[rng.int(0, ALPHABET.length - 1)];
      if (!numbers.has(n)) return (numbers.add(n), n);
    }
  };

  const bookings = (
    await tx.execute<Booking>(sql`
      SELECT b.id, b.slot_id, s.store_id,
             (extract(epoch FROM s.starts_at - now()) / 60)::int AS starts_in,
             COALESCE(ds.cutoff_minutes, 120)::int AS cutoff
      FROM drive_slot_bookings b
      JOIN drive_slots s ON s.id = b.slot_id
      LEFT JOIN drive_settings ds ON ds.store_id = s.store_id
      WHERE b.order_ref LIKE 'DEMO-%' AND b.status = 'booked'
      ORDER BY b.id`)
  ).rows;

  // What each drive shop can promise: units on the shelf not held by anyone yet (keep one back).
  const shelves = new Map<number, Shelf[]>();
  const stock = await tx.execute<{ location_id: number; sku_id: number; price: number; free: number }>(sql`
    SELECT st.location_id, st.sku_id, k.price_cents AS price, (st.on_hand - st.reserved - 1)::int AS free
    FROM stock st JOIN skus k ON k.id = st.sku_id JOIN stores s ON s.location_id = st.location_id AND s.drive
    WHERE st.on_hand - st.reserved > 2
    ORDER BY st.location_id, st.sku_id`);
  for (const r of stock.rows) {
    let list = shelves.get(r.location_id);
    if (!list) shelves.set(r.location_id, (list = []));
    list.push({ sku: r.sku_id, price: r.price, free: r.free });
  }

  const customersNeeded = Math.ceil(bookings.length / ORDERS_PER_CUSTOMER);
  const passwordHash = await hashPassword(randomBytes(24).toString('base64'));
  const names = Array.from({ length: customersNeeded }, () => `${rng.pick(FIRST)} ${rng.pick(LAST)}`);
  const customerIds = customersNeeded
    ? (
        await tx.execute<{ id: number }>(sql`
          INSERT INTO users (email, name, password_hash, role)
          SELECT e, n, ${passwordHash}, 'shopper'
          FROM unnest(${arrayLiteral(names.map((n, i) => `${ascii(n).replace(' ', '.')}.drive${i + 1}@example.net`))}::text[], ${arrayLiteral(names)}::text[]) AS u(e, n)
          RETURNING id`)
      ).rows.map((r) => r.id)
    : [];

  const cols: OrderCols = {
    number: [],
    customer: [],
    mode: [],
    location: [],
    status: [],
    paymentProvider: [],
    paymentStatus: [],
    last4: [],
    placedAgo: [],
    arrivedAgo: [],
    bay: [],
    address: [],
    key: [],
  };
  const lines = { order: [] as number[], sku: [] as number[], quantity: [] as number[], price: [] as number[] };
  const holds = new Map<string, number>(); // 'location:sku' → units held by open orders
  const bookingRefs = { id: [] as number[], ref: [] as string[] };

  function addOrder(o: {
    customer: number;
    mode: 'drive' | 'delivery';
    location: number;
    status: string;
    placedAgo: number;
    arrivedAgo?: number | null;
    bay?: string | null;
    address?: string | null;
    picks: { shelf: Shelf; quantity: number }[];
    holdsStock: boolean;
    payment: { provider: string; status: string; last4: string | null };
  }): string {
    const number = drawNumber();
    const index = cols.number.length;
    cols.number.push(number);
    cols.customer.push(o.customer);
    cols.mode.push(o.mode);
    cols.location.push(o.location);
    cols.status.push(o.status);
    cols.paymentProvider.push(o.payment.provider);
    cols.paymentStatus.push(o.payment.status);
    cols.last4.push(o.payment.last4);
    cols.placedAgo.push(o.placedAgo);
    cols.arrivedAgo.push(o.arrivedAgo ?? null);
    cols.bay.push(o.bay ?? null);
    cols.address.push(o.address ?? null);
    cols.key.push(`seed-order-${index + 1}`);
    for (const p of o.picks) {
      lines.order.push(index);
      lines.sku.push(p.shelf.sku);
      lines.quantity.push(p.quantity);
      lines.price.push(p.shelf.price);
      if (o.holdsStock) {
        p.shelf.free -= p.quantity;
        const key = `${o.location}:${p.shelf.sku}`;
        holds.set(key, (holds.get(key) ?? 0) + p.quantity);
      }
    }
    return number;
  }

  /** Up to `count` different items with units to spare, one or two of each. */
  function pick(location: number, count: number): { shelf: Shelf; quantity: number }[] {
    const shelf = shelves.get(location) ?? [];
    const chosen: { shelf: Shelf; quantity: number }[] = [];
    for (let tries = 0; chosen.length < count && tries < count * 6 && shelf.length > 0; tries++) {
      const s = rng.pick(shelf);
      const quantity = rng.chance(0.25) ? 2 : 1;
      if (s.free >= quantity && !chosen.some((c) => c.shelf === s)) chosen.push({ shelf: s, quantity });
    }
    return chosen;
  }

  bookings.forEach((b, i) => {
    const picks = pick(b.store_id, rng.int(1, 6));
    if (picks.length === 0) return; // an empty shop keeps a placeholder booking
    // Before the slot: placed; past the cut-off: being picked, then ready; after it: collected.
    let status = 'placed';
    if (b.starts_in <= 0) status = rng.chance(0.9) ? 'collected' : 'cancelled';
    else if (b.starts_in <= b.cutoff) status = b.starts_in <= 45 && rng.chance(0.7) ? 'ready' : 'preparing';
    const open = ['placed', 'preparing', 'ready'].includes(status);
    const arrived = status === 'ready' && b.starts_in <= 20 && rng.chance(0.5);
    const number = addOrder({
      customer: customerIds[i % customerIds.length]!,
      mode: 'drive',
      location: b.store_id,
      status,
      placedAgo: Math.max(5, -b.starts_in) + rng.int(b.cutoff, 4 * 24 * 60),
      arrivedAgo: arrived ? rng.int(1, 8) : null,
      bay: arrived && rng.chance(0.7) ? String(rng.int(1, 24)) : null,
      picks,
      holdsStock: open,
      payment: { provider: 'at_pickup', status: status === 'collected' ? 'paid_at_pickup' : 'due_at_pickup', last4: null },
    });
    bookingRefs.id.push(b.id);
    bookingRefs.ref.push(number);
  });
  // A cancelled order gives its place back.
  const cancelledRefs = new Set(cols.number.filter((_, i) => cols.status[i] === 'cancelled'));

  // The demo shopper: home deliveries (three delivered, one shipped, one just placed) and a drive order.
  const demo = (
    await tx.execute<{ id: number; store: number | null }>(sql`
    SELECT u.id, (SELECT s.location_id FROM stores s WHERE s.drive ORDER BY s.location_id LIMIT 1) AS store
    FROM users u WHERE u.email = 'camille@example.com'`)
  ).rows[0];
  const warehouse = (await tx.execute<{ id: number }>(sql`SELECT id FROM locations WHERE kind = 'warehouse' ORDER BY id LIMIT 1`)).rows[0];
  if (demo && warehouse) {
    const wh = await tx.execute<{ sku_id: number; price: number; free: number }>(sql`
      SELECT st.sku_id, k.price_cents AS price, (st.on_hand - st.reserved - 1)::int AS free
      FROM stock st JOIN skus k ON k.id = st.sku_id WHERE st.location_id = ${warehouse.id} AND st.on_hand - st.reserved > 3
      ORDER BY st.sku_id`);
    shelves.set(
      warehouse.id,
      wh.rows.map((r) => ({ sku: r.sku_id, price: r.price, free: r.free })),
    );
    const address = 'Camille Martin|24 rue Mercière|69002|Lyon|0612345678';
    const history: [string, number, string][] = [
      ['delivered', 26 * 24 * 60, 'captured'],
      ['delivered', 12 * 24 * 60, 'captured'],
      ['delivered', 4 * 24 * 60, 'captured'],
      ['shipped', 26 * 60, 'captured'],
      ['placed', 40, 'authorized'],
    ];
    for (const [status, placedAgo, paymentStatus] of history) {
      addOrder({
        customer: demo.id,
        mode: 'delivery',
        location: warehouse.id,
        status,
        placedAgo,
        address,
        picks: pick(warehouse.id, rng.int(2, 4)),
        holdsStock: status === 'placed',
        payment: { provider: 'test', status: paymentStatus, last4: '4242' },
      });
    }
  }

  if (cols.number.length === 0) return { orders: 0, customers: customerIds.length };

  const created = await tx.execute<{ id: number }>(sql`
    INSERT INTO orders (number, customer_id, mode, location_id, status, subtotal_cents, delivery_cents, total_cents,
                        payment_provider, payment_reference, payment_status, card_last4,
                        delivery_name, delivery_address, delivery_postcode, delivery_town, delivery_phone,
                        idempotency_key, arrived_at, arrival_bay, placed_at, updated_at)
    SELECT v.number, v.customer, v.mode, v.location, v.status, 0, 0, 0,
           v.provider, CASE WHEN v.provider = 'test' THEN 'test_pi_seed_' || v.ord END, v.payment_status, v.last4,
           split_part(v.address, '|', 1), split_part(v.address, '|', 2), split_part(v.address, '|', 3), split_part(v.address, '|', 4), split_part(v.address, '|', 5),
           v.key, CASE WHEN v.arrived_ago IS NOT NULL THEN now() - make_interval(mins => v.arrived_ago) END, v.bay,
           date_trunc('minute', now()) - make_interval(mins => v.placed_ago), now()
    FROM unnest(${arrayLiteral(cols.number)}::text[], ${arrayLiteral(cols.customer)}::int[], ${arrayLiteral(cols.mode)}::text[], ${arrayLiteral(cols.location)}::int[],
                ${arrayLiteral(cols.status)}::text[], ${arrayLiteral(cols.paymentProvider)}::text[], ${arrayLiteral(cols.paymentStatus)}::text[], ${arrayLiteral(cols.last4)}::text[],
                ${arrayLiteral(cols.address)}::text[], ${arrayLiteral(cols.key)}::text[], ${arrayLiteral(cols.arrivedAgo)}::int[], ${arrayLiteral(cols.bay)}::text[], ${arrayLiteral(cols.placedAgo)}::int[])
         WITH ORDINALITY AS v(number, customer, mode, location, status, provider, payment_status, last4, address, key, arrived_ago, bay, placed_ago, ord)
    ORDER BY v.ord
    RETURNING id`);
  const ids = created.rows.map((r) => r.id);
  await tx.execute(sql`
    INSERT INTO order_lines (order_id, sku_id, quantity, unit_price_cents)
    SELECT o.id, l.sku, l.quantity, l.price
    FROM unnest(${arrayLiteral(lines.order.map((i) => ids[i]!))}::int[], ${arrayLiteral(lines.sku)}::int[], ${arrayLiteral(lines.quantity)}::int[], ${arrayLiteral(lines.price)}::int[])
         AS l(order_id, sku, quantity, price)
    JOIN orders o ON o.id = l.order_id`);
  // Totals from the lines; home delivery is free above 50 €, else 4.90 €.
  await tx.execute(sql`
    UPDATE orders o SET subtotal_cents = t.subtotal,
           delivery_cents = CASE WHEN o.mode = 'delivery' AND t.subtotal < 5000 THEN 490 ELSE 0 END,
           total_cents = t.subtotal + CASE WHEN o.mode = 'delivery' AND t.subtotal < 5000 THEN 490 ELSE 0 END
    FROM (SELECT order_id, sum(quantity * unit_price_cents)::int AS subtotal FROM order_lines GROUP BY order_id) t
    WHERE t.order_id = o.id`);
  // The test provider's own books (migration 0017) hold every card payment the seed made, in the
  // state the order says: shipping an authorised order captures it, and a card refund of a
  // delivered one finds its captured payment, as with any order placed since.
  await tx.execute(sql`
    INSERT INTO test_provider_payments (reference, amount_cents, state, captured_cents)
    SELECT payment_reference, total_cents,
           CASE payment_status WHEN 'captured' THEN 'captured' WHEN 'voided' THEN 'voided' ELSE 'authorized' END,
           CASE WHEN payment_status = 'captured' THEN total_cents ELSE 0 END
    FROM orders WHERE payment_provider = 'test' AND payment_reference IS NOT NULL`);
  // The history each status implies, at plausible times between placing and now.
  await tx.execute(sql`
    INSERT INTO order_events (order_id, kind, at)
    SELECT o.id, e.kind, o.placed_at + (now() - o.placed_at) * e.share
    FROM orders o
    CROSS JOIN LATERAL (VALUES ('placed', 0.0, 0), ('preparing', 0.6, 1), ('ready', 0.8, 2), ('collected', 0.95, 3),
                               ('shipped', 0.4, 1), ('delivered', 0.7, 2), ('cancelled', 0.5, 1)) AS e(kind, share, step)
    WHERE e.kind = 'placed'
       OR (o.mode = 'drive' AND o.status <> 'cancelled' AND e.kind IN ('preparing', 'ready', 'collected')
           AND e.step <= array_position(ARRAY['placed', 'preparing', 'ready', 'collected'], o.status) - 1)
       OR (o.mode = 'delivery' AND e.kind IN ('shipped', 'delivered')
           AND e.step <= array_position(ARRAY['placed', 'shipped', 'delivered'], o.status) - 1)
       OR (o.status = 'cancelled' AND e.kind = 'cancelled')
    UNION ALL
    SELECT o.id, 'arrived', o.arrived_at FROM orders o WHERE o.arrived_at IS NOT NULL`);
  await tx.execute(sql`
    UPDATE drive_slot_bookings b SET order_ref = v.ref
    FROM unnest(${arrayLiteral(bookingRefs.id)}::int[], ${arrayLiteral(bookingRefs.ref)}::text[]) AS v(id, ref)
    WHERE b.id = v.id`);
  if (cancelledRefs.size > 0) {
    await tx.execute(sql`
      UPDATE drive_slot_bookings SET status = 'cancelled', cancelled_at = now()
      WHERE order_ref = ANY(${arrayLiteral([...cancelledRefs])}::text[])`);
  }
  // …and one upcoming drive order at the drive where the demo staff member works.
  await tx.execute(sql`
    UPDATE orders SET customer_id = (SELECT id FROM users WHERE email = 'camille@example.com')
    WHERE id = (
      SELECT o.id FROM orders o
      JOIN staff_memberships m ON m.store_id = o.location_id
      JOIN users u ON u.id = m.user_id AND u.email = 'sam@example.com'
      JOIN drive_slot_bookings b ON b.order_ref = o.number AND b.status = 'booked'
      JOIN drive_slots sl ON sl.id = b.slot_id
      WHERE o.mode = 'drive'
      ORDER BY (o.status = 'placed' AND sl.starts_at > now() + interval '1 day') DESC, sl.starts_at LIMIT 1)`);
  if (holds.size > 0) {
    const keys = [...holds.keys()].map((k) => k.split(':').map(Number) as [number, number]);
    await withoutStockNotify(tx, () =>
      tx.execute(sql`
        UPDATE stock s SET reserved = s.reserved + h.n
        FROM unnest(${arrayLiteral(keys.map((k) => k[0]))}::int[], ${arrayLiteral(keys.map((k) => k[1]))}::int[], ${arrayLiteral([...holds.values()])}::int[]) AS h(location_id, sku_id, n)
        WHERE s.location_id = h.location_id AND s.sku_id = h.sku_id`),
    );
  }
  return { orders: ids.length, customers: customerIds.length };
}
