'use server';
import { z } from 'zod';
import type { GiftCardBalanceResult } from '@/components/staff/till/types';
import { staffAction } from '@/lib/actions/builder';
import { idSchema } from '@/lib/actions/inputs';
import { refuse } from '@/lib/actions/state';
import { formatDate, formatPrice, interpolate } from '@/lib/i18n/format';
import { getGiftCardBalance } from '@/lib/wallet/queries';

/** A gift card scanned or typed at the till: what it can still pay (staff of this store only; the sale spends it). */
export const checkGiftCardAction = staffAction('till')
  .call(
    z.tuple([idSchema, z.string().max(60)]).transform(([storeId, code]) => ({ storeId, code })),
    (_error, { t }) => refuse(t.wallet.gift_card_unknown),
  )
  .run(async ({ input: { code }, t, locale }): Promise<GiftCardBalanceResult> => {
    const card = await getGiftCardBalance(code);
    if (!card) return refuse(t.wallet.gift_card_unknown, { giftCardCode: t.wallet.gift_card_unknown });
    if (card.expired) {
      const message = interpolate(t.wallet.gift_card_expired, { date: formatDate(card.expiresAt, locale, { day: 'numeric', month: 'long', year: 'numeric' }) });
      return refuse(message, { giftCardCode: message });
    }
    if (card.balanceCents === 0) {
      const message = interpolate(t.wallet.not_enough_on_gift_card, { amount: formatPrice(0, locale) });
      return refuse(message, { giftCardCode: message });
    }
    return { ok: true, code: card.code, balanceCents: card.balanceCents };
  });
