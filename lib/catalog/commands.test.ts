import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAudit } from '@/lib/audit/queries';
import { createCatalogExpiry, type CatalogExpiry, type Expiry } from '@/lib/cache/catalog-expiry';
import type { ListenSource } from '@/lib/events/transport';
import { onPostgres, useTestDatabase } from '@/test/support/db';
import { insertCategory, insertProduct } from '@/test/support/fixtures';
import { setProductWithdrawn, updateProduct, updateSku } from './commands';
import { EanTakenError, StaleEditError } from './errors';

let conn: Awaited<ReturnType<typeof useTestDatabase>>;
let expiry: CatalogExpiry;
let calls: Expiry[] = [];
let shoes: number;
let coats: number;
const claire = { type: 'user', userId: 7, name: 'Claire Dubois' } as const;

const one = async <T>(q: ReturnType<typeof sql>) => (await conn.db.execute(q)).rows[0] as T;

async function expiredAfter(change: () => Promise<unknown>, ms = 3_000): Promise<string[]> {
  calls = [];
  await change();
  const deadline = Date.now() + ms;
  while (calls.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
  await new Promise((r) => setTimeout(r, 100)); // the insert's own announcement, if it came apart
  await expiry.settled();
  return [...new Set(calls.flatMap((c) => c.tags))].sort();
}

const fields = (over: Partial<Parameters<typeof updateProduct>[1]> = {}) => ({
  nameFr: 'Veste de pluie',
  nameEn: 'Rain jacket',
  descriptionFr: 'Imperméable.',
  descriptionEn: 'Waterproof.',
  brand: 'Alpéa',
  categoryId: coats,
  ...over,
});

beforeAll(async () => {
  conn = await useTestDatabase();
  shoes = await insertCategory(conn.db, 'shoes');
  coats = await insertCategory(conn.db, 'coats');
  const source: ListenSource = conn.kind === 'pglite' ? { kind: 'pglite', client: conn.client } : { kind: 'postgres', config: conn.pool.options };
  expiry = createCatalogExpiry(source, async (e) => void calls.push(e), { repeatAfterMs: [] });
  await new Promise((r) => setTimeout(r, 300)); // LISTEN established
});

afterAll(async () => {
  await expiry?.stop();
  await conn?.drop();
});

describe('back-office product edits', () => {
  it('an edit writes the product and its audit line (before and after) together, and moves its version', async () => {
    const { productId } = await insertProduct(conn.db, { slug: 'veste-a', categoryId: shoes, nameFr: 'Veste', nameEn: 'Jacket' });
    const edited = await updateProduct(claire, { productId, version: 1, ...fields() });
    expect(edited).toEqual({ changed: true, version: 2 });
    const row = await one<{ name_en: string; category_id: number }>(sql`SELECT name_en, category_id FROM products WHERE id = ${productId}`);
    expect(row).toEqual({ name_en: 'Rain jacket', category_id: coats });
    const { lines } = await listAudit({ productId });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      actorType: 'user',
      actorName: 'Claire Dubois',
      entity: 'product',
      entityId: String(productId),
      action: 'update',
      before: { nameFr: 'Veste', nameEn: 'Jacket', categoryId: shoes },
      after: { nameFr: 'Veste de pluie', nameEn: 'Rain jacket', categoryId: coats },
    });
  });

  it('a form read before a colleague saved is refused, writes nothing, and keeps the colleague’s change', async () => {
    const { productId } = await insertProduct(conn.db, { slug: 'veste-b', categoryId: shoes, nameFr: 'Veste', nameEn: 'Jacket' });
    await updateProduct({ type: 'user', userId: 1 }, { productId, version: 1, ...fields({ nameEn: 'Colleague’s name' }) });
    await expect(updateProduct(claire, { productId, version: 1, ...fields({ nameEn: 'Stale name' }) })).rejects.toBeInstanceOf(StaleEditError);
    expect((await one<{ name_en: string }>(sql`SELECT name_en FROM products WHERE id = ${productId}`)).name_en).toBe('Colleague’s name');
    expect((await listAudit({ productId })).lines).toHaveLength(1);
  });

  it('any writer moves the version (an import, psql): a back-office form read before is stale', async () => {
    const { productId, skuIds } = await insertProduct(conn.db, { slug: 'veste-c', categoryId: shoes, nameFr: 'Veste', nameEn: 'Jacket' });
    await conn.db.execute(sql`UPDATE skus SET price_cents = 4200 WHERE id = ${skuIds[0]!}`);
    await conn.db.execute(sql`UPDATE products SET brand = 'Other' WHERE id = ${productId}`);
    await expect(
      updateSku(claire, { skuId: skuIds[0]!, version: 1, priceCents: 3900, size: null, colour: null, ean13: '4006381333931' }),
    ).rejects.toBeInstanceOf(StaleEditError);
    await expect(updateProduct(claire, { productId, version: 1, ...fields() })).rejects.toBeInstanceOf(StaleEditError);
    // Rewriting identical values is no change: the version stays.
    await conn.db.execute(sql`UPDATE products SET brand = brand WHERE id = ${productId}`);
    expect((await one<{ version: number }>(sql`SELECT version FROM products WHERE id = ${productId}`)).version).toBe(2);
  });

  it.runIf(onPostgres)('five colleagues saving the same SKU form at once (PostgreSQL): one is saved, four are told, one audit line', async () => {
    const { productId, skuIds } = await insertProduct(conn.db, { slug: 'veste-race', categoryId: shoes, nameFr: 'Veste', nameEn: 'Jacket' });
    const ean = '5901234123457';
    const outcomes = await Promise.allSettled(
      [2100, 2200, 2300, 2400, 2500].map((priceCents) =>
        updateSku(claire, { skuId: skuIds[0]!, version: 1, priceCents, size: null, colour: null, ean13: ean }),
      ),
    );
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    for (const o of outcomes) if (o.status === 'rejected') expect(o.reason).toBeInstanceOf(StaleEditError);
    expect((await listAudit({ productId })).lines).toHaveLength(1);
  });

  it('saving a form unchanged writes nothing and no audit line', async () => {
    const { productId } = await insertProduct(conn.db, { slug: 'veste-d', categoryId: coats, nameFr: 'Veste de pluie', nameEn: 'Rain jacket' });
    await conn.db.execute(sql`UPDATE products SET description_fr = 'Imperméable.', description_en = 'Waterproof.' WHERE id = ${productId}`);
    expect(await updateProduct(claire, { productId, version: 2, ...fields() })).toEqual({ changed: false, version: 2 });
    expect((await listAudit({ productId })).lines).toHaveLength(0);
  });

  it('a SKU’s price, size, colour and barcode, audited; a barcode another SKU carries is refused', async () => {
    const { productId, skuIds } = await insertProduct(conn.db, { slug: 'trail-e', categoryId: shoes, nameFr: 'Trail', nameEn: 'Trail', skus: [{}, {}] });
    const [a, b] = skuIds as [number, number];
    const edited = await updateSku(claire, { skuId: a, version: 1, priceCents: 4590, size: '42', colour: 'navy', ean13: '4006381333931' });
    expect(edited).toEqual({ changed: true, version: 2 });
    const line = (await listAudit({ productId })).lines[0]!;
    expect(line).toMatchObject({ entity: 'sku', entityId: String(a), before: { priceCents: 1999 }, after: { priceCents: 4590, ean13: '4006381333931' } });
    await expect(updateSku(claire, { skuId: b, version: 1, priceCents: 1999, size: null, colour: null, ean13: '4006381333931' })).rejects.toBeInstanceOf(
      EanTakenError,
    );
    expect((await listAudit({ productId })).lines).toHaveLength(1);
  });

  it('withdraw and restore: each once, audited; a second click changes nothing', async () => {
    const { productId } = await insertProduct(conn.db, { slug: 'veste-f', categoryId: shoes, nameFr: 'Veste', nameEn: 'Jacket' });
    expect((await setProductWithdrawn(claire, { productId, withdrawn: true })).changed).toBe(true);
    expect((await setProductWithdrawn(claire, { productId, withdrawn: true })).changed).toBe(false);
    expect((await one<{ w: boolean }>(sql`SELECT withdrawn_at IS NOT NULL AS w FROM products WHERE id = ${productId}`)).w).toBe(true);
    expect((await setProductWithdrawn(claire, { productId, withdrawn: false })).changed).toBe(true);
    const { lines } = await listAudit({ productId });
    expect(lines.map((l) => l.action)).toEqual(['restore', 'withdraw']);
  });

  it('the audit log refuses to be edited or deleted', async () => {
    const { productId } = await insertProduct(conn.db, { slug: 'veste-g', categoryId: shoes, nameFr: 'Veste', nameEn: 'Jacket' });
    await setProductWithdrawn(claire, { productId, withdrawn: true });
    const refusal = (q: ReturnType<typeof sql>) =>
      conn.db.execute(q).then(
        () => 'written',
        (err: Error & { cause?: Error }) => String(err.cause?.message ?? err.message),
      );
    expect(await refusal(sql`UPDATE audit_log SET action = 'nothing' WHERE product_id = ${productId}`)).toMatch(/audit_log_append_only/);
    expect(await refusal(sql`DELETE FROM audit_log WHERE product_id = ${productId}`)).toMatch(/audit_log_append_only/);
    expect((await listAudit({ productId })).lines).toHaveLength(1);
  });

  it('each edit expires the product’s pages (both languages, its SKU pages), its departments and the lists', async () => {
    // The earlier tests' announcements, heard before this one starts.
    await new Promise((r) => setTimeout(r, 500));
    await expiry.settled();
    const { productId, skuIds } = await insertProduct(conn.db, { slug: 'veste-h', categoryId: shoes, nameFr: 'Veste', nameEn: 'Jacket' });
    expect(
      await expiredAfter(() => updateSku(claire, { skuId: skuIds[0]!, version: 1, priceCents: 2500, size: null, colour: null, ean13: '5012345678900' })),
    ).toEqual(['catalog', 'category:shoes', 'product:veste-h']);
    expect(await expiredAfter(() => updateProduct(claire, { productId, version: 1, ...fields() }))).toEqual([
      'catalog',
      'category:coats',
      'category:shoes',
      'product:veste-h',
    ]);
    expect(await expiredAfter(() => setProductWithdrawn(claire, { productId, withdrawn: true }))).toEqual(['catalog', 'category:coats', 'product:veste-h']);
  });
});
