import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { insertSlotIn, takenOf } from '@/test/support/drive';
import { testAddress, testCard, setUpOrdersWorld } from '@/test/support/orders';
import { ArrivalNotOpenError, OrderNotFoundError, OrderStateError, PastCutoffError } from './errors';
import {
  cancelOrderByCustomer,
  cancelOrderByStaff,
  handOverOrder,
  markArrived,
  markDelivered,
  markOrderReady,
  markShipped,
  moveOrderSlot,
  startPreparing,
} from './fulfilment';
import { whatShopperMayDo } from './permissions';
import { placeOrder } from './placing';
import { getCustomerOrder, listCustomerOrders, listDriveOrdersForToday, listUpcomingDriveOrders } from './queries';

const w = setUpOrdersWorld();

describe('home delivery with the test card provider', () => {
  it('ships (stock leaves the warehouse, the card is captured) then delivers; staff cannot skip steps', async () => {
    const { customerId, cartId } = await w.shopperWithCart([[w.skuB, 2]], 'delivery');
    const placed = await placeOrder({ customerId, cartId, address: testAddress, payment: testCard('5555555555554444'), idempotencyKey: randomUUID() });
    const before = await w.stockOf(w.warehouse, w.skuB);
    const input = { orderId: placed.id, locationId: w.warehouse, actorId: w.staff };
    await expect(markDelivered(input)).rejects.toBeInstanceOf(OrderStateError);
    await expect(markShipped({ ...input, locationId: w.drive })).rejects.toBeInstanceOf(OrderNotFoundError);
    await markShipped(input);
    expect(w.calls.captured).toHaveLength(1);
    expect(await w.stockOf(w.warehouse, w.skuB)).toEqual({ on_hand: before.on_hand - 2, reserved: before.reserved - 2 });
    await markDelivered(input);
    const order = (await getCustomerOrder(placed.number, customerId, 'en'))!;
    expect(order).toMatchObject({ status: 'delivered', paymentStatus: 'captured' });
    expect(order.events.map((e) => e.kind)).toEqual(['placed', 'shipped', 'delivered']);
    await expect(cancelOrderByCustomer({ orderId: placed.id, customerId })).rejects.toBeInstanceOf(OrderStateError);
  });
});

describe('after placing', () => {
  let slotId: number;
  beforeEach(async () => {
    slotId = await insertSlotIn(w.conn.db, w.drive, 3 * 24 * 60, 5);
  });

  it('the shopper cancels before the cut-off: stock and slot come back, once', async () => {
    const { customerId, cartId } = await w.shopperWithCart([[w.skuA, 3]]);
    const before = await w.stockOf(w.drive, w.skuA);
    const placed = await placeOrder({ customerId, cartId, slotId, idempotencyKey: randomUUID() });
    await expect(cancelOrderByCustomer({ orderId: placed.id, customerId: w.shoppers[198]! })).rejects.toBeInstanceOf(OrderNotFoundError);
    await cancelOrderByCustomer({ orderId: placed.id, customerId });
    expect(await w.stockOf(w.drive, w.skuA)).toEqual(before);
    expect(await takenOf(w.conn.db, slotId)).toMatchObject({ booked: 0 });
    await expect(cancelOrderByCustomer({ orderId: placed.id, customerId })).rejects.toBeInstanceOf(OrderStateError);
    expect(await w.stockOf(w.drive, w.skuA)).toEqual(before);
  });

  it('moves to another slot of the same store before the cut-off; not after it', async () => {
    const { customerId, cartId } = await w.shopperWithCart([[w.skuA, 1]]);
    const placed = await placeOrder({ customerId, cartId, slotId, idempotencyKey: randomUUID() });
    const later = await insertSlotIn(w.conn.db, w.drive, 4 * 24 * 60, 5);
    await moveOrderSlot({ orderId: placed.id, customerId, slotId: later });
    expect(await takenOf(w.conn.db, slotId)).toMatchObject({ booked: 0 });
    expect(await takenOf(w.conn.db, later)).toMatchObject({ booked: 1 });
    expect((await getCustomerOrder(placed.number, customerId, 'en'))!.slot?.id).toBe(later);
    // The slot's cut-off passes: neither moving nor cancelling is possible any more.
    await w.conn.db.execute(sql`UPDATE drive_slots SET starts_at = now() + interval '1 hour', ends_at = now() + interval '90 minutes' WHERE id = ${later}`);
    await expect(moveOrderSlot({ orderId: placed.id, customerId, slotId })).rejects.toBeInstanceOf(PastCutoffError);
    await expect(cancelOrderByCustomer({ orderId: placed.id, customerId })).rejects.toBeInstanceOf(PastCutoffError);
    await cancelOrderByStaff({ orderId: placed.id, locationId: w.drive, actorId: w.staff }); // the shop still can
  });

  it('"I’m here" opens an hour before the slot; staff prepare, mark ready and hand over', async () => {
    const { customerId, cartId } = await w.shopperWithCart([[w.skuB, 2]]);
    const placed = await placeOrder({ customerId, cartId, slotId, idempotencyKey: randomUUID() });
    await expect(markArrived({ orderId: placed.id, customerId })).rejects.toBeInstanceOf(ArrivalNotOpenError);
    await w.conn.db.execute(
      sql`UPDATE drive_slots SET starts_at = now() + interval '20 minutes', ends_at = now() + interval '50 minutes' WHERE id = ${slotId}`,
    );
    const staffInput = { orderId: placed.id, locationId: w.drive, actorId: w.staff };
    await expect(handOverOrder(staffInput)).rejects.toBeInstanceOf(OrderStateError);
    await startPreparing(staffInput);
    await markOrderReady(staffInput);
    await markArrived({ orderId: placed.id, customerId, bay: ' 7 ' });
    const today = await listDriveOrdersForToday(w.drive, 'en');
    expect(today.find((o) => o.id === placed.id)).toMatchObject({ arrivalBay: '7', status: 'ready' });
    const before = await w.stockOf(w.drive, w.skuB);
    await expect(handOverOrder({ ...staffInput, locationId: w.otherDrive })).rejects.toBeInstanceOf(OrderNotFoundError);
    await handOverOrder(staffInput);
    await expect(handOverOrder(staffInput)).rejects.toBeInstanceOf(OrderStateError);
    expect(await w.stockOf(w.drive, w.skuB)).toEqual({ on_hand: before.on_hand - 2, reserved: before.reserved - 2 });
    const order = (await getCustomerOrder(placed.number, customerId, 'en'))!;
    expect(order).toMatchObject({ status: 'collected', paymentStatus: 'paid_at_pickup' });
    expect(order.events.map((e) => e.kind)).toEqual(['placed', 'preparing', 'ready', 'arrived', 'collected']);
    expect((await listCustomerOrders(customerId, 'en')).map((o) => o.number)).toEqual([placed.number]);
  });

  it('the order page offers what the commands accept, and hides what they refuse', async () => {
    const { customerId, cartId } = await w.shopperWithCart([[w.skuA, 1]]);
    const placed = await placeOrder({ customerId, cartId, slotId, idempotencyKey: randomUUID() });
    const offered = async () => whatShopperMayDo((await getCustomerOrder(placed.number, customerId, 'en'))!, new Date());
    const later = await insertSlotIn(w.conn.db, w.drive, 4 * 24 * 60, 5);
    expect(await offered()).toEqual({ cancel: true, moveSlot: true, slotPastCutoff: false, arrival: null });
    await expect(markArrived({ orderId: placed.id, customerId })).rejects.toBeInstanceOf(ArrivalNotOpenError);
    // The slot's cut-off passes: nothing is offered but "I'm here", and the commands agree.
    await w.conn.db.execute(sql`UPDATE drive_slots SET starts_at = now() + interval '30 minutes', ends_at = now() + interval '1 hour' WHERE id = ${slotId}`);
    expect(await offered()).toEqual({ cancel: false, moveSlot: false, slotPastCutoff: true, arrival: 'open' });
    await expect(cancelOrderByCustomer({ orderId: placed.id, customerId })).rejects.toBeInstanceOf(PastCutoffError);
    await expect(moveOrderSlot({ orderId: placed.id, customerId, slotId: later })).rejects.toBeInstanceOf(PastCutoffError);
    await markArrived({ orderId: placed.id, customerId });
    // Handed over: nothing more.
    const staffInput = { orderId: placed.id, locationId: w.drive, actorId: w.staff };
    await markOrderReady(staffInput);
    await handOverOrder(staffInput);
    expect(await offered()).toEqual({ cancel: false, moveSlot: false, slotPastCutoff: false, arrival: null });
    await expect(markArrived({ orderId: placed.id, customerId })).rejects.toBeInstanceOf(OrderStateError);
  });

  it("the drive screen's today holds what is due within two hours, even past midnight, and every shopper who is here", async () => {
    const { customerId, cartId } = await w.shopperWithCart([[w.skuB, 1]]);
    const placed = await placeOrder({ customerId, cartId, slotId, idempotencyKey: randomUUID() }); // in 3 days
    const lists = async () => ({
      today: (await listDriveOrdersForToday(w.drive, 'en')).map((o) => o.id),
      ahead: (await listUpcomingDriveOrders(w.drive, 'en')).map((o) => o.id),
    });
    const where = async () => {
      const { today, ahead } = await lists();
      return { today: today.includes(placed.id), ahead: ahead.includes(placed.id) };
    };
    expect(await where()).toEqual({ today: false, ahead: true });
    // Due in 25 minutes: on today's screen, whatever the hour (at 23:50 in Paris it is tomorrow's date).
    await w.conn.db.execute(
      sql`UPDATE drive_slots SET starts_at = now() + interval '25 minutes', ends_at = now() + interval '55 minutes' WHERE id = ${slotId}`,
    );
    expect(await where()).toEqual({ today: true, ahead: false });
    // Back in 3 days, but the shopper says "I'm here" (a mistake the staff must see): today, not ahead.
    await w.conn.db.execute(
      sql`UPDATE drive_slots SET starts_at = now() + interval '3 days', ends_at = now() + interval '3 days 30 minutes' WHERE id = ${slotId}`,
    );
    await w.conn.db.execute(sql`UPDATE orders SET arrived_at = now(), arrival_bay = '3' WHERE id = ${placed.id}`);
    expect(await where()).toEqual({ today: true, ahead: false });
  });
});
