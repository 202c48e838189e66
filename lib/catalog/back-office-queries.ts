import 'server-only';
import { and, asc, count, desc, eq, exists, ilike, or, sql, type SQL } from 'drizzle-orm';
import { getDb } from '@/lib/db';
import type { Locale } from '@/lib/i18n/config';
import { productColumns } from './commands';
import { categories, products, scheduledPriceChanges, skus } from './schema';

/*
 * The back office's reads of the catalogue: every product, withdrawn ones included, found by name
 * (either language), brand or barcode, and one product whole for its edit page.
 */

export const ADMIN_PAGE_SIZE = 25;

export type AdminProductRow = {
  id: number;
  slug: string;
  nameFr: string;
  nameEn: string;
  brand: string;
  categoryFr: string;
  categoryEn: string;
  withdrawnAt: Date | null;
  image: string | null;
  minPriceCents: number | null;
  maxPriceCents: number | null;
};

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Products matching `q` (name, brand: anywhere in them; EAN: its digits, whole or a prefix), a page at a time. */
export async function listAdminProducts(q: {
  query?: string;
  page?: number;
  locale?: Locale;
}): Promise<{ rows: AdminProductRow[]; total: number; page: number; pages: number }> {
  const db = await getDb();
  const text = q.query?.trim().slice(0, 100) ?? '';
  let where: SQL | undefined;
  if (text) {
    const like = `%${escapeLike(text)}%`;
    const byText = or(ilike(products.nameFr, like), ilike(products.nameEn, like), ilike(products.brand, like));
    where = /^\d{4,13}$/.test(text)
      ? or(
          byText,
          exists(
            db
              .select({ one: sql`1` })
              .from(skus)
              .where(and(eq(skus.productId, products.id), sql`${skus.ean13} LIKE ${`${text}%`}`)),
          ),
        )
      : byText;
  }
  const [{ total } = { total: 0 }] = await db.select({ total: count() }).from(products).where(where);
  const pages = Math.max(1, Math.ceil(total / ADMIN_PAGE_SIZE));
  const page = Math.min(Math.max(1, Math.trunc(q.page ?? 1)), pages);
  const rows = await db
    .select({
      id: products.id,
      slug: products.slug,
      nameFr: products.nameFr,
      nameEn: products.nameEn,
      brand: products.brand,
      categoryFr: categories.nameFr,
      categoryEn: categories.nameEn,
      withdrawnAt: products.withdrawnAt,
      image: sql<string | null>`${products.images}->>0`,
      minPriceCents: sql<number | null>`(SELECT min(${skus.priceCents}) FROM ${skus} WHERE ${skus.productId} = ${products.id})`.mapWith(Number),
      maxPriceCents: sql<number | null>`(SELECT max(${skus.priceCents}) FROM ${skus} WHERE ${skus.productId} = ${products.id})`.mapWith(Number),
    })
    .from(products)
    .innerJoin(categories, eq(categories.id, products.categoryId))
    .where(where)
    .orderBy(asc(q.locale === 'en' ? products.nameEn : products.nameFr), asc(products.id))
    .limit(ADMIN_PAGE_SIZE)
    .offset((page - 1) * ADMIN_PAGE_SIZE);
  return { rows, total, page, pages };
}

export type AdminSku = { id: number; ean13: string; size: string | null; colour: string | null; priceCents: number; version: number };
export type ScheduledPrice = {
  id: number;
  skuId: number;
  priceCents: number;
  effectiveAt: Date;
  appliedAt: Date | null;
  cancelledAt: Date | null;
};

/** One product whole for its edit page: its fields and version, its SKUs, its scheduled prices; null when there is none. */
export async function getAdminProduct(productId: number) {
  if (!Number.isSafeInteger(productId) || productId <= 0 || productId > 2_147_483_647) return null;
  const db = await getDb();
  const [product] = await db.select(productColumns).from(products).where(eq(products.id, productId));
  if (!product) return null;
  const [skuRows, scheduled] = await Promise.all([
    db
      .select({ id: skus.id, ean13: skus.ean13, size: skus.size, colour: skus.colour, priceCents: skus.priceCents, version: skus.version })
      .from(skus)
      .where(eq(skus.productId, productId))
      .orderBy(asc(skus.position), asc(skus.id)),
    db
      .select({
        id: scheduledPriceChanges.id,
        skuId: scheduledPriceChanges.skuId,
        priceCents: scheduledPriceChanges.priceCents,
        effectiveAt: scheduledPriceChanges.effectiveAt,
        appliedAt: scheduledPriceChanges.appliedAt,
        cancelledAt: scheduledPriceChanges.cancelledAt,
      })
      .from(scheduledPriceChanges)
      .innerJoin(skus, eq(skus.id, scheduledPriceChanges.skuId))
      .where(eq(skus.productId, productId))
      .orderBy(desc(scheduledPriceChanges.effectiveAt))
      .limit(30),
  ]);
  return { ...product, skus: skuRows as AdminSku[], scheduled: scheduled as ScheduledPrice[] };
}

export type AdminProduct = NonNullable<Awaited<ReturnType<typeof getAdminProduct>>>;

/** Every department, for the edit form's list. */
export async function listAdminCategories(): Promise<{ id: number; nameFr: string; nameEn: string }[]> {
  const db = await getDb();
  return db
    .select({ id: categories.id, nameFr: categories.nameFr, nameEn: categories.nameEn })
    .from(categories)
    .orderBy(asc(categories.position), asc(categories.nameFr));
}

/** Product names by id (the audit log names the products its lines are about). */
export async function productNames(ids: number[]): Promise<Map<number, { nameFr: string; nameEn: string }>> {
  const unique = [...new Set(ids)].filter((id) => Number.isSafeInteger(id) && id > 0);
  if (unique.length === 0) return new Map();
  const db = await getDb();
  const rows = await db
    .select({ id: products.id, nameFr: products.nameFr, nameEn: products.nameEn })
    .from(products)
    .where(
      sql`${products.id} IN (${sql.join(
        unique.map((id) => sql`${id}`),
        sql`, `,
      )})`,
    );
  return new Map(rows.map((r) => [r.id, { nameFr: r.nameFr, nameEn: r.nameEn }]));
}
