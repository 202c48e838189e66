import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { addToCart } from '@/lib/cart/commands';
import { EmptyCartError, ProductWithdrawnError, UnknownSkuError } from '@/lib/cart/errors';
import { SlotFullError, SlotOfAnotherStoreError, SlotPastCutoffError } from '@/lib/drive/errors';
import { OutOfStockError } from '@/lib/inventory/holds';
import { onPostgres } from '@/test/support/db';
import { insertSlotIn, takenOf } from '@/test/support/drive';
import { setStock } from '@/test/support/fixtures';
import { testAddress, testCard, setUpOrdersWorld } from '@/test/support/orders';
import { InvalidCheckoutError, PaymentDeclinedError, PriceChangedError } from './errors';
import { placeOrder } from './placing';
import { getCustomerOrder } from './queries';

const w = setUpOrdersWorld();

describe('placing a drive order', () => {
  it('holds the stock at the drive store, books the slot, empties the cart and records the history', async () => {
    const { customerId, cartId } = await w.shopperWithCart([
      [w.skuA, 2],
      [w.skuB, 1],
    ]);
    const slotId = await insertSlotIn(w.conn.db, w.drive, 24 * 60, 3);
    const before = await w.stockOf(w.drive, w.skuA);
    const placed = await placeOrder({ customerId, cartId, slotId, idempotencyKey: randomUUID() });
    expect(placed.number).toMatch(/^CMD-[A-Z2-9]{8}$/);
    expect((await w.stockOf(w.drive, w.skuA)).reserved).toBe(before.reserved + 2);
    expect(await takenOf(w.conn.db, slotId)).toMatchObject({ booked: 1 });
    expect(await w.cartUnits(cartId)).toBe(0);
    const order = (await getCustomerOrder(placed.number, customerId, 'en'))!;
    expect(order).toMatchObject({ mode: 'drive', status: 'placed', paymentStatus: 'due_at_pickup', units: 3, deliveryCents: 0 });
    expect(order.slot?.id).toBe(slotId);
    expect(order.lines.map((l) => [l.skuId, l.quantity])).toEqual([
      [w.skuA, 2],
      [w.skuB, 1],
    ]);
    expect(order.events.map((e) => e.kind)).toEqual(['placed']);
    expect(await getCustomerOrder(placed.number, w.shoppers[199]!, 'en')).toBeNull(); // nobody else's
  });

  it('a resubmitted checkout (same key) returns the first order, once', async () => {
    const { customerId, cartId } = await w.shopperWithCart([[w.skuA, 1]]);
    const slotId = await insertSlotIn(w.conn.db, w.drive, 24 * 60, 3);
    const key = randomUUID();
    const first = await placeOrder({ customerId, cartId, slotId, idempotencyKey: key });
    const again = await placeOrder({ customerId, cartId, slotId, idempotencyKey: key });
    expect(again).toEqual({ ...first, replayed: true });
    expect(await w.orderCount(customerId)).toBe(1);
  });

  it('refuses an empty cart, a missing slot, a full, past-cut-off or another store’s slot — and holds nothing', async () => {
    const empty = await w.shopperWithCart([]);
    await expect(placeOrder({ ...empty, slotId: 1, idempotencyKey: randomUUID() })).rejects.toBeInstanceOf(EmptyCartError);

    const { customerId, cartId } = await w.shopperWithCart([[w.skuB, 1]]);
    const before = await w.stockOf(w.drive, w.skuB);
    await expect(placeOrder({ customerId, cartId, idempotencyKey: randomUUID() })).rejects.toBeInstanceOf(InvalidCheckoutError);
    const full = await insertSlotIn(w.conn.db, w.drive, 24 * 60, 0);
    await expect(placeOrder({ customerId, cartId, slotId: full, idempotencyKey: randomUUID() })).rejects.toBeInstanceOf(SlotFullError);
    const soon = await insertSlotIn(w.conn.db, w.drive, 30, 5); // cut-off is 2 h
    await expect(placeOrder({ customerId, cartId, slotId: soon, idempotencyKey: randomUUID() })).rejects.toBeInstanceOf(SlotPastCutoffError);
    const elsewhere = await insertSlotIn(w.conn.db, w.otherDrive, 24 * 60, 5);
    await expect(placeOrder({ customerId, cartId, slotId: elsewhere, idempotencyKey: randomUUID() })).rejects.toBeInstanceOf(SlotOfAnotherStoreError);
    expect(await w.stockOf(w.drive, w.skuB)).toEqual(before);
    expect(await w.orderCount(customerId)).toBe(0);
    expect(await w.cartUnits(cartId)).toBe(1);
  });

  it('a line out of stock at placement books no slot and reserves nothing', async () => {
    const { customerId, cartId } = await w.shopperWithCart(
      [
        [w.skuA, 1],
        [w.skuB, 3],
      ],
      'drive',
      w.otherDrive,
    );
    await setStock(w.conn.db, w.otherDrive, w.skuB, 2);
    const slotId = await insertSlotIn(w.conn.db, w.otherDrive, 24 * 60, 3);
    const beforeA = await w.stockOf(w.otherDrive, w.skuA);
    const err = await placeOrder({ customerId, cartId, slotId, idempotencyKey: randomUUID() }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(OutOfStockError);
    expect((err as OutOfStockError).available).toBe(2);
    expect(await takenOf(w.conn.db, slotId)).toMatchObject({ booked: 0 });
    expect(await w.stockOf(w.otherDrive, w.skuA)).toEqual(beforeA);
    expect(await w.orderCount(customerId)).toBe(0);
    await setStock(w.conn.db, w.otherDrive, w.skuB, 1_000);
  });
});

describe('the price the checkout page showed', () => {
  const priceOf = async (sku: number) => (await w.conn.db.execute<{ p: number }>(sql`SELECT price_cents AS p FROM skus WHERE id = ${sku}`)).rows[0]!.p;
  const setPrice = (sku: number, cents: number) => w.conn.db.execute(sql`UPDATE skus SET price_cents = ${cents} WHERE id = ${sku}`);

  it('a price changed after the page was drawn: refused, naming the new price, nothing charged; placed again, at the new price', async () => {
    const { customerId, cartId } = await w.shopperWithCart([[w.skuA, 2]], 'delivery');
    const shown = await priceOf(w.skuA);
    await setPrice(w.skuA, shown + 300); // after the checkout page was drawn, before "Pay"
    const authorizedBefore = w.calls.authorized.length;
    const key = randomUUID();
    const err = await placeOrder({
      customerId,
      cartId,
      address: testAddress,
      payment: testCard('4242424242424242'),
      idempotencyKey: key,
      shownPrices: new Map([[w.skuA, shown]]),
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PriceChangedError);
    expect((err as PriceChangedError).moved).toEqual([{ skuId: w.skuA, shownCents: shown, nowCents: shown + 300 }]);
    expect(w.calls.authorized.length).toBe(authorizedBefore); // the card was not touched
    expect(await w.orderCount(customerId)).toBe(0);
    expect(await w.cartUnits(cartId)).toBe(2);

    // The page drawn again shows the new price; the same form (same key) places the order at it.
    const placed = await placeOrder({
      customerId,
      cartId,
      address: testAddress,
      payment: testCard('4242424242424242'),
      idempotencyKey: key,
      shownPrices: new Map([[w.skuA, shown + 300]]),
    });
    const order = (await getCustomerOrder(placed.number, customerId, 'en'))!;
    expect(order.lines.map((l) => [l.skuId, l.unitPriceCents])).toEqual([[w.skuA, shown + 300]]);
    expect(order.subtotalCents).toBe(2 * (shown + 300));
    await setPrice(w.skuA, shown);
  });

  it('a product withdrawn since it was put in the cart is refused, and nothing is held', async () => {
    const { customerId, cartId } = await w.shopperWithCart([[w.skuB, 1]]);
    const slotId = await insertSlotIn(w.conn.db, w.drive, 24 * 60, 3);
    await w.conn.db.execute(sql`UPDATE products SET withdrawn_at = now() WHERE id = (SELECT product_id FROM skus WHERE id = ${w.skuB})`);
    try {
      const err = await placeOrder({ customerId, cartId, slotId, idempotencyKey: randomUUID(), shownPrices: new Map([[w.skuB, await priceOf(w.skuB)]]) }).catch(
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(ProductWithdrawnError);
      expect(await takenOf(w.conn.db, slotId)).toMatchObject({ booked: 0 });
      expect(await w.orderCount(customerId)).toBe(0);
      await expect(addToCart(cartId, w.skuB, 1)).rejects.toBeInstanceOf(UnknownSkuError); // no longer for sale
    } finally {
      await w.conn.db.execute(sql`UPDATE products SET withdrawn_at = NULL`);
    }
  });

  it('a line the page did not show (added in another tab) is refused too', async () => {
    const { customerId, cartId } = await w.shopperWithCart([
      [w.skuA, 1],
      [w.skuB, 1],
    ]);
    const slotId = await insertSlotIn(w.conn.db, w.drive, 24 * 60, 3);
    const shownPrices = new Map([[w.skuA, await priceOf(w.skuA)]]);
    const err = await placeOrder({ customerId, cartId, slotId, idempotencyKey: randomUUID(), shownPrices }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PriceChangedError);
    expect((err as PriceChangedError).moved).toEqual([]);
    expect(await takenOf(w.conn.db, slotId)).toMatchObject({ booked: 0 });
  });
});

describe('home delivery with the test card provider', () => {
  it('authorises the card, holds warehouse stock, adds the delivery fee under 50 €', async () => {
    const { customerId, cartId } = await w.shopperWithCart([[w.skuA, 1]], 'delivery');
    const before = await w.stockOf(w.warehouse, w.skuA);
    const placed = await placeOrder({ customerId, cartId, address: testAddress, payment: testCard('4242424242424242'), idempotencyKey: randomUUID() });
    const order = (await getCustomerOrder(placed.number, customerId, 'fr'))!;
    expect(order).toMatchObject({ mode: 'delivery', paymentProvider: 'recording', paymentStatus: 'authorized', cardLast4: '4242', deliveryCents: 490 });
    expect(order.totalCents).toBe(order.subtotalCents + 490);
    expect((await w.stockOf(w.warehouse, w.skuA)).reserved).toBe(before.reserved + 1);
  });

  it('a declined card makes no order, reserves nothing and keeps the cart', async () => {
    const { customerId, cartId } = await w.shopperWithCart([[w.skuA, 1]], 'delivery');
    const authorizedBefore = w.calls.authorized.length;
    const before = await w.stockOf(w.warehouse, w.skuA);
    const key = randomUUID();
    const err = await placeOrder({ customerId, cartId, address: testAddress, payment: testCard('4000000000000002'), idempotencyKey: key }).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(PaymentDeclinedError);
    expect((err as PaymentDeclinedError).declineCode).toBe('card_declined');
    expect(w.calls.authorized.length).toBe(authorizedBefore); // nothing held on the card either
    expect(await w.orderCount(customerId)).toBe(0);
    expect(await w.stockOf(w.warehouse, w.skuA)).toEqual(before);
    expect(await w.cartUnits(cartId)).toBe(1);
    // The same checkout (same form, same key) with another card goes through.
    await placeOrder({ customerId, cartId, address: testAddress, payment: testCard('4242424242424242'), idempotencyKey: key });
    expect(await w.orderCount(customerId)).toBe(1);
  });
});

describe.runIf(onPostgres)('PostgreSQL: concurrent checkouts', () => {
  it('40 shoppers placing drive orders on a capacity-3 slot at once: exactly 3 orders, the rest refused, nothing left held', async () => {
    const slotId = await insertSlotIn(w.conn.db, w.drive, 2 * 24 * 60, 3);
    const carts = await Promise.all(Array.from({ length: 40 }, () => w.shopperWithCart([[w.skuA, 1]])));
    const before = await w.stockOf(w.drive, w.skuA);
    const results = await Promise.allSettled(carts.map((c) => placeOrder({ ...c, slotId, idempotencyKey: randomUUID() })));
    const won = results.filter((r) => r.status === 'fulfilled').length;
    const refusals = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected').map((r) => r.reason);
    expect(won).toBe(3);
    expect(refusals.every((e) => e instanceof SlotFullError)).toBe(true);
    expect(await takenOf(w.conn.db, slotId)).toMatchObject({ booked: 3 });
    expect((await w.stockOf(w.drive, w.skuA)).reserved).toBe(before.reserved + 3);
  });

  it('the last 5 units for 30 home-delivery checkouts at once: 5 orders, 25 told "not enough stock", every refused card voided', async () => {
    await setStock(w.conn.db, w.warehouse, w.skuB, 5);
    const [authorizedBefore, voidedBefore] = [w.calls.authorized.length, w.calls.voided.length];
    const carts = await Promise.all(Array.from({ length: 30 }, () => w.shopperWithCart([[w.skuB, 1]], 'delivery')));
    const results = await Promise.allSettled(
      carts.map((c) => placeOrder({ ...c, address: testAddress, payment: testCard('4242424242424242'), idempotencyKey: randomUUID() })),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(5);
    expect(results.every((r) => r.status === 'fulfilled' || r.reason instanceof OutOfStockError)).toBe(true);
    expect(await w.stockOf(w.warehouse, w.skuB)).toEqual({ on_hand: 5, reserved: 5 });
    const authorized = w.calls.authorized.slice(authorizedBefore);
    const voided = w.calls.voided.slice(voidedBefore);
    expect(authorized).toHaveLength(30);
    expect(voided).toHaveLength(25);
    expect(new Set(voided).size).toBe(25);
  });
});
