'use server';
import { z } from 'zod';
import type { FindCustomerResult } from '@/components/staff/till/types';
import { staffAction } from '@/lib/actions/builder';
import { idSchema } from '@/lib/actions/inputs';
import { refuse } from '@/lib/actions/state';
import { formatMessage } from '@/lib/i18n/format';
import { findMemberByCardNumber, findMemberByEmail } from '@/lib/loyalty/queries';
import { sealCustomerPass } from '@/lib/sales/customer-pass';
import { parseCustomerQuery } from '@/lib/sales/customer-query';
import { findShopperByEmail } from '@/lib/sales/queries';
import { getWallet } from '@/lib/wallet/queries';

/** The customer at the counter, by loyalty card number or email: staff of this store only. */
export const findCustomerAction = staffAction('till')
  .call(
    z.tuple([idSchema, z.unknown().optional()]).transform(([storeId, query]) => ({ storeId, query: parseCustomerQuery(String(query ?? '').slice(0, 300)) })),
    (_error, { t }) => refuse(t.till.notYourStore),
  )
  .run(async ({ input: { storeId, query }, user, t, locale }): Promise<FindCustomerResult> => {
    if (query.kind === 'invalid') {
      if (query.reason === 'card_length') return refuse(formatMessage(t.till.cardLength, { count: query.digits }, locale));
      const messages = { card_prefix: t.till.cardPrefix, card_check_digit: t.till.cardCheckDigit, format: t.till.customerFormat };
      return refuse(messages[query.reason]);
    }
    const member = query.kind === 'card' ? await findMemberByCardNumber(query.cardNumber) : await findMemberByEmail(query.email);
    const scope = { storeId, staffId: user.id };
    if (member) {
      const { customerId: id, name, email, cardNumber, tier, balance } = member;
      const identifiedBy = query.kind;
      // Found by email, the card's number stays off the screen: typing it back in would turn an
      // email lookup into a "presented" card.
      const shown = identifiedBy === 'card' ? { cardNumber, cardEnding: null } : { cardNumber: null, cardEnding: cardNumber.slice(-4) };
      const pass = sealCustomerPass({ customerId: id, identifiedBy }, scope);
      // Their store credit only on a presented card: it is spent only then.
      const storeCreditCents = identifiedBy === 'card' ? (await getWallet(id, 0)).storeCreditCents : null;
      return { ok: true, customer: { id, name, email, ...shown, identifiedBy, pass, tier, balance, storeCreditCents } };
    }
    if (query.kind === 'card') return refuse(t.till.cardNotFound);
    // A customer without a card still gets the sale in their history.
    const shopper = await findShopperByEmail(query.email);
    if (!shopper) return refuse(t.till.customerNotFound);
    const pass = sealCustomerPass({ customerId: shopper.id, identifiedBy: 'email' }, scope);
    return {
      ok: true,
      customer: { ...shopper, cardNumber: null, cardEnding: null, identifiedBy: 'email', pass, tier: null, balance: null, storeCreditCents: null },
    };
  });
