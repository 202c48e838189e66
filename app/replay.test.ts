import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { SessionUser } from '@/lib/auth/guards';
import { addToCart, getOrCreateCustomerCart, setFulfilment } from '@/lib/cart/commands';
import { onPostgres, useTestDatabase } from '@/test/support/db';
import { adjustPoints, joinLoyalty } from '@/lib/loyalty/commands';
import { inTx } from '@/test/support/loyalty';
import { sealCustomerPass } from '@/lib/sales/customer-pass';
import { insertUser } from '@/test/support/fixtures';
import { creditStoreCredit } from '@/lib/wallet/commands';
import { actAs, NavigationSignal } from '@/test/support/next-request';
import { fingerprint, form, one, seedWorld, type World } from '@/test/support/world';

vi.mock('next/headers', async () => (await import('@/test/support/next-request')).nextHeaders);
vi.mock('next/navigation', async () => (await import('@/test/support/next-request')).nextNavigation);
vi.mock('next/cache', async () => (await import('@/test/support/next-request')).nextCache);
vi.mock('next/server', async () => ({ ...(await import('next/server.js')), connection: async () => {} }));
vi.mock('next-auth', async () => (await import('@/test/support/next-request')).nextAuth);
vi.mock('@/lib/auth', async () => (await import('@/test/support/next-request')).auth);

import { bookReturnAction } from './[locale]/(shop)/account/orders/[number]/return/book-return-action';
import { placeOrderAction } from './[locale]/(shop)/checkout/place-order-action';
import { buyGiftCardAction } from './[locale]/(shop)/account/gift-cards/actions';
import { reserveAction } from './[locale]/(catalogue)/p/[slug]/reserve-action';
import { walkInAction } from './[locale]/(staff)/staff/stores/[storeId]/returns/walk-in-action';
import { completeSaleAction } from './[locale]/(staff)/staff/stores/[storeId]/till/complete-sale-action';
import { orderHomeDeliveryAction } from './[locale]/(staff)/staff/stores/[storeId]/till/home-delivery-action';
import { orderElsewhereAction } from './[locale]/(staff)/staff/stores/[storeId]/till/order-elsewhere-action';

/**
 * Issue 15: a request sent again with its idempotency key (a double tap, a retry after a lost
 * answer) answers exactly as the first did — the same order and its page, the same sale — even
 * when what the first request changed (an emptied cart, spent points, a lapsed customer pass, the
 * stock) would refuse it now. And a key someone else used answers a refusal that shows nothing of
 * theirs, writing nothing. Each keyed action, through the action itself (the server restart is
 * e2e/faults.spec.ts's: these lookups read the database only).
 */
const runHere = onPostgres || !process.env.POSTGRES_PROJECT;
const idle = {} as never;
const address = { name: 'Camille Martin', address: '12 rue de la République', postcode: '69002', town: 'Lyon', phone: '0612345678' };
const card = { card_number: '4242424242424242', card_exp: '12/34', card_cvc: '123', card_holder: 'Camille Martin' };

let conn: Awaited<ReturnType<typeof useTestDatabase>>;
let world: World;
let store: number;
let shelfSku: { id: number; slug: string };
let webSku: number;
let otherShop: { store: number; sku: number; slug: string };

/** What an action answered: its value, or where it sent the person. */
async function answer(user: SessionUser, run: () => Promise<unknown>): Promise<unknown> {
  actAs(user);
  try {
    const result = await run();
    return typeof result === 'object' && result !== null && 'at' in result ? { ...result, at: undefined } : result;
  } catch (err) {
    if (err instanceof NavigationSignal) return { navigatedTo: err.to };
    throw err;
  }
}

async function shopper(name: string): Promise<SessionUser> {
  return world.person(await insertUser(conn.db, { email: `${name}-${randomUUID().slice(0, 8)}@example.com`, name }));
}

async function count(text: string, params: unknown[] = []): Promise<number> {
  return (await one<{ n: number }>(text, params)).n;
}

/** Nothing written, and nothing of the first person's in the answer. */
async function refusedWithoutTrace(run: () => Promise<unknown>, firstAnswer: unknown): Promise<unknown> {
  const before = await fingerprint();
  const result = await run();
  expect(await fingerprint()).toEqual(before);
  const text = JSON.stringify(result);
  for (const secret of JSON.stringify(firstAnswer).match(/(CMD-[A-Z0-9]+|R-[A-Z0-9]+|\/\d+|"saleId":\d+)/g) ?? []) expect(text).not.toContain(secret);
  expect((result as { ok?: boolean }).ok ?? false).toBe(false);
  return result;
}

describe.runIf(runHere)('a keyed request sent again answers as the first time', () => {
  beforeAll(async () => {
    conn = await useTestDatabase();
    world = await seedWorld(conn.db);
    store = (await one<{ id: number }>('SELECT min(store_id) AS id FROM staff_memberships WHERE user_id = $1', [world.staffA.id])).id;
    shelfSku = await one(
      `SELECT st.sku_id AS id, p.slug FROM stock st JOIN skus k ON k.id = st.sku_id JOIN products p ON p.id = k.product_id
       WHERE st.location_id = $1 AND st.on_hand - st.reserved >= 6 ORDER BY st.sku_id LIMIT 1`,
      [store],
    );
    webSku = (
      await one<{ id: number }>(
        `SELECT st.sku_id AS id FROM stock st JOIN locations l ON l.id = st.location_id
         WHERE l.kind = 'warehouse' AND st.on_hand - st.reserved >= 10 ORDER BY st.sku_id LIMIT 1`,
      )
    ).id;
    otherShop = await one(
      `SELECT st.location_id AS store, st.sku_id AS sku, p.slug FROM stock st JOIN stores s ON s.location_id = st.location_id
       JOIN skus k ON k.id = st.sku_id JOIN products p ON p.id = k.product_id
       WHERE s.click_reserve AND st.location_id <> $1 AND st.on_hand - st.reserved >= 6 ORDER BY st.location_id, st.sku_id LIMIT 1`,
      [store],
    );
  }, 120_000);
  afterAll(async () => conn?.drop());

  it('checkout (with points): a double tap places one order, a retry after it goes to that order, another shopper’s key shows nothing', async () => {
    const alice = await shopper('alice');
    await joinLoyalty(alice.id);
    await inTx((tx) => adjustPoints(tx, { customerId: alice.id, points: 300, reason: 'welcome', staffId: null, key: randomUUID() }));
    const cart = await getOrCreateCustomerCart(alice.id);
    await addToCart(cart, webSku, 2);
    await setFulfilment(cart, 'delivery');
    const key = randomUUID();
    const { price } = await one<{ price: number }>('SELECT price_cents AS price FROM skus WHERE id = $1', [webSku]);
    const shownPrices = `${webSku}:${price}`; // what the checkout page showed
    const submit = () => placeOrderAction({ slotRefused: 0 } as never, form({ idempotencyKey: key, shownPrices, redeemPoints: 100, ...address, ...card }));

    // A double tap: both land on one order.
    const [a, b] = onPostgres ? await Promise.all([answer(alice, submit), answer(alice, submit)]) : [await answer(alice, submit), await answer(alice, submit)];
    expect(a).toEqual({ navigatedTo: expect.stringMatching(/^\/en\/account\/orders\/CMD-/) });
    expect(b).toEqual(a);
    expect(await count('SELECT count(*)::int AS n FROM orders WHERE idempotency_key = $1', [key])).toBe(1);
    const spent = await count(`SELECT coalesce(sum(points), 0)::int AS n FROM loyalty_entries WHERE customer_id = $1 AND kind = 'redeem'`, [alice.id]);
    expect(spent).toBe(-100);

    // A retry after the commit: the cart is empty and the points spent, and it still goes to the order.
    const before = await fingerprint();
    expect(await answer(alice, submit)).toEqual(a);
    expect(await fingerprint()).toEqual(before);

    // Another shopper sending that key: refused, nothing of Alice's order in the answer.
    const mallory = await shopper('mallory');
    const other = await getOrCreateCustomerCart(mallory.id);
    await addToCart(other, webSku, 1);
    await setFulfilment(other, 'delivery');
    const refused = await refusedWithoutTrace(() => answer(mallory, submit), a);
    expect(refused).toMatchObject({ message: expect.any(String) });
  });

  it('checkout (with store credit) and a gift card bought: a double tap or a retry debits the wallet once, charges once, issues one card', async () => {
    const carol = await shopper('carol');
    await inTx((tx) => creditStoreCredit(tx, { customerId: carol.id, amountCents: 1000, key: randomUUID(), kind: 'adjust' }));
    const cart = await getOrCreateCustomerCart(carol.id);
    await addToCart(cart, webSku, 1);
    await setFulfilment(cart, 'delivery');
    const { price } = await one<{ price: number }>('SELECT price_cents AS price FROM skus WHERE id = $1', [webSku]);
    const key = randomUUID();
    const submit = () =>
      placeOrderAction({ slotRefused: 0 } as never, form({ idempotencyKey: key, shownPrices: `${webSku}:${price}`, useStoreCredit: '1', ...address, ...card }));
    const [a, b] = onPostgres ? await Promise.all([answer(carol, submit), answer(carol, submit)]) : [await answer(carol, submit), await answer(carol, submit)];
    expect(a).toEqual({ navigatedTo: expect.stringMatching(/^\/en\/account\/orders\/CMD-/) });
    expect(b).toEqual(a);
    const before = await fingerprint();
    expect(await answer(carol, submit)).toEqual(a);
    expect(await fingerprint()).toEqual(before);
    expect(await count(`SELECT count(*)::int AS n FROM store_credit_entries WHERE customer_id = $1 AND kind = 'spend'`, [carol.id])).toBe(1);

    const giftKey = randomUUID();
    const buy = () => buyGiftCardAction({ ok: false, message: '' }, form({ idempotencyKey: giftKey, amount: '25', ...card }));
    const [first, second] = onPostgres ? await Promise.all([answer(carol, buy), answer(carol, buy)]) : [await answer(carol, buy), await answer(carol, buy)];
    expect(first).toMatchObject({ ok: true, code: expect.stringMatching(/^GC-/) });
    expect(second).toEqual(first);
    expect(await answer(carol, buy)).toEqual(first);
    expect(await count('SELECT count(*)::int AS n FROM gift_cards WHERE customer_id = $1', [carol.id])).toBe(1);
    // Another shopper's same key buys their own card: nothing of Carol's in the answer.
    const dave = await shopper('dave');
    const theirs = await answer(dave, buy);
    expect(JSON.stringify(theirs)).not.toContain((first as { code: string }).code);
  });

  it('till sale: a second "Take payment" of one ticket replays its sale — lapsed pass, other lines and all — and sells nothing twice', async () => {
    const member = await shopper('bob');
    await joinLoyalty(member.id);
    const scope = { storeId: store, staffId: world.staffA.id };
    const pass = sealCustomerPass({ customerId: member.id, identifiedBy: 'card' }, scope);
    const key = randomUUID();
    const onHand = () => count('SELECT on_hand AS n FROM stock WHERE location_id = $1 AND sku_id = $2', [store, shelfSku.id]);
    const stock = await onHand();
    const ticket = (customerPass: string | null, quantity: number) => () =>
      completeSaleAction(
        {
          storeId: store,
          customerPass,
          idempotencyKey: key,
          lines: [{ skuId: shelfSku.id, quantity }],
          redeemPoints: 0,
          tender: { kind: 'cash', givenCents: 1_000_000 },
        },
        {},
      );

    const [a, b] = onPostgres
      ? await Promise.all([answer(world.staffA, ticket(pass, 2)), answer(world.staffA, ticket(pass, 2))])
      : [await answer(world.staffA, ticket(pass, 2)), await answer(world.staffA, ticket(pass, 2))];
    expect(a).toEqual({ ok: true, saleId: expect.any(Number) });
    expect(b).toEqual(a);
    expect(await onHand()).toBe(stock - 2);

    // Later, with the customer pass lapsed and the screen showing other lines: the same sale, no stock moved.
    const lapsed = sealCustomerPass({ customerId: member.id, identifiedBy: 'card' }, scope, new Date(Date.now() - 3 * 3_600_000));
    const before = await fingerprint();
    expect(await answer(world.staffA, ticket(lapsed, 5))).toEqual(a);
    expect(await answer(world.staffA, ticket(null, 1))).toEqual(a);
    expect(await fingerprint()).toEqual(before);
    expect(await count('SELECT count(*)::int AS n FROM sales WHERE idempotency_key = $1', [key])).toBe(1);

    // Staff of another shop with that key: refused, at their shop or naming this one.
    const atOwnShop = () =>
      completeSaleAction(
        {
          storeId: world.storeB,
          customerPass: null,
          idempotencyKey: key,
          lines: [{ skuId: shelfSku.id, quantity: 1 }],
          redeemPoints: 0,
          tender: { kind: 'cash', givenCents: 1_000_000 },
        },
        {},
      );
    await refusedWithoutTrace(() => answer(world.staffB, atOwnShop), a);
    await refusedWithoutTrace(() => answer(world.staffB, ticket(null, 1)), a);
  });

  it('till home delivery and till reservation: a retry answers the first order or reservation, even with the pass lapsed', async () => {
    const member = await shopper('chloe');
    const scope = { storeId: store, staffId: world.staffA.id };
    const pass = sealCustomerPass({ customerId: member.id, identifiedBy: 'email' }, scope);
    const lapsed = sealCustomerPass({ customerId: member.id, identifiedBy: 'email' }, scope, new Date(Date.now() - 3 * 3_600_000));

    const homeKey = randomUUID();
    const home = (customerPass: string) => () =>
      orderHomeDeliveryAction({ storeId: store, customerPass, skuId: webSku, quantity: 1, idempotencyKey: homeKey, address });
    const first = await answer(world.staffA, home(pass));
    expect(first).toMatchObject({ ok: true, number: expect.stringMatching(/^CMD-/) });
    expect(await answer(world.staffA, home(pass))).toEqual(first);
    expect(await answer(world.staffA, home(lapsed))).toEqual(first);
    expect(await count('SELECT count(*)::int AS n FROM orders WHERE idempotency_key = $1', [homeKey])).toBe(1);
    const bPass = sealCustomerPass({ customerId: member.id, identifiedBy: 'email' }, { storeId: world.storeB, staffId: world.staffB.id });
    await refusedWithoutTrace(
      () =>
        answer(world.staffB, () =>
          orderHomeDeliveryAction({ storeId: world.storeB, customerPass: bPass, skuId: webSku, quantity: 1, idempotencyKey: homeKey, address }),
        ),
      first,
    );

    const reserveKey = randomUUID();
    const there = (customerPass: string) => () =>
      orderElsewhereAction({
        storeId: store,
        customerPass,
        skuId: otherShop.sku,
        quantity: 1,
        idempotencyKey: reserveKey,
        target: { kind: 'store', storeId: otherShop.store },
      });
    const reserved = await answer(world.staffA, there(pass));
    expect(reserved).toMatchObject({ ok: true });
    expect(await answer(world.staffA, there(pass))).toEqual(reserved);
    expect(await answer(world.staffA, there(lapsed))).toEqual(reserved);
    expect(await count('SELECT count(*)::int AS n FROM reservations WHERE idempotency_key = $1', [reserveKey])).toBe(1);
  });

  it('till "put in their web basket": a double tap or a retry adds the units once, even with the pass lapsed; another store’s staff get a refusal', async () => {
    const member = await shopper('jules');
    const scope = { storeId: store, staffId: world.staffA.id };
    const pass = sealCustomerPass({ customerId: member.id, identifiedBy: 'email' }, scope);
    const lapsed = sealCustomerPass({ customerId: member.id, identifiedBy: 'email' }, scope, new Date(Date.now() - 3 * 3_600_000));
    const key = randomUUID();
    const basket = (customerPass: string) => () =>
      orderElsewhereAction({ storeId: store, customerPass, skuId: webSku, quantity: 2, idempotencyKey: key, target: { kind: 'web' } });
    const units = () =>
      count('SELECT coalesce(sum(l.quantity), 0)::int AS n FROM cart_lines l JOIN carts c ON c.id = l.cart_id WHERE c.customer_id = $1', [member.id]);
    const first = await answer(world.staffA, basket(pass));
    expect(first).toMatchObject({ ok: true });
    expect(await answer(world.staffA, basket(pass))).toEqual(first);
    expect(await answer(world.staffA, basket(lapsed))).toEqual(first);
    expect(await units()).toBe(2);
    const bPass = sealCustomerPass({ customerId: member.id, identifiedBy: 'email' }, { storeId: world.storeB, staffId: world.staffB.id });
    await refusedWithoutTrace(
      () =>
        answer(world.staffB, () =>
          orderElsewhereAction({ storeId: world.storeB, customerPass: bPass, skuId: webSku, quantity: 2, idempotencyKey: key, target: { kind: 'web' } }),
        ),
      first,
    );
    expect(await units()).toBe(2);
  });

  it('reserve in store: a retry goes to the first reservation, even past the per-account limit; another shopper’s key shows nothing', async () => {
    const dan = await shopper('dan');
    const key = randomUUID();
    const reserve = () => reserveAction(idle, form({ storeId: otherShop.store, skuId: otherShop.sku, quantity: 1, idempotencyKey: key }));
    const [a, b] = onPostgres ? await Promise.all([answer(dan, reserve), answer(dan, reserve)]) : [await answer(dan, reserve), await answer(dan, reserve)];
    expect(a).toEqual({ navigatedTo: expect.stringMatching(/^\/en\/account\/reservations\/\d+$/) });
    expect(b).toEqual(a);
    // The account now holds as many as it may (3 by default): the retry still answers the first.
    for (let i = 0; i < 2; i++) {
      await answer(dan, () => reserveAction(idle, form({ storeId: otherShop.store, skuId: otherShop.sku, quantity: 1, idempotencyKey: randomUUID() })));
    }
    expect(await answer(dan, reserve)).toEqual(a);
    const eve = await shopper('eve');
    await refusedWithoutTrace(() => answer(eve, reserve), a);
  });

  it('returns: a booking and a walk-in sent again go to the first return; another person’s key shows nothing', async () => {
    // A delivered order of the seed, its first line booked by its shopper, its last taken back at the desk.
    const o = await one<{ number: string; customer_id: number; first: number; last: number }>(
      `SELECT o.number, o.customer_id, min(l.id) AS first, max(l.id) AS last FROM orders o JOIN order_lines l ON l.order_id = o.id
       WHERE o.mode = 'delivery' AND o.status = 'delivered' AND NOT EXISTS (SELECT 1 FROM returns r WHERE r.order_id = o.id)
       GROUP BY o.id HAVING count(*) > 1 ORDER BY o.id DESC LIMIT 1`,
    );
    const o1 = { number: o.number, customer_id: o.customer_id, line_id: o.first };
    const o2 = { number: o.number, line_id: o.last };
    const desk = await one<{ id: number }>(
      `SELECT s.location_id AS id FROM stores s JOIN staff_memberships m ON m.store_id = s.location_id WHERE m.user_id = $1 AND s.returns_desk ORDER BY 1 LIMIT 1`,
      [world.staffA.id],
    );
    const owner = await world.person(o1.customer_id);
    const key = randomUUID();
    const window = new Date(Date.now() + 3 * 86_400_000);
    window.setUTCHours(10, 0, 0, 0);
    const book = () =>
      bookReturnAction(
        idle,
        form({
          orderNumber: o1.number,
          storeId: desk.id,
          windowStartsAt: window.toISOString(),
          refund: 'original',
          idempotencyKey: key,
          [`qty_${o1.line_id}`]: 1,
          [`reason_${o1.line_id}`]: 'wrong_size',
        }),
      );
    const booked = await answer(owner, book);
    expect(booked).toEqual({ navigatedTo: expect.stringMatching(/^\/en\/account\/returns\/R-/) });
    expect(await answer(owner, book)).toEqual(booked);
    const fay = await shopper('fay');
    await refusedWithoutTrace(() => answer(fay, book), booked);

    const walkKey = randomUUID();
    const walkIn = (storeId: number) => () =>
      walkInAction(
        idle,
        form({
          storeId,
          orderNumber: o2.number,
          refund: 'store_credit',
          idempotencyKey: walkKey,
          [`qty_${o2.line_id}`]: 1,
          [`reason_${o2.line_id}`]: 'wrong_size',
          [`outcome_${o2.line_id}`]: 'resellable',
        }),
      );
    const taken = await answer(world.staffA, walkIn(desk.id));
    expect(taken).toEqual({ navigatedTo: expect.stringMatching(/^\/en\/staff\/stores\/\d+\/returns\?code=R-/) });
    expect(await answer(world.staffA, walkIn(desk.id))).toEqual(taken);
    await refusedWithoutTrace(() => answer(world.staffB, walkIn(world.storeB)), taken);
  });
});
