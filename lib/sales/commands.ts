import 'server-only';
import { sql } from 'drizzle-orm';
import type { Db } from '@/lib/db';

export type SaleLineInput = { skuId: number; quantity: number; unitPriceCents: number };

/**
 * Records a shop sale against the customer, inside the caller's transaction (the stock change and
 * the sale commit together). A reservation is sold at most once: `sales.reservation_id` is unique.
 */
export async function recordStoreSale(
  tx: Db,
  sale: { storeId: number; customerId: number | null; staffId: number | null; reservationId: number | null; lines: SaleLineInput[] },
): Promise<{ saleId: number; totalCents: number }> {
  const totalCents = sale.lines.reduce((sum, l) => sum + l.quantity * l.unitPriceCents, 0);
  const inserted = await tx.execute<{ id: number }>(sql`
    INSERT INTO sales (channel, store_id, customer_id, staff_id, source, reservation_id, total_cents)
    VALUES ('store', ${sale.storeId}, ${sale.customerId}, ${sale.staffId},
            ${sale.reservationId === null ? 'till' : 'reservation'}, ${sale.reservationId}, ${totalCents})
    RETURNING id`);
  const saleId = inserted.rows[0]!.id;
  for (const l of sale.lines) {
    await tx.execute(sql`
      INSERT INTO sale_lines (sale_id, sku_id, quantity, unit_price_cents)
      VALUES (${saleId}, ${l.skuId}, ${l.quantity}, ${l.unitPriceCents})`);
  }
  return { saleId, totalCents };
}
