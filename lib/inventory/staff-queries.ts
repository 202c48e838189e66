import 'server-only';
import { and, asc, desc, eq, ilike, or, sql } from 'drizzle-orm';
import { products, skus } from '@/lib/catalog/schema';
import { getDb, type Db } from '@/lib/db';
import { stock } from './schema';

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

/** Every SKU with this location's figures (0 where it has never held the SKU). */
function selectStaffStock(db: Db, locationId: number) {
  return db
    .select({
      skuId: skus.id,
      productId: products.id,
      productSlug: products.slug,
      nameFr: products.nameFr,
      nameEn: products.nameEn,
      brand: products.brand,
      size: skus.size,
      colour: skus.colour,
      ean13: skus.ean13,
      priceCents: skus.priceCents,
      onHand: sql<number>`coalesce(${stock.onHand}, 0)`,
      reserved: sql<number>`coalesce(${stock.reserved}, 0)`,
      updatedAt: stock.updatedAt,
    })
    .from(skus)
    .innerJoin(products, eq(products.id, skus.productId))
    .leftJoin(stock, and(eq(stock.skuId, skus.id), eq(stock.locationId, locationId)));
}

const withAvailable = <R extends { onHand: number; reserved: number }>(r: R) => ({ ...r, available: r.onHand - r.reserved });

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
  const inName = or(ilike(products.nameFr, like), ilike(products.nameEn, like), ilike(products.brand, like))!;
  const match = EAN13.test(q)
    ? eq(skus.ean13, q)
    : or(
        sql`${products.search} @@ websearch_to_tsquery('french'::regconfig, ${q})`,
        sql`${products.search} @@ websearch_to_tsquery('english'::regconfig, ${q})`,
        inName,
      );
  // Products whose name or brand holds the words come before those matched by description only.
  const nameFirst = EAN13.test(q) ? eq(skus.ean13, q) : inName;
  const rows = await selectStaffStock(db, locationId)
    .where(match)
    .orderBy(desc(nameFirst), asc(products.nameFr), asc(skus.position), asc(skus.id))
    .limit(LOOKUP_LIMIT);
  return rows.map(withAvailable);
}

/** One SKU at one location, for the confirmation message after a staff action. */
export async function getStaffStockRow(locationId: number, skuId: number): Promise<StaffStockRow | null> {
  const db = await getDb();
  const [row] = await selectStaffStock(db, locationId).where(eq(skus.id, skuId));
  return row ? withAvailable(row) : null;
}
