import 'server-only';
import { sql } from 'drizzle-orm';
import { getDb } from '@/lib/db';

export type StaffStockRow = {
  skuId: number;
  productId: number;
  productSlug: string;
  nameFr: string;
  nameEn: string;
  brand: string;
  size: string | null;
  colour: string | null;
  ean13: string;
  /** The one price, web and shops alike. */
  priceCents: number;
  onHand: number;
  reserved: number;
  available: number;
  /** When this location's figure last changed; null when it has never held the SKU. */
  updatedAt: Date | null;
};

type Row = {
  sku_id: number;
  product_id: number;
  slug: string;
  name_fr: string;
  name_en: string;
  brand: string;
  size: string | null;
  colour: string | null;
  ean13: string;
  price_cents: number;
  on_hand: number;
  reserved: number;
  updated_at: Date | string | null;
};

function toStaffStockRow(r: Row): StaffStockRow {
  return {
    skuId: r.sku_id,
    productId: r.product_id,
    productSlug: r.slug,
    nameFr: r.name_fr,
    nameEn: r.name_en,
    brand: r.brand,
    size: r.size,
    colour: r.colour,
    ean13: r.ean13,
    priceCents: r.price_cents,
    onHand: r.on_hand,
    reserved: r.reserved,
    available: r.on_hand - r.reserved,
    updatedAt: r.updated_at === null ? null : new Date(r.updated_at),
  };
}

const SELECT_STAFF_STOCK = sql`
  SELECT k.id AS sku_id, p.id AS product_id, p.slug, p.name_fr, p.name_en, p.brand, k.size, k.colour, k.ean13, k.price_cents,
         coalesce(s.on_hand, 0) AS on_hand, coalesce(s.reserved, 0) AS reserved, s.updated_at
  FROM skus k
  JOIN products p ON p.id = k.product_id`;

export const LOOKUP_LIMIT = 20;

const EAN13 = /^\d{13}$/;

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * What a handheld shows after a scan or a typed name: the SKUs and this location's figures.
 * A 13-digit query is a barcode (exact match); anything else searches product names in both
 * languages and brands (full text, plus a substring match for partial words like "chauss").
 * SKUs the location has never held show 0, so a first delivery can be recorded from here.
 */
export async function lookupStock({ locationId, query }: { locationId: number; query: string }): Promise<StaffStockRow[]> {
  const q = query.trim().slice(0, 100);
  if (!q) return [];
  const db = await getDb();
  const like = `%${escapeLike(q)}%`;
  const match = EAN13.test(q)
    ? sql`k.ean13 = ${q}`
    : sql`(p.search @@ websearch_to_tsquery('french'::regconfig, ${q})
           OR p.search @@ websearch_to_tsquery('english'::regconfig, ${q})
           OR p.name_fr ILIKE ${like} OR p.name_en ILIKE ${like} OR p.brand ILIKE ${like})`;
  // Products whose name or brand holds the words come before those matched by description only.
  const nameFirst = EAN13.test(q) ? sql`(k.ean13 = ${q})` : sql`(p.name_fr ILIKE ${like} OR p.name_en ILIKE ${like} OR p.brand ILIKE ${like})`;
  const result = await db.execute<Row>(sql`
    ${SELECT_STAFF_STOCK}
    LEFT JOIN stock s ON s.sku_id = k.id AND s.location_id = ${locationId}
    WHERE ${match}
    ORDER BY ${nameFirst} DESC, p.name_fr, k.position, k.id
    LIMIT ${LOOKUP_LIMIT}`);
  return result.rows.map(toStaffStockRow);
}

/** One SKU at one location, for the confirmation message after a staff action. */
export async function getStaffStockRow(locationId: number, skuId: number): Promise<StaffStockRow | null> {
  const db = await getDb();
  const result = await db.execute<Row>(sql`
    ${SELECT_STAFF_STOCK}
    LEFT JOIN stock s ON s.sku_id = k.id AND s.location_id = ${locationId}
    WHERE k.id = ${skuId}`);
  const r = result.rows[0];
  return r ? toStaffStockRow(r) : null;
}
