import { sql } from 'drizzle-orm';
import type { Db } from '@/lib/db/client';

/** Returns fixtures for tests and the seed (plain SQL, no server-only imports). */

/** Opening hours every day from 00:00 to 23:00 (so tomorrow always has windows), and the desk. */
export async function openReturnsDesk(db: Db, storeId: number, opts: { capacityPerHour?: number; opens?: string; closes?: string } = {}): Promise<void> {
  await db.execute(sql`UPDATE stores SET returns_desk = true WHERE location_id = ${storeId}`);
  for (let weekday = 1; weekday <= 7; weekday++) {
    await db.execute(sql`
      INSERT INTO store_hours (store_id, weekday, opens, closes) VALUES (${storeId}, ${weekday}, ${opts.opens ?? '00:00'}, ${opts.closes ?? '23:00'})
      ON CONFLICT DO NOTHING`);
  }
  if (opts.capacityPerHour !== undefined) {
    await db.execute(sql`
      INSERT INTO return_desk_settings (store_id, capacity_per_hour) VALUES (${storeId}, ${opts.capacityPerHour})
      ON CONFLICT (store_id) DO UPDATE SET capacity_per_hour = excluded.capacity_per_hour`);
  }
}

let n = 0;
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const base32 = (value: number, width: number) => {
  let out = '';
  for (let v = value, i = 0; i < width; i++, v = Math.floor(v / 32)) out = ALPHABET[v % 32]! + out;
  return out;
};
/** Distinct per test process, so order numbers of two files in one database never clash either. */
const RUN = base32(Math.floor(Math.random() * 32 ** 4), 4);

export type OrderFixture = {
  customerId: number;
  locationId: number;
  lines: { skuId: number; quantity: number; unitPriceCents: number }[];
  mode?: 'delivery' | 'drive';
  /** null: not delivered yet (status 'shipped'). */
  completedDaysAgo?: number | null;
  discountCents?: number;
  pointsRedeemed?: number;
  provider?: string;
  reference?: string | null;
};

/** A delivered (or collected) order with its lines and its 'delivered'/'collected' event `completedDaysAgo` days ago. */
export async function insertCompletedOrder(db: Db, o: OrderFixture): Promise<{ id: number; number: string; lineIds: number[] }> {
  const id = ++n;
  const mode = o.mode ?? 'delivery';
  const subtotal = o.lines.reduce((s, l) => s + l.quantity * l.unitPriceCents, 0);
  const discount = o.discountCents ?? 0;
  const done = o.completedDaysAgo === undefined ? 1 : o.completedDaysAgo;
  const status = done === null ? (mode === 'drive' ? 'ready' : 'shipped') : mode === 'drive' ? 'collected' : 'delivered';
  const number = `CMD-${RUN}${base32(id, 4)}`;
  const r = await db.execute<{ id: number }>(sql`
    INSERT INTO orders (number, customer_id, mode, location_id, status, subtotal_cents, delivery_cents, discount_cents, points_redeemed,
                        total_cents, payment_provider, payment_reference, payment_status, delivery_name, delivery_address,
                        delivery_postcode, delivery_town, idempotency_key, placed_at)
    VALUES (${number}, ${o.customerId}, ${mode}, ${o.locationId}, ${status}, ${subtotal}, 0, ${discount}, ${o.pointsRedeemed ?? (discount > 0 ? 100 : 0)},
            ${subtotal - discount}, ${o.provider ?? 'test'}, ${o.reference === undefined ? `ref_${id}_${Math.random()}` : o.reference},
            ${mode === 'drive' ? 'paid_at_pickup' : 'captured'}, 'A', '1 rue', '75001', 'Paris', ${`returns-test-${id}-${Math.random()}`},
            now() - make_interval(days => ${(done ?? 0) + 3}::int))
    RETURNING id`);
  const orderId = r.rows[0]!.id;
  const lineIds: number[] = [];
  for (const l of o.lines) {
    const x = await db.execute<{ id: number }>(sql`
      INSERT INTO order_lines (order_id, sku_id, quantity, unit_price_cents) VALUES (${orderId}, ${l.skuId}, ${l.quantity}, ${l.unitPriceCents}) RETURNING id`);
    lineIds.push(x.rows[0]!.id);
  }
  if (done !== null) {
    await db.execute(sql`
      INSERT INTO order_events (order_id, kind, at) VALUES (${orderId}, ${status}, now() - make_interval(days => ${done}::int))`);
  }
  return { id: orderId, number, lineIds };
}
