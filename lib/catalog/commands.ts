import 'server-only';
import { and, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import { recordAudit, type AuditActor } from '@/lib/audit/record';
import { isValidEan13 } from '@/lib/barcode/ean13';
import { transaction, type Db } from '@/lib/db';
import { PG_UNIQUE_VIOLATION, pgErrorCode } from '@/lib/errors';
import { CatalogNotFoundError, EanTakenError, StaleEditError } from './errors';
import { products, skus } from './schema';

/*
 * The back office's writes to products and SKUs. Each is one transaction: the row is locked and
 * read (the audit's "before"), changed by an UPDATE conditional on the version the form was read
 * at — zero rows means a colleague's change came first, StaleEditError, nothing written — and the
 * audit line is written beside it. The catalogue's triggers (migration 0019) announce the product's
 * cache tags when the transaction commits, so its pages in both languages, its SKU pages and its
 * department's cards are expired at once: nothing here calls revalidateTag.
 */

export type ProductFields = {
  nameFr: string;
  nameEn: string;
  descriptionFr: string;
  descriptionEn: string;
  brand: string;
  categoryId: number;
};

export type SkuFields = { priceCents: number; size: string | null; colour: string | null; ean13: string };

/** What a command answers: whether anything changed, and the row's version now (the form's next). */
export type Edited = { changed: boolean; version: number };

/** A product's editable fields, its pictures, withdrawal and version: what a command locks and the edit page shows. */
export const productColumns = {
  id: products.id,
  slug: products.slug,
  nameFr: products.nameFr,
  nameEn: products.nameEn,
  descriptionFr: products.descriptionFr,
  descriptionEn: products.descriptionEn,
  brand: products.brand,
  categoryId: products.categoryId,
  images: products.images,
  withdrawnAt: products.withdrawnAt,
  version: products.version,
};

const skuColumns = {
  id: skus.id,
  productId: skus.productId,
  ean13: skus.ean13,
  size: skus.size,
  colour: skus.colour,
  priceCents: skus.priceCents,
  version: skus.version,
};

export type ProductRow = Awaited<ReturnType<typeof lockProduct>>;

/** The product, locked for this transaction (so its "before" is the row the UPDATE changes). */
export async function lockProduct(tx: Db, productId: number) {
  const [row] = await tx.select(productColumns).from(products).where(eq(products.id, productId)).for('update');
  if (!row) throw new CatalogNotFoundError('product');
  return row;
}

async function lockSku(tx: Db, skuId: number) {
  const [row] = await tx.select(skuColumns).from(skus).where(eq(skus.id, skuId)).for('update');
  if (!row) throw new CatalogNotFoundError('sku');
  return row;
}

function pick<T extends object, K extends keyof T>(row: T, keys: readonly K[]): Pick<T, K> {
  return Object.fromEntries(keys.map((k) => [k, row[k]])) as Pick<T, K>;
}

const PRODUCT_KEYS = ['nameFr', 'nameEn', 'descriptionFr', 'descriptionEn', 'brand', 'categoryId'] as const;
const SKU_KEYS = ['priceCents', 'size', 'colour', 'ean13'] as const;

const sameFields = (a: object, b: object) => JSON.stringify(a) === JSON.stringify(b);

/** Names, descriptions (French and English), brand and department of a product, from a form read at `version`. */
export async function updateProduct(actor: AuditActor, e: { productId: number; version: number } & ProductFields): Promise<Edited> {
  return transaction(async (tx) => {
    const before = await lockProduct(tx, e.productId);
    if (before.version !== e.version) throw new StaleEditError('product');
    const next = pick(e, PRODUCT_KEYS);
    const was = pick(before, PRODUCT_KEYS);
    if (sameFields(next, was)) return { changed: false, version: before.version };
    const [after] = await tx
      .update(products)
      .set(next)
      .where(and(eq(products.id, e.productId), eq(products.version, e.version)))
      .returning({ version: products.version });
    if (!after) throw new StaleEditError('product');
    await recordAudit(tx, { actor, entity: 'product', entityId: e.productId, productId: e.productId, action: 'update', before: was, after: next });
    return { changed: true, version: after.version };
  });
}

/** A SKU's price, size, colour and barcode (EAN-13, its check digit verified), from a form read at `version`. */
export async function updateSku(actor: AuditActor, e: { skuId: number; version: number } & SkuFields): Promise<Edited> {
  if (!isValidEan13(e.ean13)) throw new Error('updateSku: the EAN-13 must be checked by the caller');
  if (!Number.isSafeInteger(e.priceCents) || e.priceCents <= 0) throw new Error('updateSku: priceCents must be a positive whole number');
  try {
    return await transaction(async (tx) => {
      const before = await lockSku(tx, e.skuId);
      if (before.version !== e.version) throw new StaleEditError('sku');
      const next = pick(e, SKU_KEYS);
      const was = pick(before, SKU_KEYS);
      if (sameFields(next, was)) return { changed: false, version: before.version };
      const [after] = await tx
        .update(skus)
        .set(next)
        .where(and(eq(skus.id, e.skuId), eq(skus.version, e.version)))
        .returning({ version: skus.version });
      if (!after) throw new StaleEditError('sku');
      await recordAudit(tx, { actor, entity: 'sku', entityId: e.skuId, productId: before.productId, action: 'update', before: was, after: next });
      return { changed: true, version: after.version };
    });
  } catch (err) {
    if (pgErrorCode(err) === PG_UNIQUE_VIOLATION) throw new EanTakenError(e.ean13);
    throw err;
  }
}

/**
 * Withdraws a product from sale (its pages answer 404, no list, search or cart has it) or puts it
 * back. Conditional on its state, so a second click changes nothing and writes no second line.
 */
export async function setProductWithdrawn(actor: AuditActor, e: { productId: number; withdrawn: boolean }): Promise<Edited> {
  return transaction(async (tx) => {
    const before = await lockProduct(tx, e.productId);
    const [after] = await tx
      .update(products)
      .set({ withdrawnAt: e.withdrawn ? sql`now()` : null })
      .where(and(eq(products.id, e.productId), e.withdrawn ? isNull(products.withdrawnAt) : isNotNull(products.withdrawnAt)))
      .returning({ version: products.version, withdrawnAt: products.withdrawnAt });
    if (!after) return { changed: false, version: before.version };
    await recordAudit(tx, {
      actor,
      entity: 'product',
      entityId: e.productId,
      productId: e.productId,
      action: e.withdrawn ? 'withdraw' : 'restore',
      before: { withdrawnAt: before.withdrawnAt },
      after: { withdrawnAt: after.withdrawnAt },
    });
    return { changed: true, version: after.version };
  });
}
