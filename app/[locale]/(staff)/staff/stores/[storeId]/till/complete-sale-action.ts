'use server';
import { withOutageRefusal } from '@/lib/http/action-outage';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { interpolate } from '@/lib/i18n/format';
import { NotStockedHereError, OutOfStockError } from '@/lib/inventory/holds';
import { findTillSale, ringUpSale } from '@/lib/sales/commands';
import { openCustomerPass } from '@/lib/sales/customer-pass';
import type { CompleteSaleResult } from '@/components/staff/till/types';
import { idSchema, tillContext, tillRefusal } from './till-action-support';

const ticketSchema = z.object({
  storeId: idSchema,
  /** The sealed customer pass from findCustomerAction, or null for an anonymous sale. */
  customerPass: z.string().max(300).nullable(),
  idempotencyKey: z.uuid(),
  // Only what was rung up and how many: prices are read from the catalogue by the command.
  lines: z
    .array(z.object({ skuId: idSchema, quantity: z.number().int().min(1).max(99) }))
    .min(1)
    .max(50),
  redeemPoints: z.number().int().min(0).max(10_000_000),
});

/** Which ticket this is: its key names it for good, whatever else the request says. */
const ticketKeySchema = ticketSchema.pick({ storeId: true, idempotencyKey: true });

/**
 * Payment taken: the ticket becomes a sale (once, whatever the retries), then the receipt. A
 * ticket already sold answers with its sale before anything else is checked (the customer pass
 * may have lapsed, the lines on the screen may have changed): a ticket is completed once.
 */
async function completeSaleActionUnchecked(ticket: z.input<typeof ticketSchema>, names: Record<number, string>): Promise<CompleteSaleResult> {
  const { userId, t } = await tillContext();
  if (userId === null) return { ok: false, message: t.till.signInAgain };
  const keyed = ticketKeySchema.safeParse(ticket);
  if (keyed.success) {
    try {
      const first = await findTillSale({ ...keyed.data, staffId: userId });
      if (first) return sold(keyed.data.storeId, first.saleId);
    } catch (err) {
      return tillRefusal(err, t);
    }
  }
  const parsed = ticketSchema.safeParse(ticket);
  if (!parsed.success) {
    const empty = parsed.error.issues.some((i) => i.path[0] === 'lines' && i.code === 'too_small');
    return { ok: false, message: empty ? t.till.emptyTicketError : t.till.invalidTicket };
  }
  const { storeId, customerPass, idempotencyKey, lines, redeemPoints } = parsed.data;
  // Who the customer is comes from the server's own pass, for this till and this staff member.
  const customer = customerPass === null ? null : openCustomerPass(customerPass, { storeId, staffId: userId });
  if (customerPass !== null && customer === null) return { ok: false, message: t.till.customerPassLapsed };
  try {
    // ringUpSale checks this staff member belongs to the store named in the request.
    const sale = await ringUpSale({
      storeId,
      staffId: userId,
      customerId: customer?.customerId ?? null,
      identifiedBy: customer?.identifiedBy,
      lines,
      idempotencyKey,
      redeemPoints,
    });
    return sold(storeId, sale.saleId);
  } catch (err) {
    if (err instanceof OutOfStockError || err instanceof NotStockedHereError) {
      const product = String(names?.[err.skuId] ?? '').slice(0, 200) || `#${err.skuId}`;
      const message =
        err instanceof NotStockedHereError
          ? interpolate(t.till.notStockedLine, { product })
          : err.available > 0
            ? interpolate(t.till.outOfStockLine, { product, available: err.available })
            : interpolate(t.till.soldOutLine, { product });
      return { ok: false, message, skuId: err.skuId };
    }
    return tillRefusal(err, t);
  }
}

/** The answer to a sold ticket, the first time and on every replay of its key: its receipt. */
function sold(storeId: number, saleId: number): CompleteSaleResult {
  revalidatePath(`/staff/stores/${storeId}`, 'layout');
  return { ok: true, saleId };
}

/** A database that cannot be reached is answered with a refusal the screen shows (lib/http/action-outage.ts). */
export const completeSaleAction = withOutageRefusal(completeSaleActionUnchecked);
