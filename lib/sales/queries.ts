import 'server-only';
import { sql } from 'drizzle-orm';
import { getDb } from '@/lib/db';
import type { Locale } from '@/lib/i18n/config';

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

type Row = {
  id: number;
  source: 'reservation' | 'till';
  store_id: number;
  store_name: string;
  address: string;
  postcode: string;
  town: string;
  staff_name: string | null;
  customer_id: number | null;
  customer_name: string | null;
  customer_email: string | null;
  created_at: Date | string;
  total_cents: number;
  discount_cents: number;
  points_redeemed: number;
  points_earned: number;
};

/**
 * One sale as its receipt prints it, or null. Callers decide who may read it (staff of
 * `store.id`, checked by the page); the sale's own store is returned for that check.
 */
export async function getSaleReceipt(saleId: number, locale: Locale): Promise<SaleReceipt | null> {
  if (!Number.isSafeInteger(saleId) || saleId <= 0 || saleId > 2_147_483_647) return null;
  const db = await getDb();
  const head = await db.execute<Row>(sql`
    SELECT s.id, s.source, s.store_id, st.name AS store_name, st.address, st.postcode, st.town,
           staff.name AS staff_name, c.id AS customer_id, c.name AS customer_name, c.email AS customer_email,
           s.created_at, s.total_cents, s.discount_cents, s.points_redeemed, s.points_earned
    FROM sales s
    JOIN stores st ON st.location_id = s.store_id
    LEFT JOIN users staff ON staff.id = s.staff_id
    LEFT JOIN users c ON c.id = s.customer_id
    WHERE s.id = ${saleId}`);
  const r = head.rows[0];
  if (!r) return null;
  const lines = await db.execute<{
    sku_id: number;
    name: string;
    size: string | null;
    colour: string | null;
    ean13: string;
    quantity: number;
    unit_price_cents: number;
  }>(sql`
    SELECT l.sku_id, ${locale === 'fr' ? sql`p.name_fr` : sql`p.name_en`} AS name, k.size, k.colour, k.ean13, l.quantity, l.unit_price_cents
    FROM sale_lines l JOIN skus k ON k.id = l.sku_id JOIN products p ON p.id = k.product_id
    WHERE l.sale_id = ${saleId} ORDER BY l.id`);
  return {
    id: r.id,
    source: r.source,
    store: { id: r.store_id, name: r.store_name, address: r.address, postcode: r.postcode, town: r.town },
    staffName: r.staff_name,
    customer: r.customer_id === null ? null : { id: r.customer_id, name: r.customer_name ?? '', email: r.customer_email ?? '' },
    createdAt: new Date(r.created_at),
    lines: lines.rows.map((l) => ({
      skuId: l.sku_id,
      productName: l.name,
      size: l.size,
      colour: l.colour,
      ean13: l.ean13,
      quantity: l.quantity,
      unitPriceCents: l.unit_price_cents,
      lineCents: l.quantity * l.unit_price_cents,
    })),
    subtotalCents: r.total_cents + r.discount_cents,
    discountCents: r.discount_cents,
    totalCents: r.total_cents,
    pointsRedeemed: r.points_redeemed,
    pointsEarned: r.points_earned,
  };
}

/** A shopper account found by email at the till (the loyalty card, once joined, finds it too). */
export async function findShopperByEmail(email: string): Promise<{ id: number; name: string; email: string } | null> {
  const e = email.trim();
  if (!e || e.length > 254) return null;
  const db = await getDb();
  const r = await db.execute<{ id: number; name: string; email: string }>(sql`
    SELECT id, name, email FROM users WHERE lower(email) = lower(${e}) AND role = 'shopper'`);
  return r.rows[0] ?? null;
}

export async function findShopperById(id: number): Promise<{ id: number; name: string; email: string } | null> {
  const db = await getDb();
  const r = await db.execute<{ id: number; name: string; email: string }>(sql`SELECT id, name, email FROM users WHERE id = ${id} AND role = 'shopper'`);
  return r.rows[0] ?? null;
}

/** An item's price as the web sells it (the till's one price); null for an unknown SKU. */
export async function getTillItemPrice(skuId: number): Promise<number | null> {
  const db = await getDb();
  const r = await db.execute<{ price_cents: number }>(sql`SELECT price_cents FROM skus WHERE id = ${skuId}`);
  return r.rows[0]?.price_cents ?? null;
}
