import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '@/test/support/db';
import { insertCategory, insertProduct, insertStore, insertUser } from '@/test/support/fixtures';
import {
  addToCart,
  clearCart,
  createAnonymousCart,
  getOrCreateCustomerCart,
  lockCartForCheckout,
  mergeCarts,
  purgeAnonymousCarts,
  removeLine,
  setFulfilment,
  setQuantity,
} from './commands';
import { CartFullError, CartLineNotFoundError, CartNotFoundError, CartQuantityError, EmptyCartError, StoreWithoutDriveError, UnknownSkuError } from './errors';
import { findCartId, getCart, getCartCount } from './queries';

let conn: Awaited<ReturnType<typeof useTestDatabase>>;
let skus: number[];
let driveStore: number;
let plainStore: number;
let alice: number;
let bob: number;

beforeAll(async () => {
  process.env.CART_MAX_PER_LINE = '20';
  process.env.CART_MAX_LINES = '4';
  conn = await useTestDatabase();
  const cat = await insertCategory(conn.db, 'c');
  skus = (
    await insertProduct(conn.db, {
      slug: 'gourde',
      categoryId: cat,
      nameFr: 'Gourde',
      nameEn: 'Bottle',
      skus: [{ priceCents: 1500, size: '50 cl', colour: 'navy' }, { priceCents: 2500 }, {}, {}, {}, {}],
    })
  ).skuIds;
  driveStore = await insertStore(conn.db, { slug: 'villeurbanne', lat: 45.77, lng: 4.89, drive: true });
  plainStore = await insertStore(conn.db, { slug: 'lyon', lat: 45.76, lng: 4.83 });
  alice = await insertUser(conn.db, { email: 'alice@example.com' });
  bob = await insertUser(conn.db, { email: 'bob@example.com' });
});
afterAll(async () => conn?.drop());

async function linesOf(cartId: number) {
  const r = await conn.db.execute<{ sku_id: number; quantity: number }>(sql`SELECT sku_id, quantity FROM cart_lines WHERE cart_id = ${cartId} ORDER BY sku_id`);
  return r.rows.map((l) => [l.sku_id, l.quantity]);
}

describe('add, cap, set, remove', () => {
  it('adds a line, sums repeated adds and caps the line at the per-line limit', async () => {
    const { id } = await createAnonymousCart();
    expect(await addToCart(id, skus[0]!)).toEqual({ skuId: skus[0], quantity: 1, capped: false });
    expect(await addToCart(id, skus[0]!, 4)).toEqual({ skuId: skus[0], quantity: 5, capped: false });
    expect(await addToCart(id, skus[0]!, 18)).toEqual({ skuId: skus[0], quantity: 20, capped: true });
    expect(await addToCart(id, skus[0]!)).toEqual({ skuId: skus[0], quantity: 20, capped: true });
    expect(await linesOf(id)).toEqual([[skus[0], 20]]);
  });

  it('refuses a quantity out of range, an unknown SKU and a missing cart', async () => {
    const { id } = await createAnonymousCart();
    await expect(addToCart(id, skus[0]!, 0)).rejects.toBeInstanceOf(CartQuantityError);
    await expect(addToCart(id, skus[0]!, 21)).rejects.toBeInstanceOf(CartQuantityError);
    await expect(addToCart(id, skus[0]!, 1.5)).rejects.toBeInstanceOf(CartQuantityError);
    await expect(addToCart(id, 999_999)).rejects.toBeInstanceOf(UnknownSkuError);
    await expect(addToCart(id, -1)).rejects.toBeInstanceOf(UnknownSkuError);
    await expect(addToCart(999_999, skus[0]!)).rejects.toBeInstanceOf(CartNotFoundError);
    await expect(setQuantity(id, skus[0]!, 21)).rejects.toBeInstanceOf(CartQuantityError);
    await expect(setQuantity(id, skus[0]!, -1)).rejects.toBeInstanceOf(CartQuantityError);
    await expect(setQuantity(id, skus[1]!, 2)).rejects.toBeInstanceOf(CartLineNotFoundError);
    expect(await linesOf(id)).toEqual([]);
  });

  it('refuses a new line beyond the line limit, but still adds to an existing line', async () => {
    const { id } = await createAnonymousCart();
    for (const sku of skus.slice(0, 4)) await addToCart(id, sku);
    const err = await addToCart(id, skus[4]!).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CartFullError);
    expect((err as CartFullError).message).toMatch(/4 different items/);
    expect((await addToCart(id, skus[3]!)).quantity).toBe(2);
  });

  it('sets a quantity, 0 removes, and removing twice is harmless', async () => {
    const { id } = await createAnonymousCart();
    await addToCart(id, skus[0]!);
    await addToCart(id, skus[1]!);
    expect(await setQuantity(id, skus[0]!, 7)).toEqual({ quantity: 7 });
    expect(await setQuantity(id, skus[1]!, 0)).toEqual({ quantity: 0 });
    expect(await linesOf(id)).toEqual([[skus[0], 7]]);
    expect(await removeLine(id, skus[0]!)).toEqual({ removed: true });
    expect(await removeLine(id, skus[0]!)).toEqual({ removed: false });
    expect(await linesOf(id)).toEqual([]);
  });

  it('the database itself refuses a zero quantity and a second line for one SKU', async () => {
    const { id } = await createAnonymousCart();
    await expect(conn.db.execute(sql`INSERT INTO cart_lines (cart_id, sku_id, quantity) VALUES (${id}, ${skus[0]!}, 0)`)).rejects.toThrow();
    await conn.db.execute(sql`INSERT INTO cart_lines (cart_id, sku_id, quantity) VALUES (${id}, ${skus[0]!}, 1)`);
    await expect(conn.db.execute(sql`INSERT INTO cart_lines (cart_id, sku_id, quantity) VALUES (${id}, ${skus[0]!}, 1)`)).rejects.toThrow();
  });
});

describe('identity and reads', () => {
  it('a customer has one cart; a token never finds a customer cart', async () => {
    const id = await getOrCreateCustomerCart(alice);
    expect(await getOrCreateCustomerCart(alice)).toBe(id);
    const token = (await conn.db.execute<{ token: string }>(sql`SELECT token FROM carts WHERE id = ${id}`)).rows[0]!.token;
    expect(await findCartId({ token })).toBeNull();
    expect(await findCartId({ customerId: alice })).toBe(id);
    expect(await findCartId({ token: 'short' })).toBeNull();
    await expect(getOrCreateCustomerCart(999_999)).rejects.toBeInstanceOf(CartNotFoundError);
  });

  it('reads lines with product, options, today’s price, line totals, subtotal and count', async () => {
    const { id, token } = await createAnonymousCart();
    await addToCart(id, skus[0]!, 2);
    await addToCart(id, skus[1]!, 1);
    const cart = await getCart({ token }, 'en');
    expect(cart).toMatchObject({ id, fulfilment: 'delivery', driveStoreId: null, subtotalCents: 5500, units: 3 });
    expect(cart!.lines[0]).toMatchObject({
      skuId: skus[0],
      productName: 'Bottle',
      size: '50 cl',
      colour: 'navy',
      quantity: 2,
      unitPriceCents: 1500,
      lineTotalCents: 3000,
    });
    expect((await getCart({ token }, 'fr'))!.lines[0]!.productName).toBe('Gourde');
    // Prices are not stored: the cart follows a price change.
    await conn.db.execute(sql`UPDATE skus SET price_cents = 1000 WHERE id = ${skus[1]!}`);
    expect((await getCart({ token }, 'en'))!.subtotalCents).toBe(4000);
    await conn.db.execute(sql`UPDATE skus SET price_cents = 2500 WHERE id = ${skus[1]!}`);
    expect(await getCartCount({ token })).toBe(3);
    expect(await getCartCount(null)).toBe(0);
    expect(await getCart({ token: 'x'.repeat(40) }, 'en')).toBeNull();
  });
});

describe('fulfilment', () => {
  it('home delivery, or drive at a store that offers it', async () => {
    const { id, token } = await createAnonymousCart();
    await setFulfilment(id, 'drive', driveStore);
    expect(await getCart({ token }, 'en')).toMatchObject({ fulfilment: 'drive', driveStoreId: driveStore });
    await setFulfilment(id, 'delivery');
    expect(await getCart({ token }, 'en')).toMatchObject({ fulfilment: 'delivery', driveStoreId: driveStore });
    await setFulfilment(id, 'drive');
    expect(await getCart({ token }, 'en')).toMatchObject({ fulfilment: 'drive', driveStoreId: driveStore });
    await expect(setFulfilment(id, 'drive', plainStore)).rejects.toBeInstanceOf(StoreWithoutDriveError);
    await expect(setFulfilment(id, 'drive', 999_999)).rejects.toBeInstanceOf(StoreWithoutDriveError);
    await expect(setFulfilment(id, 'teleport' as never)).rejects.toBeInstanceOf(StoreWithoutDriveError);
    await expect(setFulfilment(999_999, 'delivery')).rejects.toBeInstanceOf(CartNotFoundError);
    await expect(setFulfilment(999_999, 'drive', driveStore)).rejects.toBeInstanceOf(CartNotFoundError);
  });
});

describe('merge at sign-in', () => {
  it('sums and caps quantities, adds new lines, deletes the anonymous cart, and is idempotent', async () => {
    const into = await getOrCreateCustomerCart(bob);
    await addToCart(into, skus[0]!, 15);
    await addToCart(into, skus[1]!, 1);
    const anon = await createAnonymousCart();
    await addToCart(anon.id, skus[0]!, 10);
    await addToCart(anon.id, skus[2]!, 3);
    expect(await mergeCarts(anon.token, bob)).toEqual({ merged: 2, dropped: 0 });
    expect(await linesOf(into)).toEqual([
      [skus[0], 20],
      [skus[1], 1],
      [skus[2], 3],
    ]);
    expect(await findCartId({ token: anon.token })).toBeNull();
    const left = await conn.db.execute(sql`SELECT 1 FROM carts WHERE id = ${anon.id}`);
    expect(left.rows).toHaveLength(0);
    expect(await mergeCarts(anon.token, bob)).toEqual({ merged: 0, dropped: 0 });
    expect(await linesOf(into)).toEqual([
      [skus[0], 20],
      [skus[1], 1],
      [skus[2], 3],
    ]);
  });

  it('creates the customer cart when there is none and keeps the delivery choice', async () => {
    const carol = await insertUser(conn.db, { email: 'carol@example.com' });
    const anon = await createAnonymousCart();
    await addToCart(anon.id, skus[3]!, 2);
    await setFulfilment(anon.id, 'drive', driveStore);
    await mergeCarts(anon.token, carol);
    const cart = await getCart({ customerId: carol }, 'en');
    expect(cart).toMatchObject({ fulfilment: 'drive', driveStoreId: driveStore, units: 2 });
  });

  it('leaves out new lines beyond the line limit and says how many', async () => {
    const dan = await insertUser(conn.db, { email: 'dan@example.com' });
    const into = await getOrCreateCustomerCart(dan);
    for (const sku of skus.slice(0, 3)) await addToCart(into, sku);
    const anon = await createAnonymousCart();
    for (const sku of skus.slice(2, 6)) await addToCart(anon.id, sku);
    expect(await mergeCarts(anon.token, dan)).toEqual({ merged: 2, dropped: 2 });
    expect((await linesOf(into)).length).toBe(4);
  });

  it('two merges of one cart at once move its lines once', async () => {
    const erin = await insertUser(conn.db, { email: 'erin@example.com' });
    const anon = await createAnonymousCart();
    await addToCart(anon.id, skus[0]!, 3);
    const results = await Promise.all([mergeCarts(anon.token, erin), mergeCarts(anon.token, erin)]);
    expect(results.map((r) => r.merged).sort()).toEqual([0, 1]);
    expect(await getCartCount({ customerId: erin })).toBe(3);
  });

  it('ignores a bogus token', async () => {
    expect(await mergeCarts('nope', alice)).toEqual({ merged: 0, dropped: 0 });
  });
});

describe('checkout helpers', () => {
  it('locks the cart and reads its lines at today’s prices, then clears it in the same transaction', async () => {
    const frank = await insertUser(conn.db, { email: 'frank@example.com' });
    const id = await getOrCreateCustomerCart(frank);
    await conn.db.transaction(async (tx) => {
      await expect(lockCartForCheckout(tx as never, id)).rejects.toBeInstanceOf(EmptyCartError);
    });
    await addToCart(id, skus[1]!, 2);
    await conn.db.transaction(async (tx) => {
      const locked = await lockCartForCheckout(tx as never, id);
      expect(locked).toEqual({ fulfilment: 'delivery', driveStoreId: null, lines: [{ skuId: skus[1], quantity: 2, unitPriceCents: 2500 }] });
      await clearCart(tx as never, id);
    });
    expect(await getCart({ customerId: frank }, 'en')).toMatchObject({ id, lines: [], units: 0 });
  });

  it('a rolled-back order leaves the cart as it was', async () => {
    const gina = await insertUser(conn.db, { email: 'gina@example.com' });
    const id = await getOrCreateCustomerCart(gina);
    await addToCart(id, skus[0]!, 1);
    await conn.db
      .transaction(async (tx) => {
        await clearCart(tx as never, id);
        throw new Error('payment declined');
      })
      .catch(() => {});
    expect(await getCartCount({ customerId: gina })).toBe(1);
  });
});

describe('sweep', () => {
  it('deletes anonymous carts untouched for 60 days, never a customer’s', async () => {
    const old = await createAnonymousCart();
    const fresh = await createAnonymousCart();
    const hal = await insertUser(conn.db, { email: 'hal@example.com' });
    const customer = await getOrCreateCustomerCart(hal);
    await conn.db.execute(sql`UPDATE carts SET updated_at = now() - interval '61 days' WHERE id IN (${old.id}, ${customer})`);
    const { purged } = await purgeAnonymousCarts();
    expect(purged).toBeGreaterThanOrEqual(1);
    expect(await findCartId({ token: old.token })).toBeNull();
    expect(await findCartId({ token: fresh.token })).toBe(fresh.id);
    expect(await findCartId({ customerId: hal })).toBe(customer);
  });
});
