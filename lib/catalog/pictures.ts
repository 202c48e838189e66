import 'server-only';
import { and, eq } from 'drizzle-orm';
import { recordAudit, type AuditActor } from '@/lib/audit/record';
import { transaction } from '@/lib/db';
import { lockProduct } from './commands';
import { CatalogNotFoundError, StaleEditError, TooManyPicturesError } from './errors';
import { products } from './schema';

/*
 * A product's pictures: the ordered addresses in products.images (the first is the main one),
 * changed like the rest of the product — from the page's version, audited, its pages expired by
 * the database's announcement. The files themselves are content-addressed and kept (lib/media):
 * the audit log's "before" still names them, and another product may show the same picture.
 */

export const MAX_PICTURES = 12;

async function setImages(
  actor: AuditActor,
  e: { productId: number; version: number },
  action: 'picture_add' | 'picture_move' | 'picture_remove',
  change: (images: string[]) => string[],
): Promise<{ changed: boolean }> {
  return transaction(async (tx) => {
    const before = await lockProduct(tx, e.productId);
    if (before.version !== e.version) throw new StaleEditError('product');
    const next = change(before.images);
    if (JSON.stringify(next) === JSON.stringify(before.images)) return { changed: false };
    const [after] = await tx
      .update(products)
      .set({ images: next })
      .where(and(eq(products.id, e.productId), eq(products.version, e.version)))
      .returning({ version: products.version });
    if (!after) throw new StaleEditError('product');
    await recordAudit(tx, {
      actor,
      entity: 'product',
      entityId: e.productId,
      productId: e.productId,
      action,
      before: { images: before.images },
      after: { images: next },
    });
    return { changed: true };
  });
}

/** Adds a stored picture last (first when the product has none); the same one twice is kept once. */
export function addProductPicture(actor: AuditActor, e: { productId: number; version: number; url: string }) {
  return setImages(actor, e, 'picture_add', (images) => {
    if (images.includes(e.url)) return images;
    if (images.length >= MAX_PICTURES) throw new TooManyPicturesError(MAX_PICTURES);
    return [...images, e.url];
  });
}

/** Moves the picture at `index` one place up (towards the main picture) or down. */
export function moveProductPicture(actor: AuditActor, e: { productId: number; version: number; index: number; direction: 'up' | 'down' }) {
  return setImages(actor, e, 'picture_move', (images) => {
    if (e.index < 0 || e.index >= images.length) throw new CatalogNotFoundError('picture');
    const to = e.direction === 'up' ? e.index - 1 : e.index + 1;
    if (to < 0 || to >= images.length) return images;
    const next = [...images];
    [next[e.index], next[to]] = [next[to]!, next[e.index]!];
    return next;
  });
}

/** Removes the picture at `index` from the product. */
export function removeProductPicture(actor: AuditActor, e: { productId: number; version: number; index: number }) {
  return setImages(actor, e, 'picture_remove', (images) => {
    if (e.index < 0 || e.index >= images.length) throw new CatalogNotFoundError('picture');
    return images.filter((_, i) => i !== e.index);
  });
}
