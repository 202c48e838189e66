import { sql } from 'drizzle-orm';
import type { Db } from '@/lib/db/client';
import type { StoreSummary } from '@/lib/stores/queries';

/** Small, explicit fixtures for domain tests (the full seed is tested on its own). */
export async function insertCategory(db: Db, slug: string, nameFr = slug, nameEn = slug): Promise<number> {
  const r = await db.execute<{ id: number }>(sql`INSERT INTO categories (slug, name_fr, name_en) VALUES (${slug}, ${nameFr}, ${nameEn}) RETURNING id`);
  return r.rows[0]!.id;
}

let eanCounter = 0;
function nextEan(): string {
  const base = `300000${String(++eanCounter).padStart(6, '0')}`;
  const sum = [...base].reduce((acc, d, i) => acc + Number(d) * (i % 2 ? 3 : 1), 0);
  return base + String((10 - (sum % 10)) % 10);
}

export async function insertProduct(
  db: Db,
  p: { slug: string; categoryId: number; nameFr: string; nameEn: string; brand?: string; skus?: { size?: string; colour?: string; priceCents?: number }[] },
): Promise<{ productId: number; skuIds: number[] }> {
  const r = await db.execute<{ id: number }>(sql`
    INSERT INTO products (slug, category_id, brand, name_fr, name_en, description_fr, description_en, images)
    VALUES (${p.slug}, ${p.categoryId}, ${p.brand ?? 'Alpéa'}, ${p.nameFr}, ${p.nameEn}, '', '', '[]') RETURNING id`);
  const productId = r.rows[0]!.id;
  const skuIds: number[] = [];
  for (const [i, s] of (p.skus ?? [{}]).entries()) {
    const k = await db.execute<{ id: number }>(sql`
      INSERT INTO skus (product_id, ean13, size, colour, price_cents, position)
      VALUES (${productId}, ${nextEan()}, ${s.size ?? null}, ${s.colour ?? null}, ${s.priceCents ?? 1999}, ${i}) RETURNING id`);
    skuIds.push(k.rows[0]!.id);
  }
  return { productId, skuIds };
}

export async function insertStore(
  db: Db,
  s: { slug: string; name?: string; town?: string; lat: number; lng: number; clickReserve?: boolean; drive?: boolean },
): Promise<number> {
  const l = await db.execute<{ id: number }>(
    sql`INSERT INTO locations (code, kind, name) VALUES (${s.slug.toUpperCase()}, 'store', ${s.name ?? s.slug}) RETURNING id`,
  );
  const id = l.rows[0]!.id;
  await db.execute(sql`
    INSERT INTO stores (location_id, slug, name, format, address, postcode, town, lat, lng, click_reserve, drive)
    VALUES (${id}, ${s.slug}, ${s.name ?? s.slug}, 'city', '1 rue de la Paix', '75002', ${s.town ?? 'Paris'},
            ${s.lat}, ${s.lng}, ${s.clickReserve ?? true}, ${s.drive ?? false})`);
  return id;
}

export async function insertWarehouse(db: Db): Promise<number> {
  const l = await db.execute<{ id: number }>(sql`INSERT INTO locations (code, kind, name) VALUES ('WEB', 'warehouse', 'Entrepôt web') RETURNING id`);
  return l.rows[0]!.id;
}

export async function setStock(db: Db, locationId: number, skuId: number, onHand: number, reserved = 0): Promise<void> {
  await db.execute(sql`
    INSERT INTO stock (location_id, sku_id, on_hand, reserved) VALUES (${locationId}, ${skuId}, ${onHand}, ${reserved})
    ON CONFLICT (location_id, sku_id) DO UPDATE SET on_hand = excluded.on_hand, reserved = excluded.reserved`);
}

export async function insertUser(db: Db, u: { email: string; name?: string; role?: 'shopper' | 'staff' | 'admin' }): Promise<number> {
  const r = await db.execute<{ id: number }>(sql`
    INSERT INTO users (email, name, password_hash, role) VALUES (${u.email}, ${u.name ?? u.email}, 'x', ${u.role ?? 'shopper'}) RETURNING id`);
  return r.rows[0]!.id;
}

/** Many shoppers at once (race tests): one statement, ids in order. */
export async function insertShoppers(db: Db, count: number, prefix = 'shopper'): Promise<number[]> {
  const r = await db.execute<{ id: number }>(sql`
    INSERT INTO users (email, name, password_hash, role)
    SELECT ${prefix} || g || '@example.com', ${prefix} || ' ' || g, 'x', 'shopper' FROM generate_series(1, ${count}) g
    RETURNING id`);
  return r.rows.map((x) => x.id).sort((a, b) => a - b);
}

/** A store as the pages read it (no database): Lyon Part-Dieu, a city store with drive and click & reserve. */
export function storeSummary(over: Partial<StoreSummary> = {}): StoreSummary {
  return {
    id: 12,
    slug: 'lyon-part-dieu',
    name: 'Comptoir Lyon Part-Dieu',
    format: 'city',
    address: '17 rue du Docteur Bouchut',
    postcode: '69003',
    town: 'Lyon',
    lat: 45.7607,
    lng: 4.8574,
    phone: '04 72 00 00 00',
    services: ['clickReserve', 'drive'],
    ...over,
  };
}
