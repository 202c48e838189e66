import 'server-only';
import { randomBytes } from 'node:crypto';
import { and, asc, eq, inArray, isNull, lt, sql } from 'drizzle-orm';
import { catalogSkus, isSkuOnSale, skuExists, skuRowsSql } from '@/lib/catalog/read';
import { getDb, transaction, type Db } from '@/lib/db';
import { PG_FOREIGN_KEY_VIOLATION, pgErrorCode } from '@/lib/errors';
import { storeRowsSql } from '@/lib/stores/read';
import { ANONYMOUS_CART_DAYS, cartLimits } from './config';
import {
  CartFullError,
  CartKeyReusedError,
  CartLineNotFoundError,
  CartNotFoundError,
  CartQuantityError,
  EmptyCartError,
  ProductWithdrawnError,
  StoreWithoutDriveError,
  UnknownSkuError,
} from './errors';
import { cartLines, carts } from './schema';
import type { CheckoutLine, FulfilmentMode } from './types';

/*
 * Cart writes. Every command that changes lines first locks the cart row (UPDATE carts … RETURNING),
 * so one cart's commands queue: the line-count limit is then decided on committed data, and a merge
 * at sign-in cannot interleave with an add in another tab. The per-line cap is applied inside the
 * upsert (least(q + n, max)), so concurrent adds of one SKU end capped, on one line.
 */

const MAX_INT = 2_147_483_647;

const validId = (id: number) => Number.isSafeInteger(id) && id > 0 && id <= MAX_INT;

/** A random secret for the anonymous cart cookie (192 bits, 32 characters). */
export function newCartToken(): string {
  return randomBytes(24).toString('base64url');
}

/** Locks the cart for the rest of the transaction and marks it used; CartNotFoundError when gone. */
async function lockCart(tx: Db, cartId: number): Promise<void> {
  if (!validId(cartId)) throw new CartNotFoundError();
  const touched = await tx
    .update(carts)
    .set({ updatedAt: sql`now()` })
    .where(eq(carts.id, cartId))
    .returning({ id: carts.id });
  if (touched.length === 0) throw new CartNotFoundError();
}

export async function createAnonymousCart(): Promise<{ id: number; token: string }> {
  const db = await getDb();
  const token = newCartToken();
  const [cart] = await db.insert(carts).values({ token }).returning({ id: carts.id });
  return { id: cart!.id, token };
}

/** The shopper's one cart, created on first use (two tabs creating it at once get the same one). */
export async function getOrCreateCustomerCart(customerId: number, executor?: Db): Promise<number> {
  if (!validId(customerId)) throw new CartNotFoundError();
  const db = executor ?? (await getDb());
  try {
    // DO UPDATE rather than DO NOTHING, so RETURNING gives the existing cart's id too.
    const [cart] = await db
      .insert(carts)
      .values({ token: newCartToken(), customerId })
      .onConflictDoUpdate({ target: carts.customerId, set: { updatedAt: sql`now()` } })
      .returning({ id: carts.id });
    return cart!.id;
  } catch (err) {
    if (pgErrorCode(err) === PG_FOREIGN_KEY_VIOLATION) throw new CartNotFoundError(); // the account is gone
    throw err;
  }
}

function assertQuantity(quantity: number, max: number): void {
  if (!Number.isSafeInteger(quantity) || quantity < 1 || quantity > max) throw new CartQuantityError(max);
}

export type AddedLine = { skuId: number; quantity: number; /** More was asked than the cap allows. */ capped: boolean };

/**
 * Refuses an unknown SKU before anything is written: "Add to cart" makes the visitor's cart on
 * first use, and a refused add must not leave an empty cart (and a cookie) behind.
 */
export async function assertKnownSku(skuId: number): Promise<void> {
  if (!validId(skuId)) throw new UnknownSkuError();
  const db = await getDb();
  if (!(await skuExists(db, skuId))) throw new UnknownSkuError();
}

/**
 * The customer a till's "put in their web basket" key already served at this store, or null
 * (lib/db/migrations/0021_cart_additions.sql). Asked before anything about the present — the
 * customer pass may have lapsed since — so a retry answers as the first request did.
 * CartKeyReusedError when the key was used at another store.
 */
export async function findCartAdditionByKey(key: string, storeId: number): Promise<{ customerId: number } | null> {
  const db = await getDb();
  // Raw SQL: cart_additions is kept by a hand-written migration (0021), outside the Drizzle schema.
  const r = await db.execute<{ customer_id: number; store_id: number }>(sql`SELECT customer_id, store_id FROM cart_additions WHERE idempotency_key = ${key}`);
  const row = r.rows[0];
  if (!row) return null;
  if (row.store_id !== storeId) throw new CartKeyReusedError();
  return { customerId: row.customer_id };
}

/**
 * Adds units to a customer's basket from a till, once per key: the key is recorded in the same
 * transaction as the line, so a double tap or a retried request adds nothing the second time
 * (`replayed`), and a key already used for another customer is refused (CartKeyReusedError).
 */
export async function addToCustomerCartOnce(input: {
  customerId: number;
  storeId: number;
  skuId: number;
  quantity: number;
  key: string;
}): Promise<{ replayed: boolean }> {
  const { maxPerLine } = cartLimits();
  assertQuantity(input.quantity, maxPerLine);
  if (!validId(input.skuId)) throw new UnknownSkuError();
  const cartId = await getOrCreateCustomerCart(input.customerId);
  return transaction(async (tx) => {
    await lockCart(tx, cartId);
    // Raw SQL: cart_additions is kept by a hand-written migration (0021), outside the Drizzle schema.
    const recorded = await tx.execute(sql`
      INSERT INTO cart_additions (idempotency_key, cart_id, customer_id, store_id, sku_id, quantity)
      VALUES (${input.key}, ${cartId}, ${input.customerId}, ${input.storeId}, ${input.skuId}, ${input.quantity})
      ON CONFLICT (idempotency_key) DO NOTHING RETURNING 1`);
    if (recorded.rows.length === 0) {
      const first = await tx.execute<{ customer_id: number; store_id: number }>(
        sql`SELECT customer_id, store_id FROM cart_additions WHERE idempotency_key = ${input.key}`,
      );
      const row = first.rows[0];
      if (!row || row.customer_id !== input.customerId || row.store_id !== input.storeId) throw new CartKeyReusedError();
      return { replayed: true };
    }
    await addLine(tx, cartId, input.skuId, input.quantity);
    return { replayed: false };
  });
}

/** Adds `quantity` units of a SKU (1 by default); the line's total is capped at the per-line limit. */
export async function addToCart(cartId: number, skuId: number, quantity = 1): Promise<AddedLine> {
  const { maxPerLine } = cartLimits();
  assertQuantity(quantity, maxPerLine);
  if (!validId(skuId)) throw new UnknownSkuError();
  return transaction(async (tx) => {
    await lockCart(tx, cartId);
    return addLine(tx, cartId, skuId, quantity);
  });
}

/** The upsert of addToCart, in the caller's transaction (the cart already locked). */
async function addLine(tx: Db, cartId: number, skuId: number, quantity: number): Promise<AddedLine> {
  const { maxPerLine, maxLines } = cartLimits();
  // Raw SQL: an upsert that caps in its conflict clause and inserts only under the line limit, read back with the line before it.
  const r = await tx.execute<{ quantity: number; before: number | null }>(sql`
    WITH prev AS (SELECT quantity FROM cart_lines WHERE cart_id = ${cartId} AND sku_id = ${skuId})
    INSERT INTO cart_lines (cart_id, sku_id, quantity)
    SELECT ${cartId}, k.id, least(${quantity}::int, ${maxPerLine}::int) FROM ${skuRowsSql} k
    WHERE k.id = ${skuId} AND k.withdrawn_at IS NULL
      AND (EXISTS (SELECT 1 FROM prev) OR (SELECT count(*) FROM cart_lines WHERE cart_id = ${cartId}) < ${maxLines})
    ON CONFLICT (cart_id, sku_id) DO UPDATE SET quantity = least(cart_lines.quantity + excluded.quantity, ${maxPerLine}::int)
    RETURNING quantity, (SELECT quantity FROM prev) AS before`);
  const row = r.rows[0];
  if (!row) {
    // A withdrawn product's SKU is no longer for sale: the same answer as one that never existed.
    if (!(await isSkuOnSale(tx, skuId))) throw new UnknownSkuError();
    throw new CartFullError(maxLines);
  }
  return { skuId, quantity: row.quantity, capped: (row.before ?? 0) + quantity > maxPerLine };
}

/** Sets a line's quantity; 0 removes the line. */
export async function setQuantity(cartId: number, skuId: number, quantity: number): Promise<{ quantity: number }> {
  if (quantity === 0) {
    await removeLine(cartId, skuId);
    return { quantity: 0 };
  }
  const { maxPerLine } = cartLimits();
  assertQuantity(quantity, maxPerLine);
  if (!validId(skuId)) throw new CartLineNotFoundError();
  return transaction(async (tx) => {
    await lockCart(tx, cartId);
    const [line] = await tx
      .update(cartLines)
      .set({ quantity })
      .where(and(eq(cartLines.cartId, cartId), eq(cartLines.skuId, skuId)))
      .returning({ quantity: cartLines.quantity });
    if (!line) throw new CartLineNotFoundError();
    return { quantity: line.quantity };
  });
}

/** Removes a line. Removing a line that is already gone is not an error (a double tap, two tabs). */
export async function removeLine(cartId: number, skuId: number): Promise<{ removed: boolean }> {
  if (!validId(skuId)) return { removed: false };
  return transaction(async (tx) => {
    await lockCart(tx, cartId);
    const removed = await tx
      .delete(cartLines)
      .where(and(eq(cartLines.cartId, cartId), eq(cartLines.skuId, skuId)))
      .returning({ skuId: cartLines.skuId });
    return { removed: removed.length > 0 };
  });
}

/**
 * Home delivery, or drive pickup at a store that offers it. `storeId` null with 'drive' keeps the
 * store chosen before (which may be none yet). The drive flag is checked in the UPDATE itself.
 */
export async function setFulfilment(cartId: number, mode: FulfilmentMode, storeId: number | null = null): Promise<void> {
  if (!validId(cartId)) throw new CartNotFoundError();
  if (mode !== 'delivery' && mode !== 'drive') throw new StoreWithoutDriveError();
  const db = await getDb();
  if (mode === 'delivery' || storeId === null) {
    const updated = await db
      .update(carts)
      .set({ fulfilment: mode, updatedAt: sql`now()` })
      .where(eq(carts.id, cartId))
      .returning({ id: carts.id });
    if (updated.length === 0) throw new CartNotFoundError();
    return;
  }
  if (!validId(storeId)) throw new StoreWithoutDriveError();
  // Raw SQL: UPDATE … FROM the stores (lib/stores/read.ts), so the store's drive flag is checked in the statement that sets it.
  const r = await db.execute(sql`
    UPDATE carts c SET fulfilment = 'drive', drive_store_id = s.location_id, updated_at = now()
    FROM ${storeRowsSql} s
    WHERE c.id = ${cartId} AND s.location_id = ${storeId} AND s.drive
    RETURNING c.id`);
  if (r.rows.length > 0) return;
  const [cart] = await db.select({ id: carts.id }).from(carts).where(eq(carts.id, cartId));
  throw cart ? new StoreWithoutDriveError() : new CartNotFoundError();
}

export type MergeResult = { merged: number; /** Lines left out because the cart was full. */ dropped: number };

/**
 * At sign-in: the anonymous cart's lines move into the shopper's cart (quantities summed, capped
 * per line; new SKUs beyond the line limit, newest first, are left out) and the anonymous cart is
 * deleted, all in one transaction. Running it twice is harmless: the second finds no anonymous
 * cart. Locks: the anonymous cart, then the shopper's — an add locks one cart only, so no cycle.
 */
export async function mergeCarts(token: string, customerId: number): Promise<MergeResult> {
  if (typeof token !== 'string' || token.length < 32 || token.length > 128) return { merged: 0, dropped: 0 };
  const { maxPerLine, maxLines } = cartLimits();
  return transaction(async (tx) => {
    const [from] = await tx
      .select({ id: carts.id, fulfilment: carts.fulfilment, driveStoreId: carts.driveStoreId })
      .from(carts)
      .where(and(eq(carts.token, token), isNull(carts.customerId)))
      .for('update');
    if (!from) return { merged: 0, dropped: 0 };
    const into = await getOrCreateCustomerCart(customerId, tx);
    await lockCart(tx, into);
    const lines = await tx.$count(cartLines, eq(cartLines.cartId, into));
    const incoming = await tx.$count(cartLines, eq(cartLines.cartId, from.id));
    // Raw SQL: CTEs choose the lines that fit (present ones always, new ones up to the limit), upserted capped.
    const moved = await tx.execute(sql`
      WITH incoming AS (
        SELECT a.sku_id, a.quantity, a.added_at,
               EXISTS (SELECT 1 FROM cart_lines c WHERE c.cart_id = ${into} AND c.sku_id = a.sku_id) AS present
        FROM cart_lines a WHERE a.cart_id = ${from.id}
      ),
      chosen AS (
        SELECT sku_id, quantity, added_at FROM incoming WHERE present
        UNION ALL
        (SELECT sku_id, quantity, added_at FROM incoming WHERE NOT present
         ORDER BY added_at, sku_id LIMIT greatest(0, ${maxLines}::int - ${lines}::int))
      )
      INSERT INTO cart_lines (cart_id, sku_id, quantity, added_at)
      SELECT ${into}, sku_id, least(quantity, ${maxPerLine}::int), added_at FROM chosen
      ON CONFLICT (cart_id, sku_id) DO UPDATE SET quantity = least(cart_lines.quantity + excluded.quantity, ${maxPerLine}::int)
      RETURNING sku_id`);
    // A shopper who had nothing in their cart keeps the delivery choice made before signing in.
    if (lines === 0) {
      await tx
        .update(carts)
        .set({ fulfilment: from.fulfilment, driveStoreId: sql`coalesce(${from.driveStoreId}::int, ${carts.driveStoreId})` })
        .where(eq(carts.id, into));
    }
    await tx.delete(carts).where(eq(carts.id, from.id));
    return { merged: moved.rows.length, dropped: incoming - moved.rows.length };
  });
}

/**
 * Empties a cart after an order: pass the order's transaction, so the cart empties if and only if
 * the order commits. The fulfilment choice is kept for next time.
 */
export async function clearCart(tx: Db, cartId: number): Promise<void> {
  if (!validId(cartId)) throw new CartNotFoundError();
  await tx.delete(cartLines).where(eq(cartLines.cartId, cartId));
  await tx
    .update(carts)
    .set({ updatedAt: sql`now()` })
    .where(eq(carts.id, cartId));
}

/**
 * For checkout, inside its transaction: locks the cart (an add in another tab waits until the order
 * commits or rolls back) and returns its lines at today's prices. EmptyCartError when there are none.
 */
export async function lockCartForCheckout(tx: Db, cartId: number): Promise<{ fulfilment: FulfilmentMode; driveStoreId: number | null; lines: CheckoutLine[] }> {
  if (!validId(cartId)) throw new CartNotFoundError();
  const [cart] = await tx.select({ fulfilment: carts.fulfilment, driveStoreId: carts.driveStoreId }).from(carts).where(eq(carts.id, cartId)).for('update');
  if (!cart) throw new CartNotFoundError();
  const lines = await tx
    .select({ skuId: cartLines.skuId, quantity: cartLines.quantity, unitPriceCents: catalogSkus.priceCents, withdrawnAt: catalogSkus.withdrawnAt })
    .from(cartLines)
    .innerJoin(catalogSkus, eq(catalogSkus.id, cartLines.skuId))
    .where(eq(cartLines.cartId, cartId))
    .orderBy(asc(cartLines.addedAt), asc(cartLines.skuId));
  if (lines.length === 0) throw new EmptyCartError();
  const withdrawn = lines.find((l) => l.withdrawnAt !== null);
  if (withdrawn) throw new ProductWithdrawnError(withdrawn.skuId);
  return { ...cart, lines: lines.map(({ withdrawnAt: _, ...line }) => line) };
}

/** Anonymous carts untouched for the cookie's lifetime can never be found again: delete them. */
export async function purgeAnonymousCarts(opts: { olderThanDays?: number; limit?: number } = {}): Promise<{ purged: number }> {
  const db = await getDb();
  const days = opts.olderThanDays ?? ANONYMOUS_CART_DAYS;
  const oldest = db
    .select({ id: carts.id })
    .from(carts)
    .where(and(isNull(carts.customerId), lt(carts.updatedAt, sql`now() - make_interval(days => ${days}::int)`)))
    .orderBy(asc(carts.updatedAt))
    .limit(opts.limit ?? 500);
  const purged = await db.delete(carts).where(inArray(carts.id, oldest)).returning({ id: carts.id });
  return { purged: purged.length };
}
