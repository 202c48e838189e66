import 'server-only';
import { z } from 'zod';
import { wholeNumber } from '@/lib/input/integer';
import { ForbiddenError } from '@/lib/auth/errors';
import { getSessionUser } from '@/lib/auth/guards';
import { DomainError } from '@/lib/errors';
import type { Dictionary } from '@/lib/i18n/dictionary';
import { getI18n } from '@/lib/i18n/server';
import { CartKeyReusedError } from '@/lib/cart/errors';
import { interpolate } from '@/lib/i18n/format';
import { safeText } from '@/lib/input/text';
import { IdempotencyKeyReusedError } from '@/lib/inventory/commands';
import { InvalidRedemptionError, NotAMemberError, NotEnoughPointsError } from '@/lib/loyalty/errors';
import {
  CardRequiredForRedemptionError,
  InvalidTicketError,
  RedemptionExceedsTotalError,
  UnknownCustomerError,
  UnknownTillItemError,
} from '@/lib/sales/errors';

export const idSchema = wholeNumber(1, 2_147_483_647);

/** An item ordered for the customer at the counter: this till's shop, the sealed customer pass (findCustomerAction), what and how many, the attempt's key. */
export const customerItemRequest = z.object({
  storeId: idSchema,
  customerPass: safeText.min(1).max(300),
  skuId: idSchema,
  quantity: z.number().int().min(1).max(99),
  idempotencyKey: z.uuid(),
});

/** Who is asking and in which language; null when the session has lapsed. */
export async function tillContext(): Promise<{ userId: number | null; t: Dictionary; locale: 'fr' | 'en' }> {
  const [{ locale, t }, user] = await Promise.all([getI18n(), getSessionUser()]);
  return { userId: user?.id ?? null, t, locale };
}

/** Expected refusals as a sentence for the person at the till; anything else is a bug, rethrown. */
export function tillRefusal(err: unknown, t: Dictionary): { ok: false; message: string } {
  if (err instanceof ForbiddenError) return { ok: false, message: t.till.notYourStore };
  if (err instanceof UnknownTillItemError) return { ok: false, message: t.till.unknownItem };
  if (err instanceof UnknownCustomerError) return { ok: false, message: t.till.customerNotFound };
  if (err instanceof InvalidTicketError) return { ok: false, message: t.till.invalidTicket };
  if (err instanceof IdempotencyKeyReusedError || err instanceof CartKeyReusedError) return { ok: false, message: t.till.keyReused };
  if (err instanceof NotAMemberError) return { ok: false, message: t.till.notAMember };
  if (err instanceof NotEnoughPointsError) {
    return { ok: false, message: interpolate(t.till.notEnoughPoints, { balance: err.balance, requested: err.requested }) };
  }
  if (err instanceof InvalidRedemptionError) return { ok: false, message: interpolate(t.till.invalidRedemption, { step: err.stepPoints }) };
  if (err instanceof CardRequiredForRedemptionError) return { ok: false, message: t.till.cardRequired };
  if (err instanceof RedemptionExceedsTotalError) return { ok: false, message: t.till.redeemExceedsTotal };
  if (err instanceof DomainError) return { ok: false, message: err.message };
  throw err;
}
