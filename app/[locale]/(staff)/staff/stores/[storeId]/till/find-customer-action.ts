'use server';
import { assertStaffOfStore } from '@/lib/auth/guards';
import { interpolate } from '@/lib/i18n/format';
import { parseCustomerQuery } from '@/lib/sales/customer-query';
import { findShopperByEmail } from '@/lib/sales/queries';
import type { FindCustomerResult } from '@/components/staff/till/types';
import { idSchema, tillContext, tillRefusal } from './till-action-support';

/** The customer at the counter, by loyalty card number or email: staff of this store only. */
export async function findCustomerAction(rawStoreId: number, query: string): Promise<FindCustomerResult> {
  const { userId, t } = await tillContext();
  if (userId === null) return { ok: false, message: t.till.signInAgain };
  const storeId = idSchema.safeParse(rawStoreId);
  if (!storeId.success) return { ok: false, message: t.till.notYourStore };
  const parsed = parseCustomerQuery(String(query ?? '').slice(0, 300));
  if (parsed.kind === 'invalid') {
    if (parsed.reason === 'card_length') return { ok: false, message: interpolate(t.till.cardLength, { count: parsed.digits }) };
    return { ok: false, message: parsed.reason === 'card_check_digit' ? t.till.cardCheckDigit : t.till.customerFormat };
  }
  try {
    await assertStaffOfStore(userId, storeId.data);
    if (parsed.kind === 'card') return { ok: false, message: t.till.cardNotFound };
    const found = await findShopperByEmail(parsed.email);
    if (!found) return { ok: false, message: t.till.customerNotFound };
    return { ok: true, customer: { ...found, cardNumber: null, tier: null, balance: null } };
  } catch (err) {
    return tillRefusal(err, t);
  }
}
