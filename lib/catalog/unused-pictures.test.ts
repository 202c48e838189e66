import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { folderStorage } from '@/lib/media/folder';
import { pictureKey, pictureUrl, PICTURE_SIZES } from '@/lib/media/paths';
import { setMediaStorage, type MediaStorage } from '@/lib/media/storage';
import { useTestDatabase } from '@/test/support/db';
import { insertCategory, insertProduct } from '@/test/support/fixtures';
import { removeUnusedPictures } from './unused-pictures';

/* Pictures no product shows any more are removed a day after they were last written; the others stay. */

let conn: Awaited<ReturnType<typeof useTestDatabase>>;
let dir: string;
let storage: MediaStorage;
let product: number;
const DAY = 24 * 3600_000;
const hash = (n: number) => n.toString(16).padStart(32, '0');

/** Every size of picture `n`, written `ageMs` ago. */
async function stored(n: number, ageMs: number): Promise<void> {
  for (const size of PICTURE_SIZES) {
    const key = pictureKey(hash(n), size);
    await storage.put(key, Buffer.from(`picture ${n} at ${size}`), 'image/webp');
    const at = new Date(Date.now() - ageMs);
    fs.utimesSync(path.join(dir, key), at, at);
  }
}
const present = (n: number) => PICTURE_SIZES.map((size) => fs.existsSync(path.join(dir, pictureKey(hash(n), size))));

beforeAll(async () => {
  conn = await useTestDatabase();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'comptoir-unused-'));
  storage = folderStorage(dir);
  setMediaStorage(storage);
  const cat = await insertCategory(conn.db, 'c');
  product = (await insertProduct(conn.db, { slug: 'veste', categoryId: cat, nameFr: 'Veste', nameEn: 'Jacket' })).productId;
  await insertProduct(conn.db, { slug: 'retiree', categoryId: cat, nameFr: 'Retirée', nameEn: 'Withdrawn' });
});
afterAll(async () => {
  setMediaStorage(undefined);
  fs.rmSync(dir, { recursive: true, force: true });
  await conn?.drop();
});

describe('removing the pictures no product shows', () => {
  it('removes every size of an old unused picture; keeps the ones a product shows (withdrawn too) and the young ones', async () => {
    await stored(1, 2 * DAY); // shown by a product
    await stored(2, 2 * DAY); // shown by a withdrawn product: it may come back
    await stored(3, 2 * DAY); // replaced long ago
    await stored(4, 60_000); // just uploaded, not saved to its product yet
    // Raw SQL: the products' pictures as the back office saves them.
    await conn.db.execute(sql`UPDATE products SET images = ${JSON.stringify([pictureUrl(hash(1)), '/img/p/drawn.svg'])}::jsonb WHERE id = ${product}`);
    await conn.db.execute(sql`UPDATE products SET images = ${JSON.stringify([pictureUrl(hash(2))])}::jsonb, withdrawn_at = now() WHERE slug = 'retiree'`);
    fs.writeFileSync(path.join(dir, 'p', hash(3), 'stray.txt'), 'not a picture'); // not a key this app writes

    expect(await removeUnusedPictures()).toEqual({ removed: 3 });
    expect(present(1)).toEqual([true, true, true]);
    expect(present(2)).toEqual([true, true, true]);
    expect(present(3)).toEqual([false, false, false]);
    expect(present(4)).toEqual([true, true, true]);
    expect(fs.existsSync(path.join(dir, 'p', hash(3), 'stray.txt'))).toBe(true);
    expect(await removeUnusedPictures()).toEqual({ removed: 0 });
    // A day on, the picture never saved goes too; the folder of each removed picture with it.
    expect(await removeUnusedPictures({ now: new Date(Date.now() + DAY) })).toEqual({ removed: 3 });
    expect(present(4)).toEqual([false, false, false]);
    expect(fs.existsSync(path.join(dir, 'p', hash(4)))).toBe(false);
  });

  it('keeps a picture listed as old but written again before its removal (uploaded anew)', async () => {
    await stored(5, 2 * DAY);
    const real = storage.writtenAt;
    // The upload lands between the list and the removal: the key's time read again is now.
    setMediaStorage({ ...storage, writtenAt: async (key) => (key.includes(hash(5)) ? new Date() : real(key)) });
    try {
      expect(await removeUnusedPictures()).toEqual({ removed: 0 });
    } finally {
      setMediaStorage(storage);
    }
    expect(present(5)).toEqual([true, true, true]);
  });

  it('does nothing on an empty store', async () => {
    setMediaStorage(folderStorage(path.join(dir, 'none')));
    try {
      expect(await removeUnusedPictures()).toEqual({ removed: 0 });
    } finally {
      setMediaStorage(storage);
    }
  });
});
