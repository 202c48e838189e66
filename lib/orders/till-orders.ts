import 'server-only';
import { sql } from 'drizzle-orm';
import { assertStaffOfStore } from '@/lib/auth/staff-access';
import { getDb, transaction, type Db } from '@/lib/db';
import { IdempotencyKeyReusedError } from '@/lib/inventory/commands';
import { holdStock, type HoldLine } from '@/lib/inventory/holds';
import { getWarehouseLocationId } from '@/lib/inventory/queries';
import { AT_PICKUP_PROVIDER_ID } from '@/lib/payments/pay-at-pickup';
import type { DeliveryAddress } from './commands';
import { deliveryFeeCents } from './config';
import { InvalidCheckoutError } from './errors';
import { newOrderNumber } from './order-number';

/*
 * An item the shop lacks, ordered at its till for home delivery from the web warehouse (issue 5:
 * "the till can order it for the customer"). The customer pays at the counter, so the order is
 * born paid — payment "paid in a shop", the provider that records money taken by a shop — and
 * names the shop that took it. From there it is an ordinary home-delivery order: the warehouse
 * ships it, points are earned on delivery, and it is returned like any other. Being paid already,
 * it cannot be cancelled (that would owe money with no refund path): it comes back as a return.
 */
export type TillDeliveryOrderInput = {
  storeId: number;
  /** The signed-in staff member: checked against the store here. */
  staffId: number;
  /** From the till's sealed customer pass (lib/sales/customer-pass.ts), never from the page. */
  customerId: number;
  lines: { skuId: number; quantity: number }[];
  address: DeliveryAddress;
  idempotencyKey: string;
};

export type TillDeliveryOrder = {
  id: number;
  number: string;
  subtotalCents: number;
  deliveryCents: number;
  totalCents: number;
  /** Where it goes, as the order holds it. */
  address: { address: string; postcode: string; town: string };
  replayed: boolean;
};

type Row = {
  id: number;
  number: string;
  customer_id: number;
  placed_at_store_id: number | null;
  subtotal_cents: number;
  delivery_cents: number;
  total_cents: number;
  delivery_address: string;
  delivery_postcode: string;
  delivery_town: string;
};

const ROW = sql`id, number, customer_id, placed_at_store_id, subtotal_cents, delivery_cents, total_cents, delivery_address, delivery_postcode, delivery_town`;

function result(row: Row, replayed: boolean): TillDeliveryOrder {
  return {
    id: row.id,
    number: row.number,
    subtotalCents: row.subtotal_cents,
    deliveryCents: row.delivery_cents,
    totalCents: row.total_cents,
    address: { address: row.delivery_address, postcode: row.delivery_postcode, town: row.delivery_town },
    replayed,
  };
}

/**
 * The order a till's key already placed, from the database (so also after a restart), or null;
 * for staff of the shop that took it (any other key's order is refused, not shown). Asked before
 * the customer pass, the address or the stock, so a retry answers as the first request did.
 */
export async function findTillDeliveryOrder(input: {
  storeId: number;
  staffId: number;
  idempotencyKey: string;
  customerId?: number;
}): Promise<TillDeliveryOrder | null> {
  await assertStaffOfStore(input.staffId, input.storeId);
  return findByKey(await getDb(), input.storeId, input.idempotencyKey, input.customerId);
}

/** With `customerId`, also refused when the key placed another customer's order. */
async function findByKey(db: Db, storeId: number, key: string, customerId?: number): Promise<TillDeliveryOrder | null> {
  const r = await db.execute<Row>(sql`SELECT ${ROW} FROM orders WHERE idempotency_key = ${key}`);
  const row = r.rows[0];
  if (!row) return null;
  if (row.placed_at_store_id !== storeId || (customerId !== undefined && row.customer_id !== customerId)) throw new IdempotencyKeyReusedError();
  return result(row, true);
}

function validate(input: TillDeliveryOrderInput): HoldLine[] {
  if (!/^[A-Za-z0-9-]{8,100}$/.test(input.idempotencyKey)) throw new InvalidCheckoutError('This order has no valid key: start it again.');
  if (input.lines.length === 0 || input.lines.length > 20) throw new InvalidCheckoutError('An order has 1 to 20 lines.');
  for (const l of input.lines) {
    if (!Number.isSafeInteger(l.skuId) || l.skuId <= 0 || !Number.isSafeInteger(l.quantity) || l.quantity < 1 || l.quantity > 99) {
      throw new InvalidCheckoutError('Each line needs an item and a quantity from 1 to 99.');
    }
  }
  const a = input.address;
  if (!a.name.trim() || !a.address.trim() || !/^\d{5}$/.test(a.postcode) || !a.town.trim()) {
    throw new InvalidCheckoutError('Enter the delivery address: name, street, a 5-digit postcode and the town.');
  }
  return input.lines;
}

export async function placeTillDeliveryOrder(input: TillDeliveryOrderInput): Promise<TillDeliveryOrder> {
  const replay = await findTillDeliveryOrder(input);
  if (replay) return replay;
  const lines = validate(input);
  const db = await getDb();
  const locationId = await getWarehouseLocationId();
  if (locationId === null) throw new Error('No web warehouse is configured: home delivery cannot take orders');
  try {
    return await transaction(async (tx) => {
      const customer = await tx.execute(sql`SELECT 1 FROM users WHERE id = ${input.customerId} AND role = 'shopper'`);
      if (customer.rows.length === 0) throw new InvalidCheckoutError('No customer account matches: find the customer again.');
      // The web's price, read here: the till's screen names the item, it does not price it.
      const skuIds = [...new Set(lines.map((l) => l.skuId))];
      const prices = await tx.execute<{ id: number; price_cents: number }>(sql`
        SELECT id, price_cents FROM skus WHERE id IN (${sql.join(
          skuIds.map((id) => sql`${id}`),
          sql`, `,
        )})`);
      const price = new Map(prices.rows.map((r) => [r.id, r.price_cents]));
      if (price.size !== skuIds.length) throw new InvalidCheckoutError('An item on this order is not in the catalogue.');
      const subtotal = lines.reduce((sum, l) => sum + price.get(l.skuId)! * l.quantity, 0);
      const delivery = deliveryFeeCents(subtotal);
      const a = input.address;
      const inserted = await tx.execute<Row>(sql`
        INSERT INTO orders (number, customer_id, mode, location_id, status, subtotal_cents, delivery_cents, total_cents,
                            payment_provider, payment_reference, payment_status, placed_at_store_id,
                            delivery_name, delivery_address, delivery_postcode, delivery_town, delivery_phone, idempotency_key)
        VALUES (${newOrderNumber()}, ${input.customerId}, 'delivery', ${locationId}, 'placed', ${subtotal}, ${delivery}, ${subtotal + delivery},
                ${AT_PICKUP_PROVIDER_ID}, ${`till:${input.storeId}:${input.idempotencyKey}`}, 'paid_at_pickup', ${input.storeId},
                ${a.name.trim()}, ${a.address.trim()}, ${a.postcode}, ${a.town.trim()}, ${a.phone.trim() || null}, ${input.idempotencyKey})
        RETURNING ${ROW}`);
      const order = inserted.rows[0]!;
      for (const l of lines) {
        await tx.execute(sql`
          INSERT INTO order_lines (order_id, sku_id, quantity, unit_price_cents) VALUES (${order.id}, ${l.skuId}, ${l.quantity}, ${price.get(l.skuId)!})`);
      }
      // The warehouse's units are held like a web order's: not enough there refuses the whole order.
      await holdStock(tx, locationId, lines);
      await tx.execute(sql`
        INSERT INTO order_events (order_id, kind, actor_id, note) VALUES (${order.id}, 'placed', ${input.staffId}, ${`till:${input.storeId}`})`);
      return result(order, false);
    });
  } catch (err) {
    // The same order sent twice at once: the other request placed it (and maybe took the last unit).
    const again = await findByKey(db, input.storeId, input.idempotencyKey, input.customerId).catch(() => null);
    if (again) return again;
    throw err;
  }
}
