import 'server-only';
import { eq } from 'drizzle-orm';
import { isShopper } from '@/lib/auth/read';
import { assertStaffOfStore } from '@/lib/auth/staff-access';
import { skuPrices } from '@/lib/catalog/read';
import { getDb, transaction, type Db } from '@/lib/db';
import { IdempotencyKeyReusedError } from '@/lib/inventory/commands';
import { holdStock, type HoldLine } from '@/lib/inventory/holds';
import { getWarehouseLocationId } from '@/lib/inventory/queries';
import { AT_PICKUP_PROVIDER_ID } from '@/lib/payments/pay-at-pickup';
import { planWalletPayment, takeWalletPayment, type WalletChoice } from '@/lib/wallet/pay';
import type { DeliveryAddress } from './address';
import { deliveryFeeCents } from './config';
import { InvalidCheckoutError } from './errors';
import { newOrderNumber } from './order-number';
import { orderEvents, orderLines, orders } from './schema';

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
  /** How the till identified the customer: their store credit is spent only on a presented card. */
  identifiedBy?: 'card' | 'email';
  /** The wallet's part (lib/wallet/pay.ts, as at checkout and on a till ticket); the counter takes the rest. */
  wallet?: WalletChoice;
};

export type TillDeliveryOrder = {
  id: number;
  number: string;
  subtotalCents: number;
  deliveryCents: number;
  totalCents: number;
  /** Paid from the wallet; the counter took the rest. */
  walletCents: number;
  /** Where it goes, as the order holds it. */
  address: { address: string; postcode: string; town: string };
  replayed: boolean;
};

const ROW = {
  id: orders.id,
  number: orders.number,
  customerId: orders.customerId,
  placedAtStoreId: orders.placedAtStoreId,
  subtotalCents: orders.subtotalCents,
  deliveryCents: orders.deliveryCents,
  totalCents: orders.totalCents,
  walletCents: orders.walletCents,
  address: orders.deliveryAddress,
  postcode: orders.deliveryPostcode,
  town: orders.deliveryTown,
};

type Row = {
  id: number;
  number: string;
  subtotalCents: number;
  deliveryCents: number;
  totalCents: number;
  walletCents: number;
  address: string | null;
  postcode: string | null;
  town: string | null;
};

function result(row: Row, replayed: boolean): TillDeliveryOrder {
  const { id, number, subtotalCents, deliveryCents, totalCents, walletCents } = row;
  // A delivery order always has its address (the orders_delivery_address check).
  return {
    id,
    number,
    subtotalCents,
    deliveryCents,
    totalCents,
    walletCents,
    address: { address: row.address ?? '', postcode: row.postcode ?? '', town: row.town ?? '' },
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
  const [row] = await db.select(ROW).from(orders).where(eq(orders.idempotencyKey, key));
  if (!row) return null;
  if (row.placedAtStoreId !== storeId || (customerId !== undefined && row.customerId !== customerId)) throw new IdempotencyKeyReusedError();
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
      if (!(await isShopper(tx, input.customerId))) throw new InvalidCheckoutError('No customer account matches: find the customer again.');
      // The web's price, read here: the till's screen names the item, it does not price it.
      const skuIds = [...new Set(lines.map((l) => l.skuId))];
      const price = await skuPrices(tx, skuIds);
      if (price.size !== skuIds.length) throw new InvalidCheckoutError('An item on this order is not in the catalogue.');
      const subtotal = lines.reduce((sum, l) => sum + price.get(l.skuId)! * l.quantity, 0);
      const delivery = deliveryFeeCents(subtotal);
      // Planned inside the transaction: nothing is held on a card here, the counter takes the rest after.
      const wallet = await planWalletPayment(tx, input.wallet, {
        customerId: input.identifiedBy === 'card' ? input.customerId : null,
        totalCents: subtotal + delivery,
      });
      const a = input.address;
      const [order] = await tx
        .insert(orders)
        .values({
          number: newOrderNumber(),
          customerId: input.customerId,
          mode: 'delivery',
          locationId,
          status: 'placed',
          subtotalCents: subtotal,
          deliveryCents: delivery,
          totalCents: subtotal + delivery,
          walletCents: wallet.walletCents,
          paymentProvider: AT_PICKUP_PROVIDER_ID,
          paymentReference: `till:${input.storeId}:${input.idempotencyKey}`,
          paymentStatus: 'paid_at_pickup',
          placedAtStoreId: input.storeId,
          deliveryName: a.name.trim(),
          deliveryAddress: a.address.trim(),
          deliveryPostcode: a.postcode,
          deliveryTown: a.town.trim(),
          deliveryPhone: a.phone.trim() || null,
          idempotencyKey: input.idempotencyKey,
        })
        .returning(ROW);
      await tx.insert(orderLines).values(lines.map((l) => ({ orderId: order!.id, skuId: l.skuId, quantity: l.quantity, unitPriceCents: price.get(l.skuId)! })));
      // The warehouse's units are held like a web order's: not enough there refuses the whole order.
      await holdStock(tx, locationId, lines);
      await takeWalletPayment(tx, wallet, {
        customerId: input.customerId,
        key: `till-order:${input.idempotencyKey}`,
        orderId: order!.id,
        storeId: input.storeId,
      });
      await tx.insert(orderEvents).values({ orderId: order!.id, kind: 'placed', actorId: input.staffId, note: `till:${input.storeId}` });
      return result(order!, false);
    });
  } catch (err) {
    // The same order sent twice at once: the other request placed it (and maybe took the last unit).
    const again = await findByKey(db, input.storeId, input.idempotencyKey, input.customerId).catch(() => null);
    if (again) return again;
    throw err;
  }
}
