import 'server-only';
import { sql } from 'drizzle-orm';
import { getDb } from '@/lib/db';
import { getMediaStorage } from '@/lib/media/storage';

/** How long an unused picture is kept: an upload is saved to its product within the same request, an import's pictures within its run. */
export const UNUSED_PICTURE_GRACE_MS = 24 * 3600_000;

/** The pictures (their content hashes) some product shows: products.images holds their /media/p/<hash>/640.webp addresses. */
async function usedPictureHashes(): Promise<Set<string>> {
  const db = await getDb();
  // Raw SQL: the hashes inside a jsonb array of addresses, every product's (withdrawn ones included: they may come back).
  const { rows } = await db.execute<{ hash: string }>(sql`
    SELECT DISTINCT substring(address FROM '^/media/p/([0-9a-f]{32})/') AS hash
    FROM products, jsonb_array_elements_text(images) AS address
    WHERE address LIKE '/media/p/%'`);
  return new Set(rows.map((r) => r.hash).filter(Boolean));
}

/**
 * Removes the stored pictures no product shows any more (replaced, removed from its product, or
 * uploaded and never saved), once they are older than the grace: every size of them, from the folder
 * or the bucket. A background job (lib/jobs), daily.
 *
 * Safe against a picture being used again meanwhile: the store is listed first, then the products
 * are read, and each key's time is read once more just before it goes. Uploading a picture writes
 * it again (the same content is the same key), so one listed as old but uploaded again since is
 * seen as young and kept; one saved to a product before the products were read is seen as used.
 */
export async function removeUnusedPictures(opts: { graceMs?: number; now?: Date } = {}): Promise<{ removed: number }> {
  const cutoff = (opts.now ?? new Date()).getTime() - (opts.graceMs ?? UNUSED_PICTURE_GRACE_MS);
  const storage = getMediaStorage();
  const old: string[] = [];
  for await (const { key, writtenAt } of storage.list()) if (writtenAt.getTime() < cutoff) old.push(key);
  if (old.length === 0) return { removed: 0 };
  const used = await usedPictureHashes();
  let removed = 0;
  for (const key of old) {
    if (used.has(key.split('/')[1]!)) continue;
    const writtenAt = await storage.writtenAt(key);
    if (!writtenAt || writtenAt.getTime() >= cutoff) continue; // written again since it was listed
    await storage.remove(key);
    removed++;
  }
  return { removed };
}
