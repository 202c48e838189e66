import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { onPostgres, useTestDatabase } from '@/test/support/db';
import { insertCategory, insertProduct, insertUser } from '@/test/support/fixtures';
import { addToCart, createAnonymousCart, getOrCreateCustomerCart, mergeCarts } from './commands';
import { CartFullError } from './errors';

/*
 * Races on a real multi-connection PostgreSQL (PGlite runs one transaction at a time, so there
 * these would prove nothing).
 */
const d = onPostgres ? describe : describe.skip;

let conn: Awaited<ReturnType<typeof useTestDatabase>>;
let skus: number[];

beforeAll(async () => {
  process.env.CART_MAX_PER_LINE = '20';
  process.env.CART_MAX_LINES = '5';
  conn = await useTestDatabase();
  const cat = await insertCategory(conn.db, 'c');
  skus = (await insertProduct(conn.db, { slug: 'p', categoryId: cat, nameFr: 'P', nameEn: 'P', skus: Array.from({ length: 12 }, () => ({})) })).skuIds;
});
afterAll(async () => conn?.drop());

async function linesOf(cartId: number) {
  const r = await conn.db.execute<{ sku_id: number; quantity: number }>(sql`SELECT sku_id, quantity FROM cart_lines WHERE cart_id = ${cartId} ORDER BY sku_id`);
  return r.rows;
}

d('concurrent cart writes on PostgreSQL', () => {
  it('50 concurrent adds of one SKU end with one line at the capped quantity', async () => {
    const { id } = await createAnonymousCart();
    const outcomes = await Promise.allSettled(Array.from({ length: 50 }, () => addToCart(id, skus[0]!)));
    expect(outcomes.filter((o) => o.status === 'rejected')).toEqual([]);
    expect(await linesOf(id)).toEqual([{ sku_id: skus[0], quantity: 20 }]);
  });

  it('15 concurrent adds of 1 unit, under the cap: exactly 15', async () => {
    const { id } = await createAnonymousCart();
    await Promise.all(Array.from({ length: 15 }, () => addToCart(id, skus[1]!)));
    expect(await linesOf(id)).toEqual([{ sku_id: skus[1], quantity: 15 }]);
  });

  it('12 different SKUs at once into a 5-line cart: exactly 5 lines, the rest told the cart is full', async () => {
    const { id } = await createAnonymousCart();
    const outcomes = await Promise.allSettled(skus.map((sku) => addToCart(id, sku)));
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(5);
    const refused = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
    expect(refused.every((o) => o.reason instanceof CartFullError)).toBe(true);
    expect(await linesOf(id)).toHaveLength(5);
  });

  it('a merge racing adds to both carts loses nothing and leaves no anonymous cart', async () => {
    const user = await insertUser(conn.db, { email: 'race@example.com' });
    const into = await getOrCreateCustomerCart(user);
    const anon = await createAnonymousCart();
    await addToCart(anon.id, skus[2]!, 2);
    const work = [
      mergeCarts(anon.token, user),
      mergeCarts(anon.token, user),
      ...Array.from({ length: 5 }, () => addToCart(into, skus[2]!)),
      ...Array.from({ length: 3 }, () => addToCart(anon.id, skus[3]!).catch(() => null)),
    ];
    await Promise.all(work);
    const lines = await linesOf(into);
    expect(lines.find((l) => l.sku_id === skus[2])?.quantity).toBe(7);
    const left = await conn.db.execute(sql`SELECT 1 FROM carts WHERE id = ${anon.id}`);
    expect(left.rows).toHaveLength(0);
    // Adds that reached the anonymous cart before the merge moved with it; later ones found no cart.
    const three = lines.find((l) => l.sku_id === skus[3])?.quantity ?? 0;
    expect(three).toBeLessThanOrEqual(3);
  });
});
