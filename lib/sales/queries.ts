import 'server-only';
import { and, asc, eq } from 'drizzle-orm';
import { findShopperByEmail as findShopperAccountByEmail, findShopperById as findShopperAccountById, userContacts } from '@/lib/auth/read';
import { catalogSkus, skuPrices } from '@/lib/catalog/read';
import { getDb } from '@/lib/db';
import type { Locale } from '@/lib/i18n/config';
import { storeFacts } from '@/lib/stores/read';
import { giftCardSoldWith } from '@/lib/wallet/read';
import { salePayments, saleLines, sales } from './schema';

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
  /** How it was paid (card first, then cash); empty for a sale not tendered at the till (a collected reservation). */
  payments: ReceiptPayment[];
  /** The gift card this sale sold at the till (its code is the card: the receipt hands it over), or null. */
  giftCard: { code: string; amountCents: number; expiresAt: Date } | null;
};

export type ReceiptPayment = {
  method: 'card' | 'cash' | 'store_credit' | 'gift_card';
  amountCents: number;
  givenCents: number | null;
  changeCents: number | null;
  cardLast4: string | null;
};

/**
 * One sale as its receipt prints it, or null. Callers decide who may read it (staff of
 * `store.id`, checked by the page); the sale's own store is returned for that check.
 */
export async function getSaleReceipt(saleId: number, locale: Locale): Promise<SaleReceipt | null> {
  if (!Number.isSafeInteger(saleId) || saleId <= 0 || saleId > 2_147_483_647) return null;
  const db = await getDb();
  const staff = userContacts('staff');
  const customer = userContacts('customer');
  const [head] = await db
    .select({
      id: sales.id,
      source: sales.source,
      store: { id: storeFacts.locationId, name: storeFacts.name, address: storeFacts.address, postcode: storeFacts.postcode, town: storeFacts.town },
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
    .innerJoin(storeFacts, eq(storeFacts.locationId, sales.storeId))
    .leftJoin(staff, eq(staff.id, sales.staffId))
    .leftJoin(customer, eq(customer.id, sales.customerId))
    .where(eq(sales.id, saleId));
  if (!head) return null;
  const lines = await db
    .select({
      skuId: saleLines.skuId,
      productName: locale === 'fr' ? catalogSkus.nameFr : catalogSkus.nameEn,
      size: catalogSkus.size,
      colour: catalogSkus.colour,
      ean13: catalogSkus.ean13,
      quantity: saleLines.quantity,
      unitPriceCents: saleLines.unitPriceCents,
    })
    .from(saleLines)
    .innerJoin(catalogSkus, eq(catalogSkus.id, saleLines.skuId))
    .where(eq(saleLines.saleId, saleId))
    .orderBy(asc(saleLines.id));
  const payments = await db
    .select({
      method: salePayments.method,
      amountCents: salePayments.amountCents,
      givenCents: salePayments.givenCents,
      changeCents: salePayments.changeCents,
      cardLast4: salePayments.cardLast4,
    })
    .from(salePayments)
    .where(eq(salePayments.saleId, saleId))
    .orderBy(asc(salePayments.method));
  const sold = await giftCardSoldWith(db, saleId);
  const { customerId, customerName, customerEmail, ...sale } = head;
  return {
    ...sale,
    customer: customerId === null ? null : { id: customerId, name: customerName ?? '', email: customerEmail ?? '' },
    lines: lines.map((l) => ({ ...l, lineCents: l.quantity * l.unitPriceCents })),
    subtotalCents: sale.totalCents + sale.discountCents,
    payments,
    giftCard: sold && { code: sold.code, amountCents: sold.amountCents, expiresAt: sold.expiresAt },
  };
}

/** A shopper account found by email at the till (the loyalty card, once joined, finds it too). */
export async function findShopperByEmail(email: string): Promise<{ id: number; name: string; email: string } | null> {
  return findShopperAccountByEmail(email);
}

export async function findShopperById(id: number): Promise<{ id: number; name: string; email: string } | null> {
  return findShopperAccountById(id);
}

/** An item's price as the web sells it (the till's one price); null for an unknown SKU. */
export async function getTillItemPrice(skuId: number): Promise<number | null> {
  const db = await getDb();
  return (await skuPrices(db, [skuId])).get(skuId) ?? null;
}

/** Whether the sale was made on this customer's account (the proxy's 404 for anyone else's receipt). */
export async function isCustomerSale(saleId: number, customerId: number): Promise<boolean> {
  if (!Number.isSafeInteger(saleId) || saleId <= 0 || saleId > 2_147_483_647 || !Number.isSafeInteger(customerId) || customerId <= 0) return false;
  const db = await getDb();
  const [mine] = await db
    .select({ id: sales.id })
    .from(sales)
    .where(and(eq(sales.id, saleId), eq(sales.customerId, customerId)));
  return mine !== undefined;
}
