import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAudit } from '@/lib/audit/queries';
import { onPostgres, useTestDatabase } from '@/test/support/db';
import { insertCategory, insertProduct } from '@/test/support/fixtures';
import { ScheduledPriceClosedError, ScheduledPriceInPastError } from './errors';
import { applyDuePriceChanges, cancelScheduledPriceChange, schedulePriceChange } from './scheduled-prices';

let conn: Awaited<ReturnType<typeof useTestDatabase>>;
let categoryId: number;
const claire = { type: 'user', userId: 7, name: 'Claire Dubois' } as const;

const priceOf = async (skuId: number) =>
  Number(((await conn.db.execute(sql`SELECT price_cents FROM skus WHERE id = ${skuId}`)).rows[0] as { price_cents: number }).price_cents);

/** A change already due (as if scheduled earlier): the form only takes moments to come. */
async function due(skuId: number, priceCents: number, agoSeconds = 60): Promise<number> {
  const r = await conn.db.execute<{ id: number }>(
    sql`INSERT INTO scheduled_price_changes (sku_id, price_cents, effective_at) VALUES (${skuId}, ${priceCents}, now() - make_interval(secs => ${agoSeconds})) RETURNING id`,
  );
  return Number(r.rows[0]!.id);
}

beforeAll(async () => {
  conn = await useTestDatabase();
  categoryId = await insertCategory(conn.db, 'coats');
});
afterAll(async () => conn?.drop());

describe('scheduled price changes', () => {
  it('a change for later is listed, not applied before its moment, and audited', async () => {
    const { productId, skuIds } = await insertProduct(conn.db, { slug: 'veste-1', categoryId, nameFr: 'Veste', nameEn: 'Jacket' });
    const { id } = await schedulePriceChange(claire, { skuId: skuIds[0]!, priceCents: 1500, effectiveAt: new Date(Date.now() + 3_600_000) });
    await applyDuePriceChanges();
    expect(await priceOf(skuIds[0]!)).toBe(1999);
    const [line] = (await listAudit({ productId })).lines;
    expect(line).toMatchObject({ entity: 'scheduled_price', entityId: String(id), action: 'schedule', after: { priceCents: 1500 } });
  });

  it('a moment already past is refused', async () => {
    const { skuIds } = await insertProduct(conn.db, { slug: 'veste-2', categoryId, nameFr: 'Veste', nameEn: 'Jacket' });
    await expect(schedulePriceChange(claire, { skuId: skuIds[0]!, priceCents: 1500, effectiveAt: new Date(Date.now() - 1000) })).rejects.toBeInstanceOf(
      ScheduledPriceInPastError,
    );
  });

  it('a due change is applied once, audited as the job, and its SKU’s version moves (an open form is stale)', async () => {
    const { productId, skuIds } = await insertProduct(conn.db, { slug: 'veste-3', categoryId, nameFr: 'Veste', nameEn: 'Jacket' });
    await due(skuIds[0]!, 1234);
    expect((await applyDuePriceChanges()).applied).toBeGreaterThanOrEqual(1);
    expect(await priceOf(skuIds[0]!)).toBe(1234);
    expect((await applyDuePriceChanges()).applied).toBe(0);
    const lines = (await listAudit({ productId })).lines;
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ actorType: 'job', entity: 'sku', action: 'apply', before: { priceCents: 1999 }, after: { priceCents: 1234 } });
    const version = ((await conn.db.execute(sql`SELECT version FROM skus WHERE id = ${skuIds[0]!}`)).rows[0] as { version: number }).version;
    expect(version).toBe(2);
  });

  it('two changes of one SKU due together: the later one’s price stays', async () => {
    const { skuIds } = await insertProduct(conn.db, { slug: 'veste-4', categoryId, nameFr: 'Veste', nameEn: 'Jacket' });
    await due(skuIds[0]!, 3000, 10);
    await due(skuIds[0]!, 2000, 120);
    await applyDuePriceChanges();
    expect(await priceOf(skuIds[0]!)).toBe(3000);
  });

  it('cancelled until applied; a cancelled or applied change cannot be cancelled (or applied) again', async () => {
    const { skuIds } = await insertProduct(conn.db, { slug: 'veste-5', categoryId, nameFr: 'Veste', nameEn: 'Jacket' });
    const { id } = await schedulePriceChange(claire, { skuId: skuIds[0]!, priceCents: 1500, effectiveAt: new Date(Date.now() + 3_600_000) });
    await cancelScheduledPriceChange(claire, id);
    await expect(cancelScheduledPriceChange(claire, id)).rejects.toBeInstanceOf(ScheduledPriceClosedError);
    await conn.db.execute(sql`UPDATE scheduled_price_changes SET effective_at = now() - interval '1 minute' WHERE id = ${id}`);
    await applyDuePriceChanges();
    expect(await priceOf(skuIds[0]!)).toBe(1999);
    const applied = await due(skuIds[0]!, 1700);
    await applyDuePriceChanges();
    await expect(cancelScheduledPriceChange(claire, applied)).rejects.toMatchObject({ state: 'applied' });
  });

  it.runIf(onPostgres)('two servers running the job at once apply each change once (PostgreSQL) — five rounds', async () => {
    const { productId, skuIds } = await insertProduct(conn.db, {
      slug: 'veste-race',
      categoryId,
      nameFr: 'Veste',
      nameEn: 'Jacket',
      skus: Array.from({ length: 8 }, () => ({})),
    });
    for (let round = 0; round < 5; round++) {
      for (const [i, skuId] of skuIds.entries()) await due(skuId, 1000 + round * 100 + i);
      const runs = await Promise.all([applyDuePriceChanges(), applyDuePriceChanges(), applyDuePriceChanges()]);
      expect(runs.reduce((n, r) => n + r.applied, 0)).toBe(skuIds.length);
      for (const [i, skuId] of skuIds.entries()) expect(await priceOf(skuId)).toBe(1000 + round * 100 + i);
    }
    const applies = (await listAudit({ productId, limit: 100 })).lines.filter((l) => l.action === 'apply');
    expect(applies).toHaveLength(skuIds.length * 5);
  });
});
