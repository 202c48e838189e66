'use server';
import { withOutageRefusal } from '@/lib/http/action-outage';
import { assertStaffOfStore } from '@/lib/auth/guards';
import { interpolate } from '@/lib/i18n/format';
import { isSafeText } from '@/lib/input/text';
import { findMemberByCardNumber, findMemberByEmail } from '@/lib/loyalty/queries';
import { parseCustomerQuery } from '@/lib/sales/customer-query';
import { sealCustomerPass } from '@/lib/sales/customer-pass';
import { findShopperByEmail } from '@/lib/sales/queries';
import type { FindCustomerResult } from '@/components/staff/till/types';
import { idSchema, tillContext, tillRefusal } from './till-action-support';

/** The customer at the counter, by loyalty card number or email: staff of this store only. */
async function findCustomerActionUnchecked(rawStoreId: number, query: string): Promise<FindCustomerResult> {
  const { userId, t } = await tillContext();
  if (userId === null) return { ok: false, message: t.till.signInAgain };
  const storeId = idSchema.safeParse(rawStoreId);
  if (!storeId.success) return { ok: false, message: t.till.notYourStore };
  if (!isSafeText(String(query ?? ''))) return { ok: false, message: t.common.unsafeText };
  const parsed = parseCustomerQuery(String(query ?? '').slice(0, 300));
  if (parsed.kind === 'invalid') {
    if (parsed.reason === 'card_length') return { ok: false, message: interpolate(t.till.cardLength, { count: parsed.digits }) };
    const messages = { card_prefix: t.till.cardPrefix, card_check_digit: t.till.cardCheckDigit, format: t.till.customerFormat };
    return { ok: false, message: messages[parsed.reason] };
  }
  try {
    await assertStaffOfStore(userId, storeId.data);
    const member = parsed.kind === 'card' ? await findMemberByCardNumber(parsed.cardNumber) : await findMemberByEmail(parsed.email);
    const scope = { storeId: storeId.data, staffId: userId };
    if (member) {
      const { customerId: id, name, email, cardNumber, tier, balance } = member;
      const identifiedBy = parsed.kind;
      // Found by email, the card's number stays off the screen: typing it back in would turn an
      // email lookup into a "presented" card.
      const shown = identifiedBy === 'card' ? { cardNumber, cardEnding: null } : { cardNumber: null, cardEnding: cardNumber.slice(-4) };
      const pass = sealCustomerPass({ customerId: id, identifiedBy }, scope);
      return { ok: true, customer: { id, name, email, ...shown, identifiedBy, pass, tier, balance } };
    }
    if (parsed.kind === 'card') return { ok: false, message: t.till.cardNotFound };
    // A customer without a card still gets the sale in their history.
    const shopper = await findShopperByEmail(parsed.email);
    if (!shopper) return { ok: false, message: t.till.customerNotFound };
    const pass = sealCustomerPass({ customerId: shopper.id, identifiedBy: 'email' }, scope);
    return { ok: true, customer: { ...shopper, cardNumber: null, cardEnding: null, identifiedBy: 'email', pass, tier: null, balance: null } };
  } catch (err) {
    return tillRefusal(err, t);
  }
}

/** A database that cannot be reached is answered with a refusal the screen shows (lib/http/action-outage.ts). */
export const findCustomerAction = withOutageRefusal(findCustomerActionUnchecked);
