import { randomBytes, randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Db } from '@/lib/db/client';

/** Test fixtures for purchases and carts at chosen ages (hours ago). */
export async function insertCart(
  db: Db,
  customerId: number | null,
  updatedHoursAgo: number,
  lines: { skuId: number; addedHoursAgo: number; quantity?: number }[],
): Promise<number> {
  const c = await db.execute<{ id: number }>(sql`
    INSERT INTO carts (token, customer_id, created_at, updated_at)
    VALUES (${randomBytes(24).toString('base64url')}, ${customerId}, now() - make_interval(hours => ${updatedHoursAgo + 1}),
            now() - make_interval(hours => ${updatedHoursAgo}))
    RETURNING id`);
  const id = c.rows[0]!.id;
  for (const l of lines) {
    await db.execute(sql`
      INSERT INTO cart_lines (cart_id, sku_id, quantity, added_at)
      VALUES (${id}, ${l.skuId}, ${l.quantity ?? 1}, now() - make_interval(hours => ${l.addedHoursAgo}))`);
  }
  return id;
}

export async function insertSale(
  db: Db,
  s: { customerId: number | null; storeId: number; hoursAgo: number; skuIds: number[]; source?: 'till' | 'reservation'; reservationId?: number | null },
): Promise<number> {
  const r = await db.execute<{ id: number }>(sql`
    INSERT INTO sales (channel, store_id, customer_id, source, reservation_id, total_cents, created_at)
    VALUES ('store', ${s.storeId}, ${s.customerId}, ${s.source ?? 'till'}, ${s.reservationId ?? null}, ${s.skuIds.length * 1000},
            now() - make_interval(hours => ${s.hoursAgo}))
    RETURNING id`);
  const id = r.rows[0]!.id;
  for (const sku of s.skuIds) {
    await db.execute(sql`INSERT INTO sale_lines (sale_id, sku_id, quantity, unit_price_cents) VALUES (${id}, ${sku}, 1, 1000)`);
  }
  return id;
}

export async function insertOrder(
  db: Db,
  o: { customerId: number; locationId: number; hoursAgo: number; skuIds: number[]; status?: string; mode?: 'delivery' | 'drive' },
): Promise<{ id: number; number: string }> {
  const total = o.skuIds.length * 1000;
  const number = `CMD-${randomBytes(4).toString('hex').toUpperCase()}`;
  const r = await db.execute<{ id: number }>(sql`
    INSERT INTO orders (number, customer_id, mode, location_id, status, subtotal_cents, delivery_cents, total_cents,
                        payment_provider, payment_status, delivery_name, delivery_address, delivery_postcode, delivery_town,
                        idempotency_key, placed_at)
    VALUES (${number}, ${o.customerId}, ${o.mode ?? 'delivery'}, ${o.locationId}, ${o.status ?? 'placed'}, ${total}, 0, ${total},
            'test', 'captured', 'A', '1 rue', '75001', 'Paris', ${randomUUID()}, now() - make_interval(hours => ${o.hoursAgo}))
    RETURNING id`);
  const id = r.rows[0]!.id;
  for (const sku of o.skuIds) {
    await db.execute(sql`INSERT INTO order_lines (order_id, sku_id, quantity, unit_price_cents) VALUES (${id}, ${sku}, 1, 1000)`);
  }
  return { id, number };
}
