import 'server-only';
import { and, asc, desc, eq, or, sql, type SQLWrapper } from 'drizzle-orm';
import { catalogSkus } from '@/lib/catalog/read';
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
      skuId: catalogSkus.id,
      productId: catalogSkus.productId,
      productSlug: catalogSkus.slug,
      nameFr: catalogSkus.nameFr,
      nameEn: catalogSkus.nameEn,
      brand: catalogSkus.brand,
      size: catalogSkus.size,
      colour: catalogSkus.colour,
      ean13: catalogSkus.ean13,
      priceCents: catalogSkus.priceCents,
      onHand: sql<number>`coalesce(${stock.onHand}, 0)`,
      reserved: sql<number>`coalesce(${stock.reserved}, 0)`,
      updatedAt: stock.updatedAt,
    })
    .from(catalogSkus)
    .leftJoin(stock, and(eq(stock.skuId, catalogSkus.id), eq(stock.locationId, locationId)));
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
  // Accents and capitals folded on both sides (comptoir_fold, migration 0024): « poele » finds « Poêle ».
  const folded = (column: SQLWrapper) => sql`comptoir_fold(${column}) LIKE comptoir_fold(${like})`;
  const inName = or(folded(catalogSkus.nameFr), folded(catalogSkus.nameEn), folded(catalogSkus.brand))!;
  const match = EAN13.test(q)
    ? eq(catalogSkus.ean13, q)
    : or(
        sql`${catalogSkus.search} @@ websearch_to_tsquery('french'::regconfig, ${q})`,
        sql`${catalogSkus.search} @@ websearch_to_tsquery('english'::regconfig, ${q})`,
        inName,
      );
  // Products whose name or brand holds the words come before those matched by description only.
  const nameFirst = EAN13.test(q) ? eq(catalogSkus.ean13, q) : inName;
  const rows = await selectStaffStock(db, locationId)
    .where(match)
    .orderBy(desc(nameFirst), asc(catalogSkus.nameFr), asc(catalogSkus.position), asc(catalogSkus.id))
    .limit(LOOKUP_LIMIT);
  return rows.map(withAvailable);
}

/** One SKU at one location, for the confirmation message after a staff action. */
export async function getStaffStockRow(locationId: number, skuId: number): Promise<StaffStockRow | null> {
  const db = await getDb();
  const [row] = await selectStaffStock(db, locationId).where(eq(catalogSkus.id, skuId));
  return row ? withAvailable(row) : null;
}
