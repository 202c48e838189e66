import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { arrayLiteral } from '../sql';
import { hashPassword } from '../../auth/password';
import { PICKUP_CODE_ALPHABET, PICKUP_CODE_LENGTH } from '../../reservations/pickup-code';
import type { Rng } from './prng';
import { withoutStockNotify } from './stock';
import type { SeedTx } from './types';

// Raw SQL throughout: demo data dated from the database's clock (now() - interval …) and written set-wise
// from generated arrays (unnest), once at setup. Issue 20 moves the seed onto the catalogue import.

/*
 * The demo stock draws a few reserved units per shop. Reserved units must be held by somebody
 * (a click & reserve in progress), so the seed writes those reservations, for neighbourhood
 * customers, and gives back units at shops that cannot hold any (no click & reserve, the web
 * warehouse). The pickup desks then open on a realistic day: some to prepare, some ready.
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
const PER_CUSTOMER = 2; // under the three open reservations an account may hold

const ascii = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
export async function insertDemoReservations(tx: SeedTx, rng: Rng): Promise<{ reservations: number; customers: number }> {
  await withoutStockNotify(tx, () =>
    tx.execute(sql`
      UPDATE stock SET reserved = 0
      WHERE reserved > 0 AND NOT EXISTS (
        SELECT 1 FROM stores s WHERE s.location_id = stock.location_id AND s.click_reserve)`),
  );
  const held = await tx.execute<{ location_id: number; sku_id: number; reserved: number; price: number }>(sql`
    SELECT st.location_id, st.sku_id, st.reserved, k.price_cents AS price
    FROM stock st JOIN skus k ON k.id = st.sku_id
    WHERE st.reserved > 0 ORDER BY st.location_id, st.sku_id`);
  const rows = held.rows;
  if (rows.length === 0) return { reservations: 0, customers: 0 };

  // One shared hash of a password nobody knows: these customers exist, but cannot sign in.
  const passwordHash = await hashPassword(randomBytes(24).toString('base64'));
  const customerCount = Math.ceil(rows.length / PER_CUSTOMER);
  const names = Array.from({ length: customerCount }, () => `${rng.pick(FIRST)} ${rng.pick(LAST)}`);
  const customers = await tx.execute<{ id: number }>(sql`
    INSERT INTO users (email, name, password_hash, role)
    SELECT lower(e), n, ${passwordHash}, 'shopper'
    FROM unnest(${arrayLiteral(names.map((n, i) => `${ascii(n).replace(' ', '.')}.${i + 1}@example.net`))}::text[], ${arrayLiteral(names)}::text[]) AS u(e, n)
    RETURNING id`);
  const customerIds = customers.rows.map((c) => c.id);

  const codes = new Set<string>();
  const draw = () => {
    for (;;) {
      let c = '';
      for (let i = 0; i < PICKUP_CODE_LENGTH; i++) c += PICKUP_CODE_ALPHABET[rng.int(0, PICKUP_CODE_ALPHABET.length - 1)];
      if (!codes.has(c)) return (codes.add(c), c);
    }
  };
  const cols = {
    code: [] as string[],
    customer: [] as number[],
    store: [] as number[],
    status: [] as string[],
    placedAgo: [] as number[],
    readyAgo: [] as number[],
    key: [] as string[],
  };
  rows.forEach((r, i) => {
    const placedAgo = rng.int(10, 30 * 60); // minutes ago, all within the 48 h hold
    const ready = rng.chance(0.55);
    cols.code.push(draw());
    cols.customer.push(customerIds[i % customerCount]!);
    cols.store.push(r.location_id);
    cols.status.push(ready ? 'ready' : 'placed');
    cols.placedAgo.push(placedAgo);
    cols.readyAgo.push(ready ? rng.int(1, placedAgo) : -1);
    cols.key.push(`seed-${i + 1}`);
  });
  const created = await tx.execute<{ id: number }>(sql`
    INSERT INTO reservations (code, customer_id, store_id, status, idempotency_key, created_at, ready_at, expires_at, updated_at)
    SELECT v.code, v.customer, v.store, v.status, v.key, p.placed, p.ready,
           COALESCE(p.ready, p.placed) + make_interval(hours => s.reservation_hold_hours), COALESCE(p.ready, p.placed)
    FROM unnest(${arrayLiteral(cols.code)}::text[], ${arrayLiteral(cols.customer)}::int[], ${arrayLiteral(cols.store)}::int[], ${arrayLiteral(cols.status)}::text[],
                ${arrayLiteral(cols.key)}::text[], ${arrayLiteral(cols.placedAgo)}::int[], ${arrayLiteral(cols.readyAgo)}::int[])
         WITH ORDINALITY AS v(code, customer, store, status, key, placed_ago, ready_ago, ord)
    JOIN stores s ON s.location_id = v.store
    CROSS JOIN LATERAL (
      SELECT date_trunc('minute', now()) - make_interval(mins => v.placed_ago) AS placed,
             CASE WHEN v.ready_ago >= 0 THEN date_trunc('minute', now()) - make_interval(mins => v.ready_ago) END AS ready
    ) p
    ORDER BY v.ord
    RETURNING id`);
  const ids = created.rows.map((c) => c.id);
  await tx.execute(sql`
    INSERT INTO reservation_lines (reservation_id, sku_id, quantity, unit_price_cents)
    SELECT * FROM unnest(${arrayLiteral(ids)}::int[], ${arrayLiteral(rows.map((r) => r.sku_id))}::int[],
                         ${arrayLiteral(rows.map((r) => r.reserved))}::int[], ${arrayLiteral(rows.map((r) => r.price))}::int[])`);
  return { reservations: ids.length, customers: customerIds.length };
}
