import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { intArray } from '../sql';
import type { Rng } from './prng';
import type { SeedTx } from './types';

// Raw SQL throughout: demo data dated from the database's clock (now() - interval …) and written set-wise
// from generated arrays (unnest), once at setup. Issue 20 moves the seed onto the catalogue import.

/*
 * A few carts left by neighbourhood customers (1–4 lines the web warehouse ships; a third of them
 * chose drive at a drive store). The demo shopper's cart is written with her history
 * (shopper-history.ts): one she left two days ago, for the cart-reminder job.
 */
const CARTS = 12;

export async function insertDemoCarts(tx: SeedTx, rng: Rng): Promise<number> {
  const customers = await tx.execute<{ id: number }>(sql`
    SELECT id FROM users WHERE role = 'shopper' AND email LIKE '%@example.net' ORDER BY id LIMIT ${CARTS}`);
  const skus = await tx.execute<{ sku_id: number }>(sql`
    SELECT st.sku_id FROM stock st JOIN locations l ON l.id = st.location_id
    WHERE l.kind = 'warehouse' AND st.on_hand - st.reserved > 2 ORDER BY st.sku_id`);
  const drives = await tx.execute<{ id: number }>(sql`SELECT location_id AS id FROM stores WHERE drive ORDER BY location_id`);
  if (customers.rows.length === 0 || skus.rows.length < 4) return 0;
  const skuIds = skus.rows.map((s) => s.sku_id);
  const lines = { cart: [] as number[], sku: [] as number[], quantity: [] as number[], ago: [] as number[] };
  for (const [i, customer] of customers.rows.entries()) {
    const drive = drives.rows.length > 0 && rng.chance(1 / 3);
    const store = drive ? rng.pick(drives.rows).id : null;
    const created = await tx.execute<{ id: number }>(sql`
      INSERT INTO carts (token, customer_id, fulfilment, drive_store_id, created_at, updated_at)
      VALUES (${randomBytes(24).toString('base64url')}, ${customer.id}, ${drive ? 'drive' : 'delivery'}, ${store},
              now() - make_interval(hours => ${(i + 1) * 7}), now() - make_interval(hours => ${(i + 1) * 3}))
      RETURNING id`);
    const chosen = new Set<number>();
    const count = rng.int(1, 4);
    while (chosen.size < count) chosen.add(rng.pick(skuIds));
    for (const sku of chosen) {
      lines.cart.push(created.rows[0]!.id);
      lines.sku.push(sku);
      lines.quantity.push(rng.chance(0.75) ? 1 : rng.int(2, 3));
      lines.ago.push((i + 1) * 3 + rng.int(0, 48));
    }
  }
  await tx.execute(sql`
    INSERT INTO cart_lines (cart_id, sku_id, quantity, added_at)
    SELECT c, k, q, now() - make_interval(hours => a)
    FROM unnest(${intArray(lines.cart)}::int[], ${intArray(lines.sku)}::int[], ${intArray(lines.quantity)}::int[], ${intArray(lines.ago)}::int[]) AS v(c, k, q, a)`);
  return customers.rows.length;
}
