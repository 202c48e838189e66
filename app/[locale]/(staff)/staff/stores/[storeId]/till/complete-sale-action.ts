'use server';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import type { CompleteSaleResult } from '@/components/staff/till/types';
import { staffAction } from '@/lib/actions/builder';
import { idSchema, idempotencyKeySchema } from '@/lib/actions/inputs';
import { refusalCode } from '@/lib/actions/refusals';
import { refuse } from '@/lib/actions/state';
import { findTillSale, ringUpSale } from '@/lib/sales/commands';
import { openCustomerPass } from '@/lib/sales/customer-pass';
import { parseTender, tenderSchema, walletTenderSchema } from './till-action-support';

const ticketSchema = z.object({
  storeId: idSchema,
  /** The sealed customer pass from findCustomerAction, or null for an anonymous sale. */
  customerPass: z.string().max(300).nullable(),
  idempotencyKey: idempotencyKeySchema,
  // Only what was rung up and how many: prices are read from the catalogue by the command.
  lines: z
    .array(z.object({ skuId: idSchema, quantity: z.number().int().min(1).max(99) }))
    .min(1)
    .max(50),
  redeemPoints: z.number().int().min(0).max(10_000_000),
  tender: tenderSchema,
  /** The wallet's part: the customer's store credit (a scanned card only) and a gift card's scanned code. */
  wallet: walletTenderSchema.optional(),
});

/** The ticket, and the names its lines show (for a refusal that names one). */
const argsSchema = z.tuple([ticketSchema, z.unknown().optional()]).transform(([ticket, names]) => ({ ...ticket, names }));
/** Which ticket this is: its key names it for good, whatever else the request says. */
const keySchema = z
  .tuple([ticketSchema.pick({ storeId: true, idempotencyKey: true })])
  .rest(z.unknown())
  .transform(([key]) => key);

/** A line's name as the ticket showed it (from the client: only ever put in a sentence). */
function nameOn(names: unknown, skuId: number): string | undefined {
  if (typeof names !== 'object' || names === null) return undefined;
  const name = (names as Record<number, unknown>)[skuId];
  return name === undefined || name === null ? undefined : String(name);
}

/**
 * Payment taken: the ticket becomes a sale (once, whatever the retries), then the receipt. A
 * ticket already sold answers with its sale before anything else is checked (the customer pass
 * may have lapsed, the lines on the screen may have changed): a ticket is completed once.
 */
export const completeSaleAction = staffAction('till')
  .call(argsSchema, (error, { t }) => {
    const empty = error.issues.some((i) => i.path[0] === 0 && i.path[1] === 'lines' && i.code === 'too_small');
    return refuse(empty ? t.till.emptyTicketError : t.till.invalidTicket);
  })
  .replay(keySchema, async ({ storeId, idempotencyKey }, { user }) => {
    const first = await findTillSale({ storeId, idempotencyKey, staffId: user.id });
    return first ? sold(storeId, first.saleId) : null;
  })
  .refused((refusal, { err }) => {
    // A line short of stock, or not sold here: the ticket marks it.
    const code = refusalCode(err);
    return code === 'out_of_stock' || code === 'not_stocked_here' ? { ...refusal, skuId: (err as { skuId: number }).skuId } : refusal;
  })
  .run(
    async ({
      input: { storeId, customerPass, idempotencyKey, lines, redeemPoints, tender: raw, wallet, names },
      user,
      t,
      nameProducts,
    }): Promise<CompleteSaleResult> => {
      nameProducts((skuId) => nameOn(names, skuId));
      const tender = parseTender(raw, t);
      if (!tender.ok) return tender.refusal;
      // Who the customer is comes from the server's own pass, for this till and this staff member.
      const customer = customerPass === null ? null : openCustomerPass(customerPass, { storeId, staffId: user.id });
      if (customerPass !== null && customer === null) return refuse(t.till.customerPassLapsed);
      const sale = await ringUpSale({
        storeId,
        staffId: user.id,
        customerId: customer?.customerId ?? null,
        identifiedBy: customer?.identifiedBy,
        lines,
        idempotencyKey,
        redeemPoints,
        tender: tender.tender,
        wallet,
      });
      return sold(storeId, sale.saleId);
    },
  );

/** The answer to a sold ticket, the first time and on every replay of its key: its receipt. */
function sold(storeId: number, saleId: number): CompleteSaleResult {
  revalidatePath(`/staff/stores/${storeId}`, 'layout');
  return { ok: true, saleId };
}
