import 'server-only';
import { z } from 'zod';
import { idSchema, idempotencyKeySchema } from '@/lib/actions/inputs';
import { safeText } from '@/lib/input/text';

/** An item ordered for the customer at the counter: this till's shop, the sealed customer pass (findCustomerAction), what and how many, the attempt's key. */
export const customerItemRequest = z.object({
  storeId: idSchema,
  customerPass: safeText.min(1).max(300),
  skuId: idSchema,
  quantity: z.number().int().min(1).max(99),
  idempotencyKey: idempotencyKeySchema,
});

/**
 * The wallet's part of a payment at the till (lib/wallet/pay.ts): the customer's store credit —
 * spent only when their card was scanned (the sealed pass says so) — and a gift card's code, as
 * scanned or typed (its balance and expiry are the domain's to judge).
 */
export const walletTenderSchema = z.object({
  useStoreCredit: z.boolean(),
  giftCardCode: z.string().max(60).nullable(),
});
