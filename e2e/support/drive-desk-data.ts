import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { addToCart, getOrCreateCustomerCart, setFulfilment } from '../../lib/cart/commands';
import type { Db } from '../../lib/db/client';
import { HYPER_STORE_SLUG } from '../../lib/db/seed/stores';
import { insertSlotIn } from '../../test/support/drive';
// Run with --conditions=react-server (e2e/support/server.ts): domain modules import 'server-only'.
import { placeOrder } from '../../lib/orders/placing';
import { upsertAccount } from './accounts';
import type { SkuRef, StoreRef } from './data';

/*
 * The staff desks journey's facts (e2e/drive-desk.spec.ts), one set per attempt (CI retries a
 * failed journey once, and the first attempt may have moved its orders on already):
 * - a drive order at Villeurbanne (a drive hypermarket where the demo staff member works) for a
 *   shopper of its own, booked for tomorrow and then brought forward to start in 25 minutes, so
 *   "I'm here" is open and the order is on today's drive screen (placeOrder refuses a slot past its
 *   cut-off, which a slot within the hour always is);
 * - a home-delivery order, paid by test card, for the admin to ship and deliver.
 * The SKUs come from the middle of the catalogue (by a hash of the id), away from the other
 * journeys' (taken from either end of the id range).
 */
export const DRIVE_DESK_SHOPPER_PASSWORD = 'drive-desk-shopper-4242';

export type DriveDeskOrder = { id: number; number: string; quantity: number; sku: SkuRef };
export type DriveDeskData = {
  store: StoreRef;
  shopper: { email: string; password: string; name: string };
  /** Indexed by the attempt (`testInfo.retry`). */
  drive: DriveDeskOrder[];
  delivery: DriveDeskOrder[];
};

const skuColumns = sql`k.id AS "skuId", k.ean13 AS ean, p.slug AS "productSlug", p.name_en AS "productName", st.on_hand AS "onHand", st.reserved`;
const address = { name: 'Lou Desk', address: '3 place Lazare Goujon', postcode: '69100', town: 'Villeurbanne', phone: '0612345678' };
const card = { kind: 'card', number: '4242424242424242', expMonth: 12, expYear: new Date().getFullYear() + 2, cvc: '123', holder: 'Lou Desk' } as const;

export async function driveDeskJourneyData(db: Db): Promise<DriveDeskData> {
  const stores = await db.execute<StoreRef & { drive: boolean }>(sql`SELECT location_id AS id, slug, name, drive FROM stores WHERE slug = ${HYPER_STORE_SLUG}`);
  const store = stores.rows[0];
  if (!store?.drive) throw new Error(`e2e-data: ${HYPER_STORE_SLUG} must offer drive`);
  const driveSkus = await db.execute<SkuRef>(sql`
    SELECT ${skuColumns} FROM stock st JOIN skus k ON k.id = st.sku_id JOIN products p ON p.id = k.product_id
    WHERE st.location_id = ${store.id} AND st.on_hand BETWEEN 4 AND 40 AND st.reserved = 0
    ORDER BY md5(k.id::text) LIMIT 2`);
  const deliverySkus = await db.execute<SkuRef>(sql`
    SELECT ${skuColumns} FROM stock st JOIN skus k ON k.id = st.sku_id JOIN products p ON p.id = k.product_id
    WHERE st.location_id = (SELECT id FROM locations WHERE kind = 'warehouse' ORDER BY id LIMIT 1) AND st.on_hand - st.reserved >= 10
    ORDER BY md5(k.id::text) LIMIT 2`);
  if (driveSkus.rows.length < 2 || deliverySkus.rows.length < 2) throw new Error('e2e-data: not enough SKUs for the drive desk journey');

  const shopper = { email: 'drive-desk-shopper@example.com', password: DRIVE_DESK_SHOPPER_PASSWORD, name: 'Lou Desk' };
  const customerId = await upsertAccount(db, shopper, 'shopper');
  const cartId = await getOrCreateCustomerCart(customerId);

  const driveOrder = async (sku: SkuRef): Promise<DriveDeskOrder> => {
    await addToCart(cartId, sku.skuId, 2);
    await setFulfilment(cartId, 'drive', store.id);
    const slotId = await insertSlotIn(db, store.id, 24 * 60, 5);
    const placed = await placeOrder({ customerId, cartId, slotId, idempotencyKey: randomUUID() });
    await db.execute(sql`
      UPDATE drive_slots SET starts_at = now() + interval '25 minutes', ends_at = now() + interval '40 minutes' WHERE id = ${slotId}`);
    return { id: placed.id, number: placed.number, quantity: 2, sku };
  };
  const deliveryOrder = async (sku: SkuRef): Promise<DriveDeskOrder> => {
    await addToCart(cartId, sku.skuId, 1);
    await setFulfilment(cartId, 'delivery');
    const placed = await placeOrder({ customerId, cartId, address, payment: card, idempotencyKey: randomUUID() });
    return { id: placed.id, number: placed.number, quantity: 1, sku };
  };

  return {
    store: { id: store.id, slug: store.slug, name: store.name },
    shopper,
    drive: [await driveOrder(driveSkus.rows[0]!), await driveOrder(driveSkus.rows[1]!)],
    delivery: [await deliveryOrder(deliverySkus.rows[0]!), await deliveryOrder(deliverySkus.rows[1]!)],
  };
}
