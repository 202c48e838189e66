import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '@/lib/db/client';
import { useTestDatabase } from '@/test/support/db';
import { relayStockChanges } from '@/lib/events/stock-relay';
import { insertCategory, insertProduct, insertStore, insertWarehouse, setStock } from '@/test/support/fixtures';
import { getAvailabilitySnapshot, getStoreAvailability, getWarehouseAvailability, listNearbyAvailability } from './queries';
import { availabilityLevel } from './availability';

let conn: Awaited<ReturnType<typeof useTestDatabase>>;
let sku: number;
let web: number;
const ids: Record<string, number> = {};

beforeAll(async () => {
  conn = await useTestDatabase();
  const db = conn.db;
  const cat = await insertCategory(db, 'c');
  sku = (await insertProduct(db, { slug: 'p', categoryId: cat, nameFr: 'P', nameEn: 'P' })).skuIds[0]!;
  const towns = {
    lyon: [45.764, 4.8357],
    villeurbanne: [45.7719, 4.8902],
    vienne: [45.5255, 4.8745],
    grenoble: [45.1885, 5.7245],
    paris: [48.8566, 2.3522],
    lille: [50.6292, 3.0573],
    marseille: [43.2965, 5.3698],
  } as const;
  for (const [slug, [lat, lng]] of Object.entries(towns)) ids[slug] = await insertStore(db, { slug, lat, lng });
  await setStock(db, ids.lyon!, sku, 10, 1);
  await setStock(db, ids.villeurbanne!, sku, 2, 0);
  await setStock(db, ids.vienne!, sku, 3, 3);
  await setStock(db, ids.grenoble!, sku, 7, 0);
  // Marseille, Paris, Lille: no stock row — they do not sell it.
  web = await insertWarehouse(db);
  await setStock(db, web, sku, 120, 20);
});
afterAll(async () => conn?.drop());

describe('listNearbyAvailability', () => {
  it('lists the nearest stores first with distance and available units, excluding my store', async () => {
    const rows = await listNearbyAvailability({ skuId: sku, lat: 45.764, lng: 4.8357, limit: 5, excludeStoreId: ids.lyon! });
    expect(rows.map((r) => r.slug)).toEqual(['villeurbanne', 'vienne', 'grenoble', 'marseille', 'paris']);
    expect(rows.map((r) => r.available)).toEqual([2, 0, 7, null, null]);
    expect(rows[0]!.distanceKm).toBeGreaterThan(3);
    expect(rows[0]!.distanceKm).toBeLessThan(6);
    expect(rows[4]!.distanceKm).toBeGreaterThan(380);
    expect(rows[0]!.asOf).toMatch(/^\d{4}-\d\d-\d\dT/);
  });

  it('reads my store and the web warehouse', async () => {
    const mine = await getStoreAvailability(sku, ids.lyon!);
    expect(mine).toMatchObject({ slug: 'lyon', available: 9 });
    expect(await getStoreAvailability(sku, 999_999)).toBeNull();
    expect(await getWarehouseAvailability(sku)).toMatchObject({ locationId: web, available: 100 });
  });
});

describe('getAvailabilitySnapshot', () => {
  it('reads every (location, SKU) pair asked for in one go, the warehouse included', async () => {
    const items = await getAvailabilitySnapshot({ skuIds: [sku, 987_654], locationIds: [ids.lyon!, ids.paris!, 999_999], warehouse: true });
    expect(items.map((i) => [i.storeId, i.skuId, i.available])).toEqual(
      [
        [ids.lyon!, sku, 9],
        [ids.paris!, sku, null],
        [web, sku, 100],
      ].sort((a, b) => a[0]! - b[0]!),
    );
    expect(items.find((i) => i.storeId === ids.lyon)!.asOf).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(items.find((i) => i.storeId === ids.paris)!.asOf).toBeNull();
  });

  it('returns nothing when no location or no SKU is named', async () => {
    expect(await getAvailabilitySnapshot({ skuIds: [sku], locationIds: [] })).toEqual([]);
    expect(await getAvailabilitySnapshot({ skuIds: [], locationIds: [ids.lyon!], warehouse: true })).toEqual([]);
    expect(await getAvailabilitySnapshot({ skuIds: [sku], locationIds: [], warehouse: true })).toEqual([
      expect.objectContaining({ storeId: web, available: 100 }),
    ]);
  });
});

describe('availabilityLevel', () => {
  it('reads figures the way the shopper sees them', () => {
    expect([null, 0, -1, 1, 3, 4].map(availabilityLevel)).toEqual(['not_stocked', 'out', 'out', 'low', 'low', 'in_stock']);
  });
});

describe('stock events', () => {
  it('announces every committed stock change with location, SKU and available units', async () => {
    while ((await relayStockChanges(queryRows)) > 0); // the fixtures' own changes, before anyone listens
    const received: unknown[] = [];
    let stop: () => Promise<void>;
    if (conn.kind === 'pglite') {
      const unsub = await conn.client.listen('stock', (payload) => received.push(JSON.parse(payload)));
      stop = unsub;
    } else {
      const client = await conn.pool.connect();
      client.on('notification', (m) => received.push(JSON.parse(m.payload ?? 'null')));
      await client.query('LISTEN stock');
      stop = async () => {
        await client.query('UNLISTEN stock');
        client.release();
      };
    }
    const before = (
      await conn.db.execute<{ at: string }>(sql`SELECT updated_at::text AS at FROM stock WHERE location_id = ${ids.grenoble!} AND sku_id = ${sku}`)
    ).rows[0]!.at;
    await conn.db.execute(sql`UPDATE stock SET on_hand = on_hand - 1 WHERE location_id = ${ids.grenoble!} AND sku_id = ${sku}`);
    expect(await relayStockChanges(queryRows, undefined, { notify: true })).toBe(1); // what a server's relay does every few ms, for the fleet
    for (let i = 0; i < 50 && received.length === 0; i++) await new Promise((r) => setTimeout(r, 20));
    await stop();
    expect(received).toEqual([expect.objectContaining({ storeId: ids.grenoble, skuId: sku, available: 6 })]);
    const after = (
      await conn.db.execute<{ at: string }>(sql`SELECT updated_at::text AS at FROM stock WHERE location_id = ${ids.grenoble!} AND sku_id = ${sku}`)
    ).rows[0]!.at;
    expect(after >= before).toBe(true);
  });
});
