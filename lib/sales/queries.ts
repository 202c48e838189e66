import 'server-only';
import { and, asc, eq, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { users } from '@/lib/auth/schema';
import { products, skus } from '@/lib/catalog/schema';
import { getDb } from '@/lib/db';
import type { Locale } from '@/lib/i18n/config';
import { stores } from '@/lib/stores/schema';
import { saleLines, sales } from './schema';

export type ReceiptLine = {
  skuId: number;
  productName: string;
  size: string | null;
  colour: string | null;
  ean13: string;
  quantity: number;
  unitPriceCents: number;
  lineCents: number;
};

export type SaleReceipt = {
  id: number;
  source: 'reservation' | 'till';
  store: { id: number; name: string; address: string; postcode: string; town: string };
  staffName: string | null;
  customer: { id: number; name: string; email: string } | null;
  createdAt: Date;
  lines: ReceiptLine[];
  subtotalCents: number;
  discountCents: number;
  totalCents: number;
  pointsRedeemed: number;
  pointsEarned: number;
};

/**
 * One sale as its receipt prints it, or null. Callers decide who may read it (staff of
 * `store.id`, checked by the page); the sale's own store is returned for that check.
 */
export async function getSaleReceipt(saleId: number, locale: Locale): Promise<SaleReceipt | null> {
  if (!Number.isSafeInteger(saleId) || saleId <= 0 || saleId > 2_147_483_647) return null;
  const db = await getDb();
  const staff = alias(users, 'staff');
  const customer = alias(users, 'customer');
  const [head] = await db
    .select({
      id: sales.id,
      source: sales.source,
      store: { id: stores.locationId, name: stores.name, address: stores.address, postcode: stores.postcode, town: stores.town },
      staffName: staff.name,
      customerId: customer.id,
      customerName: customer.name,
      customerEmail: customer.email,
      createdAt: sales.createdAt,
      totalCents: sales.totalCents,
      discountCents: sales.discountCents,
      pointsRedeemed: sales.pointsRedeemed,
      pointsEarned: sales.pointsEarned,
    })
    .from(sales)
    .innerJoin(stores, eq(stores.locationId, sales.storeId))
    .leftJoin(staff, eq(staff.id, sales.staffId))
    .leftJoin(customer, eq(customer.id, sales.customerId))
    .where(eq(sales.id, saleId));
  if (!head) return null;
  const lines = await db
    .select({
      skuId: saleLines.skuId,
      productName: locale === 'fr' ? products.nameFr : products.nameEn,
      size: skus.size,
      colour: skus.colour,
      ean13: skus.ean13,
      quantity: saleLines.quantity,
      unitPriceCents: saleLines.unitPriceCents,
    })
    .from(saleLines)
    .innerJoin(skus, eq(skus.id, saleLines.skuId))
    .innerJoin(products, eq(products.id, skus.productId))
    .where(eq(saleLines.saleId, saleId))
    .orderBy(asc(saleLines.id));
  const { customerId, customerName, customerEmail, ...sale } = head;
  return {
    ...sale,
    customer: customerId === null ? null : { id: customerId, name: customerName ?? '', email: customerEmail ?? '' },
    lines: lines.map((l) => ({ ...l, lineCents: l.quantity * l.unitPriceCents })),
    subtotalCents: sale.totalCents + sale.discountCents,
  };
}

const SHOPPER = { id: users.id, name: users.name, email: users.email };

/** A shopper account found by email at the till (the loyalty card, once joined, finds it too). */
export async function findShopperByEmail(email: string): Promise<{ id: number; name: string; email: string } | null> {
  const e = email.trim();
  if (!e || e.length > 254) return null;
  const db = await getDb();
  const [shopper] = await db
    .select(SHOPPER)
    .from(users)
    .where(and(sql`lower(${users.email}) = lower(${e})`, eq(users.role, 'shopper')));
  return shopper ?? null;
}

export async function findShopperById(id: number): Promise<{ id: number; name: string; email: string } | null> {
  const db = await getDb();
  const [shopper] = await db
    .select(SHOPPER)
    .from(users)
    .where(and(eq(users.id, id), eq(users.role, 'shopper')));
  return shopper ?? null;
}

/** An item's price as the web sells it (the till's one price); null for an unknown SKU. */
export async function getTillItemPrice(skuId: number): Promise<number | null> {
  const db = await getDb();
  const [sku] = await db.select({ priceCents: skus.priceCents }).from(skus).where(eq(skus.id, skuId));
  return sku?.priceCents ?? null;
}
