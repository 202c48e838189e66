import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAudit } from '@/lib/audit/queries';
import { useTestDatabase } from '@/test/support/db';
import { insertCategory, insertProduct } from '@/test/support/fixtures';
import { StaleEditError, TooManyPicturesError } from './errors';
import { addProductPicture, MAX_PICTURES, moveProductPicture, removeProductPicture } from './pictures';

let conn: Awaited<ReturnType<typeof useTestDatabase>>;
let categoryId: number;
const claire = { type: 'user', userId: 7, name: 'Claire' } as const;
const state = async (id: number) =>
  (await conn.db.execute(sql`SELECT images, version FROM products WHERE id = ${id}`)).rows[0] as { images: string[]; version: number };

beforeAll(async () => {
  conn = await useTestDatabase();
  categoryId = await insertCategory(conn.db, 'coats');
});
afterAll(async () => conn?.drop());

describe('a product’s pictures', () => {
  it('added last, moved, removed: each from the page’s version, each audited', async () => {
    const { productId } = await insertProduct(conn.db, { slug: 'veste-pic', categoryId, nameFr: 'Veste', nameEn: 'Jacket' });
    await addProductPicture(claire, { productId, version: 1, url: '/media/a' });
    await addProductPicture(claire, { productId, version: 2, url: '/media/b' });
    expect((await addProductPicture(claire, { productId, version: 3, url: '/media/b' })).changed).toBe(false);
    await moveProductPicture(claire, { productId, version: 3, index: 1, direction: 'up' });
    expect((await state(productId)).images).toEqual(['/media/b', '/media/a']);
    await expect(removeProductPicture(claire, { productId, version: 3, index: 0 })).rejects.toBeInstanceOf(StaleEditError);
    await removeProductPicture(claire, { productId, version: 4, index: 0 });
    expect(await state(productId)).toEqual({ images: ['/media/a'], version: 5 });
    const actions = (await listAudit({ productId })).lines.map((l) => l.action);
    expect(actions).toEqual(['picture_remove', 'picture_move', 'picture_add', 'picture_add']);
  });

  it(`keeps ${MAX_PICTURES} pictures at most`, async () => {
    const { productId } = await insertProduct(conn.db, { slug: 'veste-many', categoryId, nameFr: 'Veste', nameEn: 'Jacket' });
    const full = Array.from({ length: MAX_PICTURES }, (_, i) => `/media/${i}`);
    await conn.db.execute(sql`UPDATE products SET images = ${JSON.stringify(full)}::jsonb WHERE id = ${productId}`);
    await expect(addProductPicture(claire, { productId, version: 2, url: '/media/one-more' })).rejects.toBeInstanceOf(TooManyPicturesError);
  });
});
